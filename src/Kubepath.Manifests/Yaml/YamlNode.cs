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
    public abstract long Weight { get; }

    /// <summary>False while the parser is still inside the node (an alias to it then would be recursive).</summary>
    public abstract bool IsComplete { get; }
}

internal sealed class YamlScalar : YamlNode
{
    private byte resolvedKind;
    private long resolvedInteger;

    public YamlScalar(string value, ScalarStyle style, int start, int end, string? tag)
        : base(start, end, tag)
    {
        Value = value;
        Style = style;
    }

    public string Value { get; }

    public ScalarStyle Style { get; }

    public bool IsPlain => Style is ScalarStyle.Plain or ScalarStyle.Any;

    public override long Weight => 1;

    public override bool IsComplete => true;

    /// <summary>How Kubernetes reads this scalar, computed once and kept in two small fields.</summary>
    public Reading.ScalarValue Resolved
    {
        get
        {
            if (resolvedKind == 0)
            {
                var value = Reading.ScalarValue.ResolveUncached(this);
                resolvedKind = (byte)(value.Kind + 1);
                resolvedInteger = value.Kind == Reading.ScalarKind.Bool ? (value.Boolean ? 1 : 0) : value.Integer;
            }

            return Reading.ScalarValue.FromCache((Reading.ScalarKind)(resolvedKind - 1), Value, resolvedInteger);
        }
    }
}

/// <summary>A mapping or a sequence: it has children, an expanded size, and is open while being read.</summary>
internal abstract class YamlCollection : YamlNode
{
    private long weight = 1;
    private bool complete;

    protected YamlCollection(int start, string? tag)
        : base(start, start, tag)
    {
    }

    public override long Weight => weight;

    public override bool IsComplete => complete;

    public void AddWeight(long childWeight) => weight = weight > long.MaxValue - childWeight ? long.MaxValue : weight + childWeight;

    public void Complete(int end)
    {
        End = end;
        complete = true;
    }
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

internal sealed class YamlMapping : YamlCollection
{
    public YamlMapping(int start, string? tag, bool isFlow)
        : base(start, tag) => IsFlow = isFlow;

    public List<YamlEntry> Entries { get; } = new(4);

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

internal sealed class YamlSequence : YamlCollection
{
    public YamlSequence(int start, string? tag)
        : base(start, tag)
    {
    }

    public List<YamlNode> Items { get; } = new(4);
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
