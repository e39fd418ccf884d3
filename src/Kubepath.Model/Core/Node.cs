using System;
using System.Collections.Generic;

namespace Kubepath.Model;

/// <summary>A <c>v1</c> Node: addresses, pod CIDRs, labels, taints and conditions.</summary>
public sealed record Node : ManifestObject
{
    public override bool IsNamespaced => false;

    public NodeSpec Spec { get; init; } = NodeSpec.Empty;

    public NodeStatus Status { get; init; } = NodeStatus.Empty;
}

public sealed record NodeSpec
{
    public static readonly NodeSpec Empty = new();

    public Field<string>? PodCIDR { get; init; }

    public IReadOnlyList<Field<string>> PodCIDRs { get; init; } = Array.Empty<Field<string>>();

    public Field<bool>? Unschedulable { get; init; }

    public IReadOnlyList<Taint> Taints { get; init; } = Array.Empty<Taint>();

    public Field<string>? ProviderID { get; init; }
}

public sealed record Taint(Field<string>? Key, Field<string>? Value, Field<TaintEffect>? Effect, SourceSpan Span);

public sealed record NodeStatus
{
    public static readonly NodeStatus Empty = new();

    public IReadOnlyList<NodeAddress> Addresses { get; init; } = Array.Empty<NodeAddress>();

    public IReadOnlyList<Condition> Conditions { get; init; } = Array.Empty<Condition>();
}

public sealed record NodeAddress(Field<NodeAddressType>? Type, Field<string>? Address, SourceSpan Span);

/// <summary>A <c>v1</c> Namespace: its labels feed MetalLB's namespace selectors.</summary>
public sealed record Namespace : ManifestObject
{
    public override bool IsNamespaced => false;
}
