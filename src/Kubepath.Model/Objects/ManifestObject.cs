using System;
using System.Collections.Generic;

namespace Kubepath.Model;

/// <summary>
/// A Kubernetes or MetalLB object read from a manifest. Every object knows its source span; the fields a
/// prediction or diagnostic may cite carry their own spans.
/// </summary>
public abstract record ManifestObject
{
    public required Field<string> ApiVersion { get; init; }

    public required Field<string> Kind { get; init; }

    public required ObjectMeta Metadata { get; init; }

    /// <summary>The whole object, from its first key to its end.</summary>
    public required SourceSpan Span { get; init; }

    /// <summary>
    /// A kustomize patch of an object that is among the inputs: kustomize merges it into that object, so it is read
    /// (and checked) but is no object of the cluster and no second definition.
    /// </summary>
    public bool IsMergedPatch { get; init; }

    /// <summary>Cluster-scoped kinds (Node, Namespace) ignore <c>metadata.namespace</c>.</summary>
    public virtual bool IsNamespaced => true;

    public string Name => Metadata.Name?.Value ?? string.Empty;

    /// <summary>
    /// The namespace the object lives in: <c>metadata.namespace</c>, or <c>default</c> when absent (what
    /// <c>kubectl apply</c> does without <c>-n</c>); empty for cluster-scoped kinds.
    /// </summary>
    public string Namespace => IsNamespaced ? Metadata.Namespace?.Value ?? "default" : string.Empty;

    /// <summary><c>namespace/name</c>, or just <c>name</c> for cluster-scoped kinds.</summary>
    public string QualifiedName => IsNamespaced ? Namespace + "/" + Name : Name;

    /// <summary>The API group of <see cref="ApiVersion"/> (empty for the core group).</summary>
    public string Group
    {
        get
        {
            var slash = ApiVersion.Value.IndexOf('/');
            return slash < 0 ? string.Empty : ApiVersion.Value.Substring(0, slash);
        }
    }
}

public sealed record ObjectMeta
{
    public static readonly ObjectMeta Empty = new();

    public Field<string>? Name { get; init; }

    public Field<string>? GenerateName { get; init; }

    public Field<string>? Namespace { get; init; }

    public StringMap Labels { get; init; } = StringMap.Empty;

    public StringMap Annotations { get; init; } = StringMap.Empty;

    public SourceSpan? Span { get; init; }
}

/// <summary>
/// An object of a kind Kubepath does not model (ConfigMap, Ingress, a CRD...). Kept so reports can count it and
/// duplicate definitions can be found; otherwise ignored.
/// </summary>
public sealed record OpaqueObject : ManifestObject
{
    private static readonly HashSet<string> ClusterScopedKinds = new(StringComparer.Ordinal)
    {
        "APIService", "CertificateSigningRequest", "ClusterRole", "ClusterRoleBinding", "CSIDriver", "CSINode",
        "CustomResourceDefinition", "IngressClass", "MutatingWebhookConfiguration", "PersistentVolume",
        "PriorityClass", "RuntimeClass", "StorageClass", "ValidatingAdmissionPolicy",
        "ValidatingAdmissionPolicyBinding", "ValidatingWebhookConfiguration", "VolumeAttachment",
    };

    public override bool IsNamespaced => !ClusterScopedKinds.Contains(Kind.Value);
}

/// <summary>An int-or-string API value such as <c>targetPort</c>: a port number or a port name.</summary>
public readonly record struct IntOrString
{
    private IntOrString(int? number, string? name)
    {
        Number = number;
        Name = name;
    }

    public int? Number { get; }

    public string? Name { get; }

    public bool IsNumber => Number.HasValue;

    public static IntOrString FromNumber(int number) => new(number, null);

    public static IntOrString FromName(string name) => new(null, name);

    public override string ToString() => Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Name ?? string.Empty;
}

public sealed record LabelSelectorRequirement(
    Field<string> Key,
    Field<SelectorOperator>? Operator,
    IReadOnlyList<Field<string>> Values,
    SourceSpan Span);

/// <summary>A label selector (<c>matchLabels</c> and <c>matchExpressions</c>).</summary>
public sealed record LabelSelector
{
    public StringMap MatchLabels { get; init; } = StringMap.Empty;

    public IReadOnlyList<LabelSelectorRequirement> MatchExpressions { get; init; } = Array.Empty<LabelSelectorRequirement>();

    public required SourceSpan Span { get; init; }
}
