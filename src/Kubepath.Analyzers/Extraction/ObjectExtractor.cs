using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kubepath.Analyzers.Extraction;

/// <summary>
/// Reads a k8s.Models object built in C# into its JSON shape: object and collection initializers, property
/// assignments after construction (through the local that holds the object, within the method), constants,
/// <c>const</c> fields, <c>nameof</c>, interpolations of constants, dictionary initializers, <c>IntOrString</c>
/// values, and locals assigned once. A value it cannot know is left out: never guessed.
/// </summary>
/// <remarks>One extractor reads one root object (it collects what it could not know); make one per object.</remarks>
internal sealed class ObjectExtractor
{
    private readonly ModelTypes types;
    private readonly SortedSet<string> unknown = new(System.StringComparer.Ordinal);

    public ObjectExtractor(ModelTypes types) => this.types = types;

    /// <summary>
    /// The manifest a root creation builds, with the assignments made to it later in the same method; null for a
    /// custom resource whose kind is not known.
    /// </summary>
    public JsonObject? Extract(IObjectCreationOperation creation, (string ApiVersion, string Kind) kind)
    {
        var root = Object(creation, depth: 0);
        if (Holder(creation) is { } declarator)
        {
            var end = creation.Syntax.Span.End;
            foreach (var later in AfterDeclarator(declarator))
            {
                foreach (var assignment in later.DescendantsAndSelf().OfType<ISimpleAssignmentOperation>())
                {
                    ApplyLater(root, declarator.Symbol, assignment, end);
                }
            }
        }

        if (unknown.Count > 0)
        {
            // Rules must not conclude from what was left out (no labels, so "selects nothing"): say so on the object.
            var metadata = root.Get("metadata") as JsonObject ?? new JsonObject(null);
            var annotations = metadata.Get("annotations") as JsonObject ?? new JsonObject(null);
            annotations.Set(Kubepath.Model.KubepathAnnotations.UnknownFields, new JsonScalar(string.Join(",", unknown), null));
            metadata.Set("annotations", annotations);
            root.Set("metadata", metadata);
        }

        if (!root.Has("kind") && kind.Kind.Length == 0)
        {
            return null;
        }

        if (!root.Has("kind"))
        {
            root.Prepend("kind", new JsonScalar(kind.Kind, null));
        }

        if (!root.Has("apiVersion"))
        {
            root.Prepend("apiVersion", new JsonScalar(kind.ApiVersion, null));
        }

        return root;
    }

