using System.Collections.Generic;
using YamlDotNet.Core;

namespace Kubepath.Manifests.Yaml;

/// <summary>
/// A node of one YAML document, built straight from the parser's events. Offsets are character offsets into
/// the file's text (End exclusive); lines and columns are computed only for the values a report cites.
/// Aliases share the anchored node, so an alias costs nothing however large its target.
/// </summary>
internal abstract class YamlNode
{
    protected YamlNode(int start, int end, string? tag)
    {
        Start = start;
        End = end;
        Tag = tag;
    }

    public int Start { get; }

    public int End { get; set; }

    /// <summary>The explicit tag (<c>tag:yaml.org,2002:str</c> for <c>!!str</c>), or null.</summary>
    public string? Tag { get; }

    /// <summary>The number of nodes this node stands for once aliases are expanded (bounded by the loader).</summary>
    public long Weight { get; set; } = 1;

    public bool IsComplete { get; set; }
}

internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(string value, ScalarStyle style, int start, int end, string? tag)
        : base(start, end, tag)
    {
        Value = value;
        Style = style;
        IsComplete = true;
    }

    public string Value { get; }

    public ScalarStyle Style { get; }

    public bool IsPlain => Style is ScalarStyle.Plain or ScalarStyle.Any;
}

internal readonly struct YamlEntry
{
    public YamlEntry(YamlNode key, YamlNode value)
    {
        Key = key;
        Value = value;
    }

    public YamlNode Key { get; }

    public YamlNode Value { get; }
}

internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(int start, string? tag, bool isFlow)
        : base(start, start, tag) => IsFlow = isFlow;

    public List<YamlEntry> Entries { get; } = new();

    /// <summary>Mappings merged in with YAML 1.1 merge keys (<c>&lt;&lt;: *base</c>); own entries win.</summary>
    public List<YamlMapping>? Merged { get; set; }

    public bool IsFlow { get; }

    public YamlEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key is YamlScalar scalar && scalar.Value == key)
            {
                return entry;
            }
        }

        if (Merged is not null)
        {
            foreach (var merged in Merged)
            {
                var found = merged.Find(key);
                if (found is not null)
                {
                    return found;
                }
            }
        }

        return null;
    }

    public YamlNode? Get(string key) => Find(key)?.Value;
}

internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(int start, string? tag)
        : base(start, start, tag)
    {
    }

    public List<YamlNode> Items { get; } = new();
}

/// <summary>One document of a YAML stream: its root node (null when empty) and where it lies in the file.</summary>
internal sealed class YamlDocument
{
    public YamlDocument(YamlNode? root, int start, int end, IReadOnlyList<(int Start, int End)> quotedScalars)
    {
        Root = root;
        Start = start;
        End = end;
        QuotedScalars = quotedScalars;
    }

    public YamlNode? Root { get; }

    public int Start { get; }

    public int End { get; }

    /// <summary>Quoted and block scalars, recorded only when the file has template markers to look for.</summary>
    public IReadOnlyList<(int Start, int End)> QuotedScalars { get; }
}
