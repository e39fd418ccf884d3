using System;
using System.Collections.Generic;
using System.Linq;
using Kubepath.Manifests.Yaml;
using Kubepath.Model;

namespace Kubepath.Manifests.Reading;

/// <summary>
/// Checks a node against the API's field catalog as the API server does with strict field validation (kubectl's
/// default since 1.27): unknown fields (KP9015, with the field meant), values of the wrong shape (KP9003) and missing
/// required fields (KP9016). Values the readers already reported are not reported again.
/// </summary>
internal readonly partial struct Node
{
    public void CheckFields(ObjectType type, FieldCatalog catalog)
    {
        var reported = new HashSet<int>(context.Diagnostics.Select(d => d.Span.StartOffset));
        // A strategic-merge directive ($patch, $setElementOrder/...) anywhere makes the document a patch: a partial object.
        CheckObject(type, catalog, reported, 0, partial: HasDirective(Index, 0));
    }

    private bool HasDirective(int node, int depth)
    {
        if (node == YamlTree.None || depth > 64 || tree.Kind(node) == YamlNodeKind.Scalar)
        {
            return false;
        }

        var mapping = tree.Kind(node) == YamlNodeKind.Mapping;
        var key = true;
        for (var child = tree.FirstChild(node); child != YamlTree.None; child = tree.Next(child))
        {
            if (mapping && key && tree.Kind(child) == YamlNodeKind.Scalar && tree.Value(child).StartsWith("$", StringComparison.Ordinal))
            {
                return true;
            }

            if ((!mapping || !key) && HasDirective(tree.Deref(child), depth + 1))
            {
                return true;
            }

            key = !mapping || !key;
        }

        return false;
    }

    private void Check(FieldType type, FieldCatalog catalog, HashSet<int> reported, int depth, bool partial)
    {
        if (!Exists || type.Shape == FieldShape.Any || reported.Contains(tree.Start(Index)) || depth > 64)
        {
            return;
        }

        switch (type.Shape)
        {
            case FieldShape.Object when catalog.Type(type.TypeName!) is { } objectType:
                if (Expect(YamlNodeKind.Mapping, "a mapping"))
                {
                    CheckObject(objectType, catalog, reported, depth, partial);
                }

                break;
            case FieldShape.Array:
                if (Expect(YamlNodeKind.Sequence, "a list"))
                {
                    var position = 0;
                    for (var item = tree.FirstChild(Index); item != YamlTree.None; item = tree.Next(item))
                    {
                        Item(item, position++).Check(type.Element!, catalog, reported, depth + 1, partial);
                    }
                }

                break;
            case FieldShape.Map:
                if (Expect(YamlNodeKind.Mapping, "a mapping"))
                {
                    CheckEntries(null, type.Element!, catalog, reported, depth, partial);
                }

                break;
            case FieldShape.Object:
                break;
            default:
                CheckScalar(type.Shape, reported);
                break;
        }
    }

    private void CheckObject(ObjectType type, FieldCatalog catalog, HashSet<int> reported, int depth, bool partial)
    {
        CheckEntries(type, null, catalog, reported, depth, partial);

        // A key written with null counts as present: the API takes "endpoints: null" as an empty list. A patch is partial.
        List<string>? missing = null;
        for (var i = 0; !partial && i < type.Required.Count; i++)
        {
            if (tree.Get(Index, type.Required[i]) == YamlTree.None)
            {
                (missing ??= new List<string>()).Add(type.Required[i]);
            }
        }

        if (missing is not null)
        {
            Report(LoadDiagnostics.MissingRequiredField, $"{(Path.IsRoot ? "the object" : Path.ToString())}: missing required field{(missing.Count == 1 ? string.Empty : "s")} " + string.Join(", ", missing.Select(name => "\"" + name + "\"")));
        }
    }

    /// <summary>Checks an object's entries against its fields (<paramref name="type"/>), or a map's values against <paramref name="element"/>.</summary>
    private void CheckEntries(ObjectType? type, FieldType? element, FieldCatalog catalog, HashSet<int> reported, int depth, bool partial)
    {
        if (tree.HasMerges(Index))
        {
            foreach (var (name, keySpan, value) in Entries())
            {
                CheckEntry(type, element, catalog, reported, depth, partial, name, keySpan, value);
            }

            return;
        }

        // The common case without merge keys walks the tree itself, with no iterator: a manifest has many mappings.
        for (var k = tree.FirstChild(Index); k != YamlTree.None && tree.Next(k) != YamlTree.None; k = tree.Next(tree.Next(k)))
        {
            if (tree.Kind(k) == YamlNodeKind.Scalar)
            {
                var (name, keySpan, value) = Entry(k);
                CheckEntry(type, element, catalog, reported, depth, partial, name, keySpan, value);
            }
        }
    }

    private void CheckEntry(ObjectType? type, FieldType? element, FieldCatalog catalog, HashSet<int> reported, int depth, bool partial, string name, SourceSpan keySpan, Node value)
    {
        if (type is null)
        {
            value.Check(element!, catalog, reported, depth + 1, partial);
            return;
        }

        CheckField(type, catalog, reported, depth, partial, name, keySpan, value);
    }

    private void CheckField(ObjectType type, FieldCatalog catalog, HashSet<int> reported, int depth, bool partial, string name, SourceSpan keySpan, Node value)
    {
        if (name.StartsWith("$", StringComparison.Ordinal))
        {
            return;
        }

        if (type.Fields.TryGetValue(name, out var field))
        {
            value.Check(field, catalog, reported, depth + 1, partial);
        }
        else if (reported.Add(keySpan.StartOffset))
        {
            var meant = NearestName.Find(name, type.Fields.Keys);
            context.Diagnostics.Add(LoadDiagnostics.UnknownField.At(keySpan,
                $"{context.Key(Path, name)}: unknown field \"{name}\"" + (meant is null ? string.Empty : $"; did you mean {meant}?") + " (the API server refuses it under strict field validation)"));
        }
    }

    /// <summary>The mapping's entries (key name, key span, value); merge keys contribute their mappings' entries.</summary>
    private IEnumerable<(string Name, SourceSpan KeySpan, Node Value)> Entries(int depth = 0)
    {
        for (var k = tree.FirstChild(Index); k != YamlTree.None && tree.Next(k) != YamlTree.None; k = tree.Next(tree.Next(k)))
        {
            var value = tree.Next(k);
            if (tree.IsMergeKey(k))
            {
                if (depth < 8)
                {
                    foreach (var source in tree.MergeSources(tree.Deref(value)))
                    {
                        foreach (var entry in new Node(context, tree, source, Path).Entries(depth + 1))
                        {
                            yield return entry;
                        }
                    }
                }

                continue;
            }

            if (tree.Kind(k) == YamlNodeKind.Scalar)
            {
                yield return Entry(k);
            }
        }
    }

    /// <summary>The entry whose scalar key is <paramref name="key"/>: its name, the key's span and the value.</summary>
    private (string Name, SourceSpan KeySpan, Node Value) Entry(int key)
    {
        var name = tree.Value(key);
        return (name, context.Span(tree.Start(key), tree.End(key), Path, name, -1), new Node(context, tree, tree.Next(key), Path, name, -1).AsChild());
    }

    /// <summary>A collection value gets its own path (its children need it), as <see cref="Child"/> gives.</summary>
    private Node AsChild() =>
        Index != YamlTree.None && tree.Kind(Index) != YamlNodeKind.Scalar && key is not null ? new Node(context, tree, Index, context.Key(parent, key)) : this;

    private bool Expect(YamlNodeKind kind, string expected)
    {
        if (tree.Kind(Index) == kind)
        {
            return true;
        }

        Mismatch(expected);
        return false;
    }

    private void CheckScalar(FieldShape shape, HashSet<int> reported)
    {
        // An alias or merge shares its anchor's node: it is checked once, where it is first reached. Without aliases a
        // node is reached once, and only what is reported needs remembering.
        if (tree.HasAliases ? !reported.Add(tree.Start(Index)) : reported.Contains(tree.Start(Index)))
        {
            return;
        }

        if (tree.Kind(Index) != YamlNodeKind.Scalar)
        {
            reported.Add(tree.Start(Index));
            Mismatch(Expected(shape));
            return;
        }

        var value = tree.Resolve(Index);
        var fits = value.Kind switch
        {
            ScalarKind.Null => true,
            ScalarKind.String => shape is FieldShape.String or FieldShape.IntOrString or FieldShape.Quantity,
            ScalarKind.Int => shape is FieldShape.Integer or FieldShape.Number or FieldShape.IntOrString or FieldShape.Quantity,
            // kubectl sends YAML as JSON, where 1.0 is 1: a whole number is an integer.
            ScalarKind.Float => shape is FieldShape.Number or FieldShape.Quantity || (shape is FieldShape.Integer or FieldShape.IntOrString && IsWhole(value.Text)),
            _ => shape == FieldShape.Boolean,
        };
        if (!fits && !TemplatePlaceholder(value.Text))
        {
            reported.Add(tree.Start(Index));
            var hint = shape == FieldShape.String ? $"; quote it (\"{value.Text}\") if the text is meant" : string.Empty;
            Report(LoadDiagnostics.WrongValueType, $"{Path}: expected {Expected(shape)}, found {value.Describe()}{hint}");
        }
    }

    private static bool IsWhole(string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) && Math.Floor(number) == number && !double.IsInfinity(number);

    private static string Expected(FieldShape shape) => shape switch
    {
        FieldShape.String => "a string",
        FieldShape.Integer => "an integer",
        FieldShape.Number => "a number",
        FieldShape.Boolean => "a boolean",
        FieldShape.IntOrString => "an integer or a string",
        _ => "a quantity (a number or a string such as 500m)",
    };
}
