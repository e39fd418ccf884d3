using System.Collections.Generic;
using System.Globalization;
using Kubepath.Manifests;
using Microsoft.CodeAnalysis;

namespace Kubepath.Analyzers.Extraction;

/// <summary>
/// A manifest as C# builds it, in the API's JSON shape: objects with the API's field names, lists and scalars, each
/// remembering the C# syntax that set it. Written out as JSON for the loader, with a map from the JSON text back to
/// that syntax, so the engine's findings land on the C# that caused them. The writer builds the loader's document trees as
/// it writes, so the text is not parsed again.
/// </summary>
internal abstract class JsonNode
{
    protected JsonNode(SyntaxNode? syntax) => Syntax = syntax;

    /// <summary>Where C# set the value: the assignment (<c>Type = "NodePort"</c>) or the expression.</summary>
    public SyntaxNode? Syntax { get; set; }

    public abstract void Write(ManifestJsonWriter writer, SourceMap map);

    /// <summary>How many ranges writing this node can add to a source map at most: the map is made that size once.</summary>
    public abstract int MaxRanges();
}

internal sealed class JsonObject : JsonNode
{
    private readonly List<KeyValuePair<string, JsonNode>> fields;

    /// <param name="syntax">Where the object is made.</param>
    /// <param name="capacity">How many fields it is expected to hold (an initializer's count), so that it is not grown.</param>
    public JsonObject(SyntaxNode? syntax, int capacity = 0)
        : base(syntax)
    {
        fields = new(capacity);
    }

    public int Count => fields.Count;

    public bool Has(string name) => IndexOf(name) >= 0;

    public JsonNode? Get(string name) => IndexOf(name) is var index and >= 0 ? fields[index].Value : null;

    /// <summary>Sets a field; a later assignment replaces an earlier one, as it does at run time.</summary>
    public void Set(string name, JsonNode value)
    {
        var index = IndexOf(name);
        if (index >= 0)
        {
            fields[index] = new KeyValuePair<string, JsonNode>(name, value);
        }
        else
        {
            fields.Add(new KeyValuePair<string, JsonNode>(name, value));
        }
    }

    public void Prepend(string name, JsonNode value) => fields.Insert(0, new KeyValuePair<string, JsonNode>(name, value));

    // A loop, not List.FindIndex with a lambda: objects are looked up for every value set, and a capturing lambda allocates.
    private int IndexOf(string name)
    {
        for (var index = 0; index < fields.Count; index++)
        {
            if (fields[index].Key == name)
            {
                return index;
            }
        }

        return -1;
    }

    public override void Write(ManifestJsonWriter writer, SourceMap map)
    {
        var start = writer.Position;
        writer.BeginObject();
        foreach (var field in fields)
        {
            writer.Key(field.Key);
            var valueStart = writer.Position;
            field.Value.Write(writer, map);
            // The key and its value map to the assignment that set them.
            map.Add(valueStart, writer.Position, field.Value.Syntax);
        }

        writer.EndObject();
        map.Add(start, writer.Position, Syntax);
    }

    public override int MaxRanges()
    {
        var count = 1;
        foreach (var field in fields)
        {
            count += 1 + field.Value.MaxRanges();
        }

        return count;
    }
}

internal sealed class JsonArray : JsonNode
{
    public JsonArray(SyntaxNode? syntax)
        : base(syntax)
    {
    }

    public List<JsonNode> Items { get; } = new();

    public override void Write(ManifestJsonWriter writer, SourceMap map)
    {
        var start = writer.Position;
        writer.BeginArray();
        foreach (var item in Items)
        {
            var itemStart = writer.Position;
            item.Write(writer, map);
            map.Add(itemStart, writer.Position, item.Syntax);
        }

        writer.EndArray();
        map.Add(start, writer.Position, Syntax);
    }

    public override int MaxRanges()
    {
        var count = 1;
        foreach (var item in Items)
        {
            count += 1 + item.MaxRanges();
        }

        return count;
    }
}

internal sealed class JsonScalar : JsonNode
{
    private readonly object value;

    public JsonScalar(object value, SyntaxNode? syntax)
        : base(syntax) => this.value = value;

    public override void Write(ManifestJsonWriter writer, SourceMap map)
    {
        switch (value)
        {
            case string s:
                writer.String(s);
                break;
            case bool b:
                writer.Boolean(b);
                break;
            case double d:
                writer.Number(d);
                break;
            case float f:
                writer.Number(f);
                break;
            default:
                writer.Number(System.Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    public override int MaxRanges() => 0;
}

/// <summary>From ranges of the generated JSON text to the C# syntax that produced them; the innermost range wins.</summary>
internal sealed class SourceMap
{
    private readonly List<(int Start, int End, SyntaxNode Syntax)> ranges;

    /// <param name="capacity">How many ranges it will hold at most (<see cref="JsonNode.MaxRanges"/>), so that it never grows.</param>
    public SourceMap(int capacity) => ranges = new(capacity);

    public void Add(int start, int end, SyntaxNode? syntax)
    {
        if (syntax is not null)
        {
            ranges.Add((start, end, syntax));
        }
    }

    /// <summary>The C# syntax behind the JSON at <paramref name="offset"/>, or null when nothing maps there.</summary>
    public SyntaxNode? Find(int offset)
    {
        SyntaxNode? best = null;
        var bestLength = int.MaxValue;
        foreach (var (start, end, syntax) in ranges)
        {
            if (start <= offset && offset < end && end - start < bestLength)
            {
                best = syntax;
                bestLength = end - start;
            }
        }

        return best;
    }
}
