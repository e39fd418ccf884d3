using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Kubepath.Analyzers.Extraction;

/// <summary>
/// The KubernetesClient model types of one compilation, found by metadata name (the analyzer does not reference
/// KubernetesClient): the kinds Kubepath reads, with the apiVersion and kind their <c>KubeApiVersion</c>,
/// <c>KubeGroup</c> and <c>KubeKind</c> constants give; and the project's own custom-resource classes (MetalLB's
/// IPAddressPool...), KubernetesClient's pattern for CRDs: classes implementing <c>k8s.IKubernetesObject</c>, named
/// by a <c>[KubernetesEntity]</c> attribute or by the ApiVersion and Kind they are given.
/// </summary>
internal sealed class ModelTypes
{
    private static readonly string[] RootNames =
    {
        "V1Service", "V1Pod", "V1Node", "V1Namespace", "V1Deployment", "V1StatefulSet", "V1DaemonSet", "V1ReplicaSet", "V1Job", "V1EndpointSlice",
    };

    private readonly Dictionary<INamedTypeSymbol, (string ApiVersion, string Kind)> roots;

    private readonly INamedTypeSymbol? kubernetesObject;
    private readonly INamedTypeSymbol? entityAttribute;
    private readonly INamedTypeSymbol? itemsInterface;
    private readonly ConcurrentDictionary<INamedTypeSymbol, (string ApiVersion, string Kind)?> customResources = new(SymbolEqualityComparer.Default);

    private readonly ConcurrentDictionary<ITypeSymbol, TypeShape> shapes = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IPropertySymbol, string> fieldNames = new(SymbolEqualityComparer.Default);

    [System.Flags]
    private enum TypeShape
    {
        None = 0,
        Object = 1,
        Dictionary = 2,
        List = 4,
        Model = 8,
    }

    private ModelTypes(Dictionary<INamedTypeSymbol, (string ApiVersion, string Kind)> roots, Compilation compilation)
    {
        this.roots = roots;
        kubernetesObject = compilation.GetTypeByMetadataName("k8s.IKubernetesObject");
        entityAttribute = compilation.GetTypeByMetadataName("k8s.Models.KubernetesEntityAttribute");
        itemsInterface = compilation.GetTypeByMetadataName("k8s.Models.IItems`1");
        IntOrString = compilation.GetTypeByMetadataName("k8s.Models.IntOrString");
        JsonPropertyName = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonPropertyNameAttribute");
    }

    public INamedTypeSymbol? IntOrString { get; }

    public INamedTypeSymbol? JsonPropertyName { get; }

    /// <summary>Null when the compilation does not reference the models: then the analyzer costs nothing.</summary>
    public static ModelTypes? Find(Compilation compilation)
    {
        var roots = new Dictionary<INamedTypeSymbol, (string, string)>(SymbolEqualityComparer.Default);
        foreach (var name in RootNames)
        {
            if (compilation.GetTypeByMetadataName("k8s.Models." + name) is { } type && Constant(type, "KubeKind") is { } kind)
            {
                var group = Constant(type, "KubeGroup") ?? string.Empty;
                var version = Constant(type, "KubeApiVersion") ?? "v1";
                roots[type] = (group.Length == 0 ? version : group + "/" + version, kind);
            }
        }

        return roots.Count == 0 ? null : new ModelTypes(roots, compilation);
    }

    /// <summary>
    /// Whether a creation makes a whole manifest, and its apiVersion and kind. A custom resource without a
    /// <c>[KubernetesEntity]</c> attribute has empty ones: its initializer must say.
    /// </summary>
    public bool IsRoot(ITypeSymbol? type, out (string ApiVersion, string Kind) kind)
    {
        kind = default;
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        // Asked for every creation of the compilation. Symbols hash by their definition, so List<A>, List<B>... would share
        // one bucket and be compared type argument by type argument; whether a type is a root is its definition's to say
        // (a root is never generic, and a construction implements IKubernetesObject and has attributes as its definition).
        var definition = named.OriginalDefinition;
        if (roots.TryGetValue(definition, out kind))
        {
            return true;
        }

        var custom = customResources.TryGetValue(definition, out var known) ? known : customResources.GetOrAdd(definition, CustomResource(definition));
        kind = custom ?? default;
        return custom is not null;
    }

    /// <summary>A class whose initializer Kubepath reads as a JSON object (a model, a custom resource's spec), not a list, dictionary or value.</summary>
    public bool IsObject(ITypeSymbol? type) => type is not null && (ShapeOf(type) & TypeShape.Object) != 0;

