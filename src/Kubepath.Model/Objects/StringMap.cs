using System;
using System.Collections;
using System.Collections.Generic;

namespace Kubepath.Model;

/// <summary>One key/value pair of a string map (labels, annotations, a selector), both with their spans.</summary>
public sealed record MapEntry(Field<string> Key, Field<string> Value);

/// <summary>
/// An immutable string-to-string map that keeps the order and the spans of its entries:
/// labels, annotations, selectors, node selectors.
/// </summary>
public sealed class StringMap : IReadOnlyList<MapEntry>
{
    public static readonly StringMap Empty = new(Array.Empty<MapEntry>());

    private readonly MapEntry[] entries;

    public StringMap(IReadOnlyList<MapEntry> entries)
    {
        this.entries = new MapEntry[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            this.entries[i] = entries[i];
        }
    }

    public int Count => entries.Length;

    public MapEntry this[int index] => entries[index];

    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var entry in entries)
            {
                yield return entry.Key.Value;
            }
        }
    }

    public MapEntry? Find(string key)
    {
        foreach (var entry in entries)
        {
            if (entry.Key.Value == key)
            {
                return entry;
            }
        }

        return null;
    }

    public bool TryGetValue(string key, out string value)
    {
        var entry = Find(key);
        value = entry?.Value.Value ?? string.Empty;
        return entry is not null;
    }

    public string? this[string key] => Find(key)?.Value.Value;

    /// <summary>True when every entry of <paramref name="selector"/> is present here with the same value.</summary>
    public bool Contains(StringMap selector)
    {
        foreach (var wanted in selector.entries)
        {
            if (!TryGetValue(wanted.Key.Value, out var value) || value != wanted.Value.Value)
            {
                return false;
            }
        }

        return true;
    }

    public IEnumerator<MapEntry> GetEnumerator() => ((IEnumerable<MapEntry>)entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => entries.GetEnumerator();
}
