using System;
using System.Collections.Generic;
using Kubepath.Manifests.Reading;
using YamlDotNet.Core;

namespace Kubepath.Manifests.Yaml;

internal enum YamlNodeKind : byte
{
    Scalar,
    Mapping,
    Sequence,
    Alias,
}

/// <summary>
/// The nodes of one YAML document, built straight from the parser's events into one array that is reused from
/// document to document: a node costs no allocation of its own. Nodes are numbered; a collection links its
/// children (a mapping's alternate key, value, key, value). Offsets are character offsets into the file's text,
/// End exclusive. An alias is a node pointing at its anchor's node, so repeating a large node costs nothing.
/// </summary>
internal sealed class YamlTree
{
    public const int None = -1;

    private Data[] nodes;

    /// <param name="capacity">Nodes to make room for at first: a reader's one reused tree starts large, a written document's small.</param>
    public YamlTree(int capacity = 256) => nodes = new Data[capacity];

    public int Count { get; private set; }

    /// <summary>The document has an alias (a merge key's included): a node may be reached twice.</summary>
    public bool HasAliases { get; private set; }

    public void Clear()
    {
        Array.Clear(nodes, 0, Count);
        Count = 0;
        HasAliases = false;
    }

    public int AddScalar(string value, ScalarStyle style, int start, int end, string? tag)
    {
        var i = Add(YamlNodeKind.Scalar, start, tag);
        ref var node = ref nodes[i];
        node.Value = value;
        node.Style = style;
        node.End = end;
        node.Complete = true;
        return i;
    }

    public int AddCollection(YamlNodeKind kind, int start, string? tag) => Add(kind, start, tag);

    public int AddAlias(int target, int start, int end)
    {
        HasAliases = true;
        var i = Add(YamlNodeKind.Alias, start, null);
        ref var node = ref nodes[i];
        node.Target = target;
        node.End = end;
        node.Complete = true;
        node.Weight = nodes[target].Weight;
        return i;
    }

    public void AppendChild(int parent, int child)
    {
        ref var p = ref nodes[parent];
        if (p.First == None)
        {
            p.First = child;
        }
        else
        {
            nodes[p.Last].Next = child;
        }

        p.Last = child;
        p.Children++;
        p.Weight = p.Weight > long.MaxValue - nodes[child].Weight ? long.MaxValue : p.Weight + nodes[child].Weight;
    }

    /// <summary>Notes that a mapping has a merge key, so lookups know to apply it.</summary>
    public void MarkMerges(int mapping) => nodes[mapping].HasMerges = true;

    public void Complete(int node, int end)
    {
        nodes[node].End = Math.Max(nodes[node].Start, end);
        nodes[node].Complete = true;
    }

    public YamlNodeKind Kind(int i) => nodes[i].Kind;

    public int Start(int i) => nodes[i].Start;

    public int End(int i) => nodes[i].End;

    public string Value(int i) => nodes[i].Value ?? string.Empty;

    public bool IsPlain(int i) => nodes[i].Style is ScalarStyle.Plain or ScalarStyle.Any;

    public long Weight(int i) => nodes[i].Weight;

    public bool IsComplete(int i) => nodes[i].Complete;

    public bool HasMerges(int mapping) => nodes[mapping].HasMerges;

    /// <summary>Children in order (for a mapping: key, value, key, value...).</summary>
    public int FirstChild(int i) => nodes[i].First;

    public int Next(int i) => nodes[i].Next;

    public int ChildCount(int i) => nodes[i].Children;

    /// <summary>The node an alias stands for; any other node itself.</summary>
    public int Deref(int i) => i >= 0 && nodes[i].Kind == YamlNodeKind.Alias ? nodes[i].Target : i;

    /// <summary>A plain, untagged <c>&lt;&lt;</c> key: YAML 1.1's merge key, which Kubernetes' reader (go-yaml v2) honours.</summary>
    public bool IsMergeKey(int key) => nodes[key].Kind == YamlNodeKind.Scalar && nodes[key].Tag is null && IsPlain(key) && nodes[key].Value == "<<";

