using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Kubepath.Analyzers.Extraction;

/// <summary>
/// The KubernetesClient model types of one compilation, found by metadata name (the analyzer does not reference
/// KubernetesClient): the kinds Kubepath reads, with the apiVersion and kind their <c>KubeApiVersion</c>,
/// <c>KubeGroup</c> and <c>KubeKind</c> constants give.
/// </summary>
internal sealed class ModelTypes
{
    private static readonly string[] RootNames =
    {
        "V1Service", "V1Pod", "V1Node", "V1Namespace", "V1Deployment", "V1StatefulSet", "V1DaemonSet", "V1ReplicaSet", "V1Job", "V1EndpointSlice",
    };

    private readonly Dictionary<INamedTypeSymbol, (string ApiVersion, string Kind)> roots;

    private ModelTypes(Dictionary<INamedTypeSymbol, (string ApiVersion, string Kind)> roots, INamedTypeSymbol? intOrString, INamedTypeSymbol? jsonPropertyName)
    {
        this.roots = roots;
        IntOrString = intOrString;
        JsonPropertyName = jsonPropertyName;
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

        return roots.Count == 0
            ? null
            : new ModelTypes(roots, compilation.GetTypeByMetadataName("k8s.Models.IntOrString"), compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonPropertyNameAttribute"));
    }

    public bool IsRoot(ITypeSymbol? type, out (string ApiVersion, string Kind) kind)
    {
        kind = default;
        return type is INamedTypeSymbol named && roots.TryGetValue(named, out kind);
    }

    public static bool IsModel(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class } named && named.ContainingNamespace?.ToDisplayString() == "k8s.Models";

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