    /// <summary>A dictionary (labels, annotations, a selector): read as a map even when its initializer is empty.</summary>
    public bool IsDictionary(ITypeSymbol? type) => type is not null && (ShapeOf(type) & TypeShape.Dictionary) != 0;

    /// <summary>A list object (<c>V1ServiceList</c>, <c>IItems&lt;T&gt;</c>): applying it applies each item, so its items stand alone.</summary>
    public bool IsList(ITypeSymbol? type) => type is not null && (ShapeOf(type) & TypeShape.List) != 0;

    /// <summary>A class of KubernetesClient's models (<c>k8s.Models</c>).</summary>
    public bool IsModel(ITypeSymbol? type) => type is not null && (ShapeOf(type) & TypeShape.Model) != 0;

    // The same few types are asked about for every object a project builds: each is looked at once per compilation, by its
    // definition (every flag is the definition's: its namespace and interfaces), as List<A> and List<B> would share a bucket.
    // TryGetValue first: GetOrAdd with a method of this instance would allocate a delegate on every call.
    private TypeShape ShapeOf(ITypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        return shapes.TryGetValue(definition, out var shape) ? shape : shapes.GetOrAdd(definition, Shape(definition));
    }

    private TypeShape Shape(ITypeSymbol type)
    {
        var shape = TypeShape.None;
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Class, SpecialType: SpecialType.None } named)
        {
            if (!IsInSystem(named.ContainingNamespace) && !named.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable))
            {
                shape |= TypeShape.Object;
            }

            if (NamespaceIs(named.ContainingNamespace, "Models", "k8s"))
            {
                shape |= TypeShape.Model;
            }
        }

        if (itemsInterface is not null && type is INamedTypeSymbol && type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, itemsInterface)))
        {
            shape |= TypeShape.List;
        }

        if (IsDictionaryInterface(type) || type.AllInterfaces.Any(IsDictionaryInterface))
        {
            shape |= TypeShape.Dictionary;
        }

        return shape;
    }

    private static bool IsDictionaryInterface(ITypeSymbol type) =>
        type is INamedTypeSymbol { MetadataName: "IDictionary`2" or "IReadOnlyDictionary`2" } named && NamespaceIs(named.ContainingNamespace, "Generic", "Collections", "System");

    /// <summary>Whether the namespace is the one named, innermost name first (no display string is built).</summary>
    private static bool NamespaceIs(INamespaceSymbol? space, params string[] innermostFirst)
    {
        foreach (var name in innermostFirst)
        {
            if (space is null || space.IsGlobalNamespace || space.Name != name)
            {
                return false;
            }

            space = space.ContainingNamespace;
        }

        return space is null || space.IsGlobalNamespace;
    }

    /// <summary>System or a namespace inside it.</summary>
    private static bool IsInSystem(INamespaceSymbol? space)
    {
        while (space is { IsGlobalNamespace: false })
        {
            if (space.ContainingNamespace is { IsGlobalNamespace: true } && space.Name == "System")
            {
                return true;
            }

            space = space.ContainingNamespace;
        }

        return false;
    }

    private (string ApiVersion, string Kind)? CustomResource(INamedTypeSymbol type)
    {
        if (kubernetesObject is null || IsModel(type) || type.IsAbstract || !type.AllInterfaces.Contains(kubernetesObject, SymbolEqualityComparer.Default))
        {
            return null;
        }

        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, entityAttribute))
            {
                string Named(string name) => attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string ?? string.Empty;
                var group = Named("Group");
                var version = Named("ApiVersion");
                return (group.Length == 0 ? version : group + "/" + version, Named("Kind"));
            }
        }

        return (string.Empty, string.Empty);
    }

    /// <summary>The API's name for a model property: its <c>[JsonPropertyName]</c>, else camelCase.</summary>
    public string FieldName(IPropertySymbol property) => fieldNames.TryGetValue(property, out var name) ? name : fieldNames.GetOrAdd(property, NameInApi(property));

    private string NameInApi(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, JsonPropertyName) && attribute.ConstructorArguments is [{ Value: string name }])
            {
                return name;
            }
        }

        return property.Name.Length == 0 ? property.Name : char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);
    }

    private static string? Constant(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).OfType<IFieldSymbol>().FirstOrDefault(field => field.HasConstantValue)?.ConstantValue as string;
}
