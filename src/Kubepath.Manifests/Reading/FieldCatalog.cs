using System;
using System.Collections.Generic;
using System.IO;

namespace Kubepath.Manifests.Reading;

/// <summary>The shape a field's value must have.</summary>
internal enum FieldShape : byte
{
    Any,
    String,
    Integer,
    Number,
    Boolean,
    IntOrString,
    Quantity,
    Object,
    Array,
    Map,
}

/// <summary>A field's type: a scalar shape, an object type by name, or a list or map of an element type.</summary>
internal sealed class FieldType
{
    public FieldType(FieldShape shape, string? typeName = null, FieldType? element = null)
    {
        Shape = shape;
        TypeName = typeName;
        Element = element;
    }

    public FieldShape Shape { get; }

    public string? TypeName { get; }

    public FieldType? Element { get; }
}

/// <summary>An object type: its fields by JSON name and the ones the API requires.</summary>
internal sealed class ObjectType
{
    public ObjectType(string name) => Name = name;

    public string Name { get; }

    public Dictionary<string, FieldType> Fields { get; } = new(StringComparer.Ordinal);

    public List<string> Required { get; } = new();
}

/// <summary>
/// The fields of every kind Kubepath validates, as the API defines them: schemas/kubernetes-fields.txt (generated from
/// the KubernetesClient models), schemas/metallb-fields.txt (from MetalLB's CRDs) and schemas/kubepath-fields.txt
/// (Kubepath's own settings file). The grammar, one declaration a
/// line: <c>kind APIVERSION KIND TYPE</c>; <c>type NAME</c> followed by indented <c>json-name FIELDTYPE [required]</c>
/// lines, where FIELDTYPE is <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>int-or-string</c>,
/// <c>quantity</c>, <c>any</c>, a type name, <c>[FIELDTYPE]</c> (a list) or <c>map&lt;FIELDTYPE&gt;</c>.
/// </summary>
internal sealed class FieldCatalog
{
    private static readonly Lazy<FieldCatalog> Embedded = new(() =>
    {
        var catalog = new FieldCatalog();
        foreach (var name in new[] { "schemas/kubernetes-fields.txt", "schemas/metallb-fields.txt", "schemas/kubepath-fields.txt" })
        {
            using var stream = typeof(FieldCatalog).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException("missing resource " + name);
            using var reader = new StreamReader(stream);
            catalog.Add(reader.ReadToEnd());
        }

        return catalog;
    });

    private readonly Dictionary<(string ApiVersion, string Kind), string> kinds = new();
    private readonly Dictionary<string, ObjectType> types = new(StringComparer.Ordinal);

    public static FieldCatalog Instance => Embedded.Value;

    public ObjectType? RootOf(string apiVersion, string kind) =>
        kinds.TryGetValue((apiVersion, kind), out var root) ? Type(root) : null;

    public ObjectType? Type(string name) => types.TryGetValue(name, out var type) ? type : null;

    /// <summary>Reads one catalog file; a malformed line is a bug in the catalog, so it throws.</summary>
    public void Add(string text)
    {
        ObjectType? current = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line.Trim().Split(' ');
            if (line.StartsWith("kind ", StringComparison.Ordinal) && parts.Length == 4)
            {
                kinds[(parts[1], parts[2])] = parts[3];
            }
            else if (line.StartsWith("type ", StringComparison.Ordinal) && parts.Length == 2)
            {
                current = types[parts[1]] = new ObjectType(parts[1]);
            }
            else if (line.StartsWith("  ", StringComparison.Ordinal) && current is not null && parts.Length is 2 or 3)
            {
                current.Fields[parts[0]] = Parse(parts[1]);
                if (parts.Length == 3 && parts[2] == "required")
                {
                    current.Required.Add(parts[0]);
                }
            }
            else
            {
                throw new InvalidDataException("field catalog: cannot read \"" + line + "\"");
            }
        }
    }

    private static FieldType Parse(string text) => text switch
    {
        "string" => new FieldType(FieldShape.String),
        "integer" => new FieldType(FieldShape.Integer),
        "number" => new FieldType(FieldShape.Number),
        "boolean" => new FieldType(FieldShape.Boolean),
        "int-or-string" => new FieldType(FieldShape.IntOrString),
        "quantity" => new FieldType(FieldShape.Quantity),
        "any" => new FieldType(FieldShape.Any),
        _ when text.StartsWith("[", StringComparison.Ordinal) && text.EndsWith("]", StringComparison.Ordinal) =>
            new FieldType(FieldShape.Array, element: Parse(text.Substring(1, text.Length - 2))),
        _ when text.StartsWith("map<", StringComparison.Ordinal) && text.EndsWith(">", StringComparison.Ordinal) =>
            new FieldType(FieldShape.Map, element: Parse(text.Substring(4, text.Length - 5))),
        _ => new FieldType(FieldShape.Object, typeName: text),
    };
}
