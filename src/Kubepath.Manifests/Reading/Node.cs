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
internal readonly partial struct Node
{
    private readonly ReadContext context;
    private readonly YamlTree tree;

    // A collection holds its own path (its children need it). A scalar or an absent field holds its parent's
    // path and its key or index: its own path is looked up (ReadContext.Key or Index) when its span or path is taken.
    private readonly FieldPath parent;
    private readonly string? key;
    private readonly int index;

    public Node(ReadContext context, YamlTree tree, int node, FieldPath path)
        : this(context, tree, node, path, null, -1)
    {
    }

    private Node(ReadContext context, YamlTree tree, int node, FieldPath parent, string? key, int index)
    {
        this.context = context;
        this.tree = tree;
        Index = tree.Deref(node);
        this.parent = parent;
        this.key = key;
        this.index = index;
    }

    public ReadContext Context => context;

    /// <summary>The node in its document's tree, <see cref="YamlTree.None"/> when the field is absent.</summary>
    public int Index { get; }

    public FieldPath Path => key is not null ? context.Key(parent, key) : index >= 0 ? context.Index(parent, index) : parent;

    public bool IsMapping => Index != YamlTree.None && tree.Kind(Index) == YamlNodeKind.Mapping;

    public bool IsSequence => Index != YamlTree.None && tree.Kind(Index) == YamlNodeKind.Sequence;

    public bool Exists => Index != YamlTree.None && !(tree.Kind(Index) == YamlNodeKind.Scalar && tree.Resolve(Index).Kind == ScalarKind.Null);

    public SourceSpan Span => context.Span(tree.Start(Index), tree.End(Index), parent, key, index);

    public SourceSpan? SpanIfExists => Exists ? Span : null;

    public bool Has(string key) => Child(key).Exists;

    /// <summary>The same node with paths starting afresh: the items of a List are objects of their own.</summary>
    public Node Rebase() => new(context, tree, Index, FieldPath.Root);

    public Node Child(string name)
    {
        var value = IsMapping ? tree.Get(Index, name) : YamlTree.None;
        return value != YamlTree.None && tree.Kind(value) != YamlNodeKind.Scalar
            ? new Node(context, tree, value, context.Key(Path, name))
            : new Node(context, tree, value, Path, name, -1);
    }

    /// <summary>The mapping under <paramref name="key"/>; reported and empty when it holds something else.</summary>
    public Node Map(string key)
    {
        var child = Child(key);
        return child.Exists && !child.IsMapping ? child.Mismatch("a mapping") : child;
    }

    /// <summary>The items of the sequence under <paramref name="key"/>; reported and empty when it holds something else.</summary>
    public IEnumerable<Node> Items(string key)
    {
        var child = Sequence(key);
        if (child.Index == YamlTree.None)
        {
            yield break;
        }

        var position = 0;
        for (var item = tree.FirstChild(child.Index); item != YamlTree.None; item = tree.Next(item))
        {
            yield return child.Item(item, position++);
        }
    }

    public IReadOnlyList<T> List<T>(string key, Func<Node, T?> read)
        where T : class
    {
        var child = Sequence(key);
        if (child.Index == YamlTree.None)
        {
            return Array.Empty<T>();
        }

        var result = new T[tree.ChildCount(child.Index)];
        var count = 0;
        var position = 0;
        for (var item = tree.FirstChild(child.Index); item != YamlTree.None; item = tree.Next(item))
        {
            var value = read(child.Item(item, position++));
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
        List(key, item => item.IsMapping ? read(item) : item.MismatchAndNull<T>("a mapping"));

    public Field<string>? String(string key) => Child(key).AsString();

    public IReadOnlyList<Field<string>> Strings(string key) => List(key, item => item.AsString());

    public Field<int>? Int(string key)
    {
        var child = Child(key);
        var field = child.AsLong();
        if (field is null)
        {
            return null;
        }

        if (field.Value is < int.MinValue or > int.MaxValue)
        {
            child.Report(LoadDiagnostics.WrongValueType, $"{child.Path}: {field.Value} does not fit in a 32-bit integer");
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
    /// <param name="key">The mapping's key.</param>
    /// <param name="checkTemplates">Report template placeholders in the values.</param>
    /// <param name="anyScalar">Take every scalar's text as written (<c>off</c>, <c>8080</c>), for Kubepath's own settings.</param>
    public Field<StringMap>? StringMap(string key, bool checkTemplates = true, bool anyScalar = false)
    {
        var child = Map(key);
        if (!child.IsMapping)
        {
            return null;
        }

        var entries = new List<MapEntry>(tree.ChildCount(child.Index) / 2);
        var positions = tree.HasMerges(child.Index) ? new Dictionary<string, int>(StringComparer.Ordinal) : null;
        child.AddEntries(child.Index, entries, positions, checkTemplates, anyScalar, 0);
        return new Field<StringMap>(new Model.StringMap(entries), child.Span);
    }

    /// <summary>Like <see cref="StringMap(string, bool, bool)"/> but never null (labels, annotations).</summary>
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

    public void Report(LoadDiagnosticDescriptor descriptor, string message) => context.Diagnostics.Add(descriptor.At(Span, message));

    private Field<long>? AsLong()
    {
        if (Scalar("an integer") is not { } value)
        {
            return null;
        }

        if (value.Kind == ScalarKind.Int)
        {
            return new Field<long>(value.Integer, Span);
        }

        var quotedNumber = value.Kind == ScalarKind.String && ScalarValue.ResolveUncached(value.Text, null, plain: true).Kind == ScalarKind.Int;
        return WrongScalar<long>("an integer", value, hint: quotedNumber ? "; remove the quotes" : string.Empty);
    }

    /// <summary>The sequence under <paramref name="key"/>, or an absent node (reported when something else is there).</summary>
    private Node Sequence(string key)
    {
        var child = Child(key);
        if (!child.Exists)
        {
            return new Node(context, tree, YamlTree.None, parent, this.key, index);
        }

        if (tree.Kind(child.Index) != YamlNodeKind.Sequence)
        {
            child.Mismatch("a list");
            return new Node(context, tree, YamlTree.None, parent, this.key, index);
        }

        return child;
    }

    private Node Item(int item, int position) =>
        tree.Kind(tree.Deref(item)) != YamlNodeKind.Scalar
            ? new Node(context, tree, item, context.Index(Path, position))
            : new Node(context, tree, item, Path, null, position);

    /// <summary>
    /// The entries in document order, as go-yaml v2 fills a map: a later key replaces an earlier one in place, and
    /// a merge key (<c>&lt;&lt;: *base</c>) applies its mappings where it stands (see <see cref="YamlTree.Get(int, string)"/>).
    /// </summary>
    private void AddEntries(int mapping, List<MapEntry> entries, Dictionary<string, int>? positions, bool checkTemplates, bool anyScalar, int depth)
    {
        for (var k = tree.FirstChild(mapping); k != YamlTree.None && tree.Next(k) != YamlTree.None; k = tree.Next(tree.Next(k)))
        {
            var value = tree.Next(k);
            if (tree.IsMergeKey(k))
            {
                if (depth < 8)
                {
                    // Applied from the least to the most important source, each replacing what came before.
                    foreach (var source in tree.MergeSources(tree.Deref(value)).Reverse())
                    {
                        AddEntries(source, entries, positions, checkTemplates, anyScalar, depth + 1);
                    }
                }

                continue;
            }

            if (tree.Kind(k) != YamlNodeKind.Scalar)
            {
                new Node(context, tree, k, Path).Report(LoadDiagnostics.WrongValueType, $"{Path}: keys must be strings");
                continue;
            }

            var name = tree.Value(k);
            var valueNode = new Node(context, tree, value, Path, name, -1);
            var text = !valueNode.Exists ? new Field<string>(string.Empty, valueNode.Span)
                : anyScalar ? valueNode.Scalar("a scalar") is { } scalar ? new Field<string>(scalar.Text, valueNode.Span) : null
                : valueNode.AsString(checkTemplates);
            if (text is null)
            {
                continue;
            }

            var entry = new MapEntry(new Field<string>(name, context.Span(tree.Start(k), tree.End(k), Path, name, -1)), text);
            if (positions is null)
            {
                // No merge key anywhere: keys are unique, nothing can replace anything.
                entries.Add(entry);
            }
            else if (positions.TryGetValue(name, out var position))
            {
                entries[position] = entry;
            }
            else
            {
                positions.Add(name, entries.Count);
                entries.Add(entry);
            }
        }
    }

    /// <summary>The scalar value here, or null when absent or null; reports a collection where a scalar belongs.</summary>
    private ScalarValue? Scalar(string expected)
    {
        if (Index == YamlTree.None)
        {
            return null;
        }

        if (tree.Kind(Index) != YamlNodeKind.Scalar)
        {
            Mismatch(expected);
            return null;
        }

        var value = tree.Resolve(Index);
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
        if (!context.MayHavePlaceholders)
        {
            return false;
        }

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
        var found = tree.Kind(Index) switch
        {
            YamlNodeKind.Mapping => "a mapping",
            YamlNodeKind.Sequence => "a list",
            _ => tree.Resolve(Index).Describe(),
        };
        Report(LoadDiagnostics.WrongValueType, $"{Path}: expected {expected}, found {found}");
        return new Node(context, tree, YamlTree.None, parent, key, index);
    }

    private T? MismatchAndNull<T>(string expected)
        where T : class
    {
        Mismatch(expected);
        return null;
    }
}
