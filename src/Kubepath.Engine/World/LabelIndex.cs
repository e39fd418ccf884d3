using System;
using System.Collections.Generic;
using System.Linq;
using Kubepath.Model;

namespace Kubepath.Engine.World;

/// <summary>
/// Labelled items (pods, pod templates) by namespace and label, so that a selector's matches are found from the
/// selector's rarest label rather than by testing every item of the namespace: with thousands of Services in a
/// namespace, testing every pod against every selector is quadratic. Matches keep the order the items were given in.
/// </summary>
internal sealed class LabelIndex<T>
{
    private readonly Dictionary<(string Namespace, string Key, string Value), List<T>> byLabel = new();
    private readonly Dictionary<string, List<T>> byNamespace = new(StringComparer.Ordinal);
    private readonly Func<T, StringMap> labelsOf;

    public LabelIndex(IEnumerable<T> items, Func<T, string> namespaceOf, Func<T, StringMap> labelsOf)
    {
        this.labelsOf = labelsOf;
        foreach (var item in items)
        {
            var ns = namespaceOf(item);
            byNamespace.AddToList(ns, item);
            var labels = labelsOf(item);
            foreach (var entry in labels)
            {
                // A repeated key means what its first entry says (StringMap.Find), as selectors read it.
                if (ReferenceEquals(labels.Find(entry.Key.Value), entry))
                {
                    byLabel.AddToList((ns, entry.Key.Value, entry.Value.Value), item);
                }
            }
        }
    }

    /// <summary>Every item of the namespace (in order).</summary>
    public IReadOnlyList<T> In(string ns) => byNamespace.TryGetValue(ns, out var items) ? items.AsReadOnly() : Array.Empty<T>();

    /// <summary>The items of the namespace whose labels hold every entry of <paramref name="selector"/> (in order).</summary>
    public List<T> Selected(string ns, StringMap selector)
    {
        IReadOnlyList<T> candidates = byNamespace.TryGetValue(ns, out var inNamespace) ? inNamespace : Array.Empty<T>();
        foreach (var wanted in selector)
        {
            if (!byLabel.TryGetValue((ns, wanted.Key.Value, wanted.Value.Value), out var withLabel))
            {
                return new List<T>();
            }

            if (withLabel.Count < candidates.Count)
            {
                candidates = withLabel;
            }
        }

        return candidates.Where(item => labelsOf(item).Contains(selector)).ToList();
    }
}
