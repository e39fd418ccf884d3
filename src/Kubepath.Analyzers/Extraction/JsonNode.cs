using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Kubepath.Analyzers.Extraction;

/// <summary>
/// A manifest as C# builds it, in the API's JSON shape: objects with the API's field names, lists and scalars, each
/// remembering the C# syntax that set it. Written out as JSON for the loader, with a map from the JSON text back to
/// that syntax, so the engine's findings land on the C# that caused them.
/// </summary>
internal abstract class JsonNode
{
    protected JsonNode(SyntaxNode? syntax) => Syntax = syntax;

    /// <summary>Where C# set the value: the assignment (<c>Type = "NodePort"</c>) or the expression.</summary>
    public SyntaxNode? Syntax { get; set; }

    public abstract void Write(StringBuilder text, SourceMap map);
}

internal sealed class JsonObject : JsonNode
{
    private readonly List<KeyValuePair<string, JsonNode>> fields = new();

    public JsonObject(SyntaxNode? syntax)
        : base(syntax)
    {
    }

    public int Count => fields.Count;

    public bool Has(string name) => fields.Exists(field => field.Key == name);

    public JsonNode? Get(string name) => fields.Find(field => field.Key == name).Value;

    /// <summary>Sets a field; a later assignment replaces an earlier one, as it does at run time.</summary>
    public void Set(string name, JsonNode value)
    {
        var index = fields.FindIndex(field => field.Key == name);
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

    public override void Write(StringBuilder text, SourceMap map)
    {
        var start = text.Length;
        text.Append('{');
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            JsonScalar.AppendString(text, fields[i].Key);
            text.Append(": ");
            var valueStart = text.Length;
            fields[i].Value.Write(text, map);
            // The key and its value map to the assignment that set them.
            map.Add(valueStart, text.Length, fields[i].Value.Syntax);
        }

        text.Append('}');
        map.Add(start, text.Length, Syntax);
    }
}

internal sealed class JsonArray : JsonNode
{
    public JsonArray(SyntaxNode? syntax)
        : base(syntax)
    {
    }

    public List<JsonNode> Items { get; } = new();

    public override void Write(StringBuilder text, SourceMap map)
    {
        var start = text.Length;
        text.Append('[');
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            var itemStart = text.Length;
            Items[i].Write(text, map);
            map.Add(itemStart, text.Length, Items[i].Syntax);
        }

        text.Append(']');
        map.Add(start, text.Length, Syntax);
    }
}

internal sealed class JsonScalar : JsonNode
{
    private readonly object value;

    public JsonScalar(object value, SyntaxNode? syntax)
        : base(syntax) => this.value = value;

    public override void Write(StringBuilder text, SourceMap map)
    {
        switch (value)
        {
            case string s:
                AppendString(text, s);
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case double d:
                text.Append(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case float f:
                text.Append(f.ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                text.Append(System.Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>A JSON string; always double-quoted, so YAML reads it as a string too.</summary>
    public static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                default:
                    if (c < ' ')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}

/// <summary>From ranges of the generated JSON text to the C# syntax that produced them; the innermost range wins.</summary>
internal sealed class SourceMap
{
    private readonly List<(int Start, int End, SyntaxNode Syntax)> ranges = new();

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