    /// <summary>The value under <paramref name="key"/> in a mapping (merged mappings after its own entries), or <see cref="None"/>.</summary>
    public int Get(int mapping, string key) => Get(mapping, key, 0);

    /// <summary>How Kubernetes reads a scalar, computed once per node.</summary>
    public ScalarValue Resolve(int scalar)
    {
        ref var node = ref nodes[scalar];
        if (node.Resolved == 0)
        {
            var value = ScalarValue.ResolveUncached(node.Value ?? string.Empty, node.Tag, IsPlain(scalar));
            node.Resolved = (byte)(value.Kind + 1);
            node.Integer = value.Kind == ScalarKind.Bool ? (value.Boolean ? 1 : 0) : value.Integer;
        }

        return ScalarValue.FromCache((ScalarKind)(node.Resolved - 1), node.Value ?? string.Empty, node.Integer);
    }

    // go-yaml v2 (decode.go, mapping and merge) fills a map entry by entry in document order: a later key
    // replaces an earlier one, and a merge key applies its mapping in place, so it replaces the keys before it.
    private int Get(int mapping, string key, int depth)
    {
        var hasMerges = nodes[mapping].HasMerges;
        var winner = None;
        for (var k = nodes[mapping].First; k != None && nodes[k].Next != None; k = nodes[nodes[k].Next].Next)
        {
            var value = nodes[k].Next;
            if (nodes[k].Kind == YamlNodeKind.Scalar && nodes[k].Value == key && !IsMergeKey(k))
            {
                // Keys are unique (a repeat is reported and dropped): only a merge after it could replace it.
                winner = Deref(value);
                if (!hasMerges)
                {
                    return winner;
                }
            }
            else if (IsMergeKey(k) && depth < 8)
            {
                foreach (var source in MergeSources(Deref(value)))
                {
                    var found = Get(source, key, depth + 1);
                    if (found != None)
                    {
                        winner = found;
                        break;
                    }
                }
            }
        }

        return winner;
    }

    /// <summary>
    /// The mappings a merge key's value names: one mapping, or a list of them, in the order of precedence
    /// (go-yaml applies a list backwards, so its first mapping wins).
    /// </summary>
    public IEnumerable<int> MergeSources(int value)
    {
        if (nodes[value].Kind == YamlNodeKind.Mapping)
        {
            yield return value;
        }
        else if (nodes[value].Kind == YamlNodeKind.Sequence)
        {
            for (var item = nodes[value].First; item != None; item = nodes[item].Next)
            {
                var source = Deref(item);
                if (nodes[source].Kind == YamlNodeKind.Mapping)
                {
                    yield return source;
                }
            }
        }
    }

    private int Add(YamlNodeKind kind, int start, string? tag)
    {
        if (Count == nodes.Length)
        {
            Array.Resize(ref nodes, nodes.Length * 2);
        }

        var i = Count++;
        nodes[i] = new Data { Kind = kind, Start = start, End = start, Tag = tag, First = None, Last = None, Next = None, Target = None, Weight = 1 };
        return i;
    }

    private struct Data
    {
        public string? Value;
        public string? Tag;
        public long Weight;
        public long Integer;
        public int Start;
        public int End;
        public int First;
        public int Last;
        public int Next;
        public int Children;
        public int Target;
        public YamlNodeKind Kind;
        public ScalarStyle Style;
        public byte Resolved;
        public bool Complete;
        public bool HasMerges;
    }
}

/// <summary>
/// One document of a YAML stream: its tree and root (<see cref="YamlTree.None"/> when empty), where it lies, and
/// its quoted and block scalars (recorded only when the file has template markers to look for).
/// </summary>
internal readonly record struct YamlDocument(YamlTree Tree, int Root, int Start, int End, IReadOnlyList<(int Start, int End)> QuotedScalars);
