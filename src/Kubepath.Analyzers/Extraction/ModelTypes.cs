using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
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
    private readonly ConcurrentDictionary<INamedTypeSymbol, (string ApiVersion, string Kind)?> customResources = new(SymbolEqualityComparer.Default);

    private ModelTypes(Dictionary<INamedTypeSymbol, (string ApiVersion, string Kind)> roots, Compilation compilation)
    {
        this.roots = roots;
        kubernetesObject = compilation.GetTypeByMetadataName("k8s.IKubernetesObject");
        entityAttribute = compilation.GetTypeByMetadataName("k8s.Models.KubernetesEntityAttribute");
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

        if (roots.TryGetValue(named, out kind))
        {
            return true;
        }

        var custom = customResources.GetOrAdd(named, CustomResource);
        kind = custom ?? default;
        return custom is not null;
    }

    /// <summary>A class whose initializer Kubepath reads as a JSON object (a model, a custom resource's spec), not a list, dictionary or value.</summary>
    public static bool IsObject(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class, SpecialType: SpecialType.None } named &&
        named.ContainingNamespace?.ToDisplayString() is { } space && !space.StartsWith("System", System.StringComparison.Ordinal) &&
        !named.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable);

    public static bool IsModel(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class } named && named.ContainingNamespace?.ToDisplayString() == "k8s.Models";

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
    public string FieldName(IPropertySymbol property)
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

    public ImmutableArray<INamedTypeSymbol> Roots => roots.Keys.ToImmutableArray();
}
