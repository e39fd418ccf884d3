using System;
using System.Collections.Generic;
using System.Linq;
using Kubepath.Manifests.Yaml;
using Kubepath.Model;

namespace Kubepath.Manifests.Reading;

/// <summary>
/// A YAML node at a field path, with typed accessors for the fields of the mapping it holds. A field of the
/// wrong type is reported once (KP9003, or KP9004 for a value outside an enum, KP9006 for a template
/// placeholder) and read as absent, so one bad value never hides the rest of the object.
/// </summary>
internal readonly struct Node
{
    private readonly ReadContext context;

    // A collection holds its own path (its children need it). A scalar or an absent field holds its parent's
    // path and its key or index, so the many leaf values and optional fields an object has allocate no path.
    private readonly FieldPath parent;
    private readonly string? key;
    private readonly int index;

    public Node(ReadContext context, YamlNode? yaml, FieldPath path)
        : this(context, yaml, path, null, -1)
    {
    }

    private Node(ReadContext context, YamlNode? yaml, FieldPath parent, string? key, int index)
    {
        this.context = context;
        Yaml = yaml;
        this.parent = parent;
        this.key = key;
        this.index = index;
    }

    public YamlNode? Yaml { get; }

    public FieldPath Path => key is not null ? parent.Key(key) : index >= 0 ? parent.Index(index) : parent;

    public bool Exists => Yaml is not null && !(Yaml is YamlScalar scalar && ScalarValue.Resolve(scalar).Kind == ScalarKind.Null);

    public SourceSpan Span => context.Span(Yaml!, parent, key, index);

    public SourceSpan? SpanIfExists => Exists ? Span : null;

    public bool Has(string key) => Child(key).Exists;

    /// <summary>The same node with paths starting afresh: the items of a List are objects of their own.</summary>
    public Node Rebase() => new(context, Yaml, FieldPath.Root);

    /// <summary>The mapping under <paramref name="key"/>; reported and empty when it holds something else.</summary>
    public Node Map(string key)
    {
        var child = Child(key);
        return child.Exists && child.Yaml is not YamlMapping ? child.Mismatch("a mapping") : child;
    }

    /// <summary>The items of the sequence under <paramref name="key"/>; reported and empty when it holds something else.</summary>
    public IEnumerable<Node> Items(string key)
    {
        var child = Child(key);
        if (!child.Exists)
        {
            return Enumerable.Empty<Node>();
        }

        if (child.Yaml is not YamlSequence sequence)
        {
            child.Mismatch("a list");
            return Enumerable.Empty<Node>();
        }

        return ItemsOf(child, sequence);
    }

    public IReadOnlyList<T> List<T>(string key, Func<Node, T?> read)
        where T : class
    {
        var child = Child(key);
        if (!child.Exists)
        {
            return Array.Empty<T>();
        }

        if (child.Yaml is not YamlSequence sequence)
        {
            child.Mismatch("a list");
            return Array.Empty<T>();
        }

        var result = new T[sequence.Items.Count];
        var count = 0;
        for (var i = 0; i < result.Length; i++)
        {
            var value = read(Item(child, sequence.Items[i], i));
            if (value is not null)
            {
                result[count++] = value;
            }
        }

        if (count < result.Length)
        {
            Array.Resize(ref result, count);
        }

        return result;
    }

    /// <summary>Each item of the list under <paramref name="key"/> when it is a mapping (others are reported).</summary>
    public IReadOnlyList<T> Mappings<T>(string key, Func<Node, T> read)
        where T : class =>
        List(key, item => item.Yaml is YamlMapping ? read(item) : item.MismatchAndNull<T>("a mapping"));

    public Field<string>? String(string key) => Child(key).AsString();

    public IReadOnlyList<Field<string>> Strings(string key) => List(key, item => item.AsString());

    public Field<int>? Int(string key)
    {
        var field = Long(key);
        if (field is null)
        {
            return null;
        }

        if (field.Value is < int.MinValue or > int.MaxValue)
        {
            Child(key).Report(LoadDiagnostics.WrongValueType, $"{Child(key).Path}: {field.Value} does not fit in a 32-bit integer");
            return null;
        }

        return new Field<int>((int)field.Value, field.Span);
    }

    public Field<long>? Long(string key) => Child(key).AsLong();

    public Field<bool>? Bool(string key)
    {
        var child = Child(key);
        if (child.Scalar("a boolean") is not { } value)
        {
            return null;
        }

        return value.Kind == ScalarKind.Bool ? new Field<bool>(value.Boolean, child.Span) : child.WrongScalar<bool>("a boolean (true or false)", value);
    }

    public Field<T>? Enum<T>(string key, WireNames<T> names)
        where T : struct, System.Enum => Child(key).AsEnum(names);

    public IReadOnlyList<Field<T>> Enums<T>(string key, WireNames<T> names)
        where T : struct, System.Enum => List(key, item => item.AsEnum(names));

    public Field<IntOrString>? IntOrString(string key)
    {
        var child = Child(key);
        if (child.Scalar("a port number or name") is not { } value)
        {
            return null;
        }

        if (value.Kind == ScalarKind.Int && value.Integer is >= int.MinValue and <= int.MaxValue)
        {
            return new Field<IntOrString>(Model.IntOrString.FromNumber((int)value.Integer), child.Span);
        }

        return value.Kind == ScalarKind.String
            ? new Field<IntOrString>(Model.IntOrString.FromName(value.Text), child.Span)
            : child.WrongScalar<IntOrString>("a port number or a port name", value);
    }

    /// <summary>A string-to-string map (labels, a selector); entries with non-string values are reported and skipped.</summary>
    public Field<StringMap>? StringMap(string key, bool checkTemplates = true)
    {
        var child = Map(key);
        if (child.Yaml is not YamlMapping mapping)
        {
            return null;
        }

        var entries = new List<MapEntry>(mapping.Entries.Count);
        foreach (var entry in AllEntries(mapping))
        {
            if (entry.Key is not YamlScalar keyScalar)
            {
                new Node(context, entry.Key, child.Path).Report(LoadDiagnostics.WrongValueType, $"{child.Path}: keys must be strings");
                continue;
            }

            var valueNode = new Node(context, entry.Value, child.parent, keyScalar.Value, -1);
            var value = valueNode.Exists ? valueNode.AsString(checkTemplates) : new Field<string>(string.Empty, valueNode.Span);
            if (value is not null)
            {
                entries.Add(new MapEntry(new Field<string>(keyScalar.Value, context.Span(keyScalar, child.parent, keyScalar.Value, -1)), value));
            }
        }

        return new Field<StringMap>(new Model.StringMap(entries), child.Span);
    }

    /// <summary>Like <see cref="StringMap(string, bool)"/> but never null (labels, annotations).</summary>
    public Model.StringMap StringMapOrEmpty(string key, bool checkTemplates = true) => StringMap(key, checkTemplates)?.Value ?? Model.StringMap.Empty;

    public Field<string>? AsString(bool checkTemplates = true)
    {
        if (Scalar("a string") is not { } value)
        {
            return null;
        }

        if (value.Kind != ScalarKind.String)
        {
            return WrongScalar<string>("a string", value, hint: $"; quote it (\"{value.Text}\") if the text is meant");
        }

        return checkTemplates && TemplatePlaceholder(value.Text) ? null : new Field<string>(value.Text, Span);
    }

    public Field<T>? AsEnum<T>(WireNames<T> names)
        where T : struct, System.Enum
    {
        if (Scalar(names.Expected) is not { } value)
        {
            return null;
        }

        if (names.TryParse(value.Text, out var parsed) && value.Kind is ScalarKind.String or ScalarKind.Bool)
        {
            return new Field<T>(parsed, Span);
        }

        if (TemplatePlaceholder(value.Text))
        {
            return null;
        }

        var suggestion = names.Suggest(value.Text);
        var hint = suggestion is null ? string.Empty : $"; did you mean {suggestion}? (values are case-sensitive)";
        Report(LoadDiagnostics.InvalidEnumValue, $"{Path}: \"{value.Text}\" is not valid; the API accepts {names.Choices}{hint}");
        return null;
    }

    private Field<long>? AsLong()
    {
        if (Scalar("an integer") is not { } value)
        {
            return null;
        }

        return value.Kind == ScalarKind.Int
            ? new Field<long>(value.Integer, Span)
            : WrongScalar<long>("an integer", value, hint: value.Kind == ScalarKind.String && ScalarValue.Resolve(new YamlScalar(value.Text, YamlDotNet.Core.ScalarStyle.Plain, 0, 0, null)).Kind == ScalarKind.Int ? "; remove the quotes" : string.Empty);
    }

    public Node Child(string key)
    {
        var value = (Yaml as YamlMapping)?.Get(key);
        return value is YamlCollection ? new Node(context, value, parent.Key(key)) : new Node(context, value, Path, key, -1);
    }

    /// <summary>The scalar value here, or null when absent or null; reports a collection where a scalar belongs.</summary>
    private ScalarValue? Scalar(string expected)
    {
        if (Yaml is null)
        {
            return null;
        }

        if (Yaml is not YamlScalar scalar)
        {
            Mismatch(expected);
            return null;
        }

        var value = ScalarValue.Resolve(scalar);
        return value.Kind == ScalarKind.Null ? null : value;
    }

    private Field<T>? WrongScalar<T>(string expected, ScalarValue value, string hint = "")
    {
        if (!TemplatePlaceholder(value.Text))
        {
            Report(LoadDiagnostics.WrongValueType, $"{Path}: expected {expected}, found {value.Describe()}{hint}");
        }

        return null;
    }

    /// <summary>Reports <c>{{ ... }}</c> and <c>${VAR}</c> left in a value: the file was never rendered.</summary>
    private bool TemplatePlaceholder(string text)
    {
        var at = text.IndexOf("{{", StringComparison.Ordinal);
        if (at < 0)
        {
            at = text.IndexOf("${", StringComparison.Ordinal);
        }

        if (at < 0 || text.IndexOf('}', at) < 0)
        {
            return false;
        }

        Report(LoadDiagnostics.UnrenderedTemplate, $"{Path}: \"{text}\" is an unrendered template placeholder; lint the rendered manifests (helm template, envsubst, kustomize build)");
        return true;
    }

    private Node Mismatch(string expected)
    {
        Report(LoadDiagnostics.WrongValueType, $"{Path}: expected {expected}, found {Describe(Yaml!)}");
        return new Node(context, null, Path);
    }

    private T? MismatchAndNull<T>(string expected)
        where T : class
    {
        Mismatch(expected);
        return null;
    }

    public void Report(LoadDiagnosticDescriptor descriptor, string message) => context.Report(descriptor, Yaml!, Path, message);

    private static string Describe(YamlNode node) => node switch
    {
        YamlMapping => "a mapping",
        YamlSequence => "a list",
        YamlScalar scalar => ScalarValue.Resolve(scalar).Describe(),
        _ => "something else",
    };

    private static IEnumerable<YamlEntry> AllEntries(YamlMapping mapping)
    {
        foreach (var entry in mapping.Entries)
        {
            yield return entry;
        }

        if (mapping.Merged is null)
        {
            yield break;
        }

        foreach (var merged in mapping.Merged)
        {
            foreach (var entry in AllEntries(merged))
            {
                if (entry.Key is YamlScalar key && mapping.Entries.Exists(own => own.Key is YamlScalar ownKey && ownKey.Value == key.Value))
                {
                    continue;
                }

                yield return entry;
            }
        }
    }

    private Node Item(Node list, YamlNode item, int position) =>
        item is YamlCollection ? new Node(context, item, list.Path.Index(position)) : new Node(context, item, list.Path, null, position);

    private IEnumerable<Node> ItemsOf(Node parent, YamlSequence sequence)
    {
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            yield return Item(parent, sequence.Items[i], i);
        }
    }
}