    private JsonObject Object(IObjectCreationOperation creation, int depth)
    {
        var result = new JsonObject(creation.Syntax, creation.Initializer?.Initializers.Length ?? 0);
        if (creation.Initializer is { } initializer && depth < 32)
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                {
                    Assign(result, types.FieldName(property.Property), assignment);
                }
                else if (member is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation nested, Initializer: { } nestedInitializer })
                {
                    // Spec = { Type = "NodePort" }: initializes the object the constructor made.
                    var inner = result.Get(types.FieldName(nested.Property)) as JsonObject ?? new JsonObject(member.Syntax);
                    Fill(inner, nestedInitializer, depth + 1);
                    result.Set(types.FieldName(nested.Property), inner);
                }
            }
        }

        return result;
    }

    private void Fill(JsonObject target, IObjectOrCollectionInitializerOperation initializer, int depth)
    {
        foreach (var member in initializer.Initializers)
        {
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
            {
                Assign(target, types.FieldName(property.Property), assignment, depth);
            }
        }
    }

    /// <summary>Sets a field from an assignment, or notes it as unknown when its value is not a compile-time one.</summary>
    private void Assign(JsonObject target, string field, ISimpleAssignmentOperation assignment, int depth = 0)
    {
        if (Value(assignment.Value, assignment.Syntax, depth + 1) is { } value)
        {
            target.Set(field, value);
        }
        else
        {
            unknown.Add(field);
        }
    }

    /// <summary><c>new IntOrString { Value = "http" }</c>: the value assigned.</summary>
    // A method of its own: a lambda in Value capturing its parameters would cost an allocation on every call of Value.
    private JsonNode? IntOrStringValue(IObjectCreationOperation creation, SyntaxNode at, int depth) =>
        creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>().Select(a => Value(a.Value, at, depth + 1)).FirstOrDefault(v => v is not null);

    /// <summary>A value's JSON, or null when it is not known at compile time.</summary>
    private JsonNode? Value(IOperation operation, SyntaxNode at, int depth)
    {
        if (depth > 32)
        {
            return null;
        }

        operation = Unwrap(operation);
        if (operation.ConstantValue is { HasValue: true, Value: { } constant })
        {
            return constant is string or bool or int or long or short or double or float ? new JsonScalar(constant, at) : null;
        }

        switch (operation)
        {
            case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, types.IntOrString):
                return IntOrStringValue(creation, at, depth);
            case IObjectCreationOperation creation when types.IsObject(creation.Type):
                var nested = Object(creation, depth + 1);
                nested.Syntax = at;
                return nested;
            case IObjectCreationOperation creation when creation.Initializer is { } collection:
                return Collection(collection, at, depth);
            case IArrayCreationOperation { Initializer: { } elements }:
                var array = new JsonArray(at);
                foreach (var element in elements.ElementValues)
                {
                    if (Value(element, element.Syntax, depth + 1) is { } item)
                    {
                        array.Items.Add(item);
                    }
                    else
                    {
                        unknown.Add("an item of a list");
                    }
                }

                return array;
            case ILocalReferenceOperation local when SingleValue(local) is { } assigned:
                return Value(assigned, at, depth + 1);
            default:
                return null;
        }
    }

    /// <summary>A list (<c>new List&lt;V1ServicePort&gt; { ... }</c>) or a dictionary (<c>{ ["app"] = "web" }</c>, <c>{ { "app", "web" } }</c>).</summary>
    private JsonNode? Collection(IObjectOrCollectionInitializerOperation initializer, SyntaxNode at, int depth)
    {
        var map = new JsonObject(at);
        var list = new JsonArray(at);
        foreach (var element in initializer.Initializers)
        {
            switch (element)
            {
                case IInvocationOperation { Arguments.Length: 2 } add when Value(add.Arguments[0].Value, add.Syntax, depth + 1) is JsonScalar && add.Arguments[0].Value.ConstantValue.Value is string key:
                    if (Value(add.Arguments[1].Value, add.Syntax, depth + 1) is { } entry)
                    {
                        map.Set(key, entry);
                    }
                    else
                    {
                        unknown.Add(key);
                    }

                    break;
                case IInvocationOperation { Arguments.Length: 1 } add:
                    if (Value(add.Arguments[0].Value, add.Arguments[0].Syntax, depth + 1) is { } item)
                    {
                        list.Items.Add(item);
                    }
                    else
                    {
                        unknown.Add("an item of a list");
                    }

                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment
                    when indexer.Arguments[0].Value.ConstantValue.Value is string key:
                    if (Value(assignment.Value, assignment.Syntax, depth + 1) is { } value)
                    {
                        map.Set(key, value);
                    }
                    else
                    {
                        unknown.Add(key);
                    }

                    break;
            }
        }

        return map.Count > 0 || types.IsDictionary(initializer.Type) ? map : list;
    }

    /// <summary>
    /// <c>svc.Spec.Type = "NodePort"</c> after <c>var svc = new V1Service { Spec = new V1ServiceSpec() }</c>: an assignment
    /// through <paramref name="local"/> after the creation, which ends at <paramref name="after"/>.
    /// </summary>
    private void ApplyLater(JsonObject root, ILocalSymbol local, ISimpleAssignmentOperation assignment, int after)
    {
        // Most assignments are the initializers' own: they are told apart before anything is allocated, and by position
        // last, which costs a walk down the syntax to its first token.
        var steps = 0;
        var target = assignment.Target;
        while (target is IPropertyReferenceOperation { Arguments.Length: 0 } property)
        {
            steps++;
            target = property.Instance;
        }

        if (steps == 0 || target is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local) ||
            assignment.Syntax.SpanStart <= after)
        {
            return;
        }

        var path = new IPropertySymbol[steps];
        target = assignment.Target;
        for (var i = steps - 1; target is IPropertyReferenceOperation property; i--)
        {
            path[i] = property.Property;
            target = property.Instance;
        }

        var container = root;
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (container.Get(types.FieldName(path[i])) is not JsonObject next)
            {
                // The object is made here in C#, not before: the assignment lands on something Kubepath did not see.
                return;
            }

            container = next;
        }

        Assign(container, types.FieldName(path[path.Length - 1]), assignment);
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>The declaration of the local a root creation is stored in (<c>var svc = new V1Service { ... }</c>).</summary>
    private static IVariableDeclaratorOperation? Holder(IOperation creation)
    {
        var parent = creation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator : null;
    }

    /// <summary>
    /// Where a local can be assigned once declared: a local of a block is in scope from its declarator on, so only the
    /// declarators after it and the block's later statements, not the creation's own initializer, which is most of a method
    /// that makes a manifest. Elsewhere (a switch section's locals are the whole switch's), the whole method.
    /// </summary>
    private static IEnumerable<IOperation> AfterDeclarator(IVariableDeclaratorOperation declarator)
    {
        if (declarator.Parent is not IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation { Parent: IBlockOperation block } group } declaration)
        {
            return new[] { Body(declarator) };
        }

        var declarators = declaration.Declarators;
        return declarators.Skip(declarators.IndexOf(declarator) + 1).Cast<IOperation>()
            .Concat(block.Operations.Skip(block.Operations.IndexOf(group) + 1));
    }

    /// <summary>The value of a local assigned exactly once, at its declaration; null otherwise.</summary>
    private static IOperation? SingleValue(ILocalReferenceOperation reference)
    {
        var body = Body(reference);
        var declarations = body.Descendants().OfType<IVariableDeclaratorOperation>().Where(d => SymbolEqualityComparer.Default.Equals(d.Symbol, reference.Local)).ToList();
        var reassigned = body.Descendants().OfType<IAssignmentOperation>().Any(a => a.Target is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, reference.Local));
        return declarations.Count == 1 && !reassigned ? declarations[0].Initializer?.Value : null;
    }

    /// <summary>The whole method (or initializer) an operation is part of: the root of its operation tree.</summary>
    private static IOperation Body(IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }
}
