using System;
using System.Collections.Generic;

namespace Kubepath.Model;

/// <summary>
/// A cluster profile file (<c>apiVersion: kubepath.io/v1alpha1</c>, <c>kind: ClusterProfile</c>): what the manifests do
/// not say about the cluster. Field names follow KubeProxyConfiguration; schemas/cluster-profile.schema.json describes it.
/// </summary>
public sealed record ClusterProfileManifest : ManifestObject
{
    public override bool IsNamespaced => false;

    /// <summary>A built-in profile (<c>k3s</c>, <c>kubeadm</c>, <c>kind</c>) whose values this one overrides.</summary>
    public Field<string>? Base { get; init; }

    public IReadOnlyList<Field<string>> ClusterCIDRs { get; init; } = Array.Empty<Field<string>>();

    public IReadOnlyList<Field<string>> ServiceCIDRs { get; init; } = Array.Empty<Field<string>>();

    public Field<string>? NodePortRange { get; init; }

    public Field<string>? Cni { get; init; }

    public Field<string>? ExternalClient { get; init; }

    public Field<int>? AssumedNodeCount { get; init; }

    public ProfileKubeProxy? KubeProxy { get; init; }

    public ProfileMetalLB? MetalLB { get; init; }

    public IReadOnlyList<ProfileNode> Nodes { get; init; } = Array.Empty<ProfileNode>();
}

public sealed record ProfileKubeProxy
{
    public Field<string>? Mode { get; init; }

    public Field<string>? Version { get; init; }

    public Field<string>? DetectLocalMode { get; init; }

    public Field<string>? BridgeInterface { get; init; }

    public Field<string>? InterfaceNamePrefix { get; init; }

    public Field<bool>? MasqueradeAll { get; init; }

    public Field<int>? MasqueradeBit { get; init; }

    /// <summary>Null when the field is absent (the base's value stands); empty when written as <c>[]</c>.</summary>
    public IReadOnlyList<Field<string>>? NodePortAddresses { get; init; }

    public Field<bool>? LocalhostNodePorts { get; init; }

    public Field<bool>? RandomFully { get; init; }

    public Field<bool>? ConntrackTCPLiberal { get; init; }

    public IReadOnlyList<Field<string>>? NfacctCounters { get; init; }

    public Field<int>? LargeClusterEndpointsThreshold { get; init; }

    public Field<StringMap>? FeatureGates { get; init; }

    public Field<string>? IptablesVersion { get; init; }

    public Field<string>? IptablesBackend { get; init; }

    public required SourceSpan Span { get; init; }
}

/// <summary>The <c>metallb</c> section: release, class and where speakers run.</summary>
public sealed record ProfileMetalLB(Field<string>? Version, Field<string>? LoadBalancerClass, IReadOnlyList<Field<string>>? SpeakerNodes, Field<bool>? Memberlist, SourceSpan Span);

public sealed record ProfileNode
{
    public Field<string>? Name { get; init; }

    public IReadOnlyList<Field<string>> InternalIPs { get; init; } = Array.Empty<Field<string>>();

    public IReadOnlyList<Field<string>> PodCIDRs { get; init; } = Array.Empty<Field<string>>();

    public StringMap Labels { get; init; } = StringMap.Empty;

    public IReadOnlyList<ProfileInterface> Interfaces { get; init; } = Array.Empty<ProfileInterface>();

    public required SourceSpan Span { get; init; }
}

public sealed record ProfileInterface(Field<string>? Name, Field<string>? Address, SourceSpan Span);
