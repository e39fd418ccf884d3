using System;
using System.Collections.Generic;

namespace Kubepath.Model;

/// <summary>MetalLB <c>IPAddressPool</c> (metallb.io/v1beta1).</summary>
public sealed record IPAddressPool : ManifestObject
{
    /// <summary>CIDRs (<c>10.0.0.0/24</c>) or ranges (<c>10.0.0.10-10.0.0.20</c>), as written.</summary>
    public IReadOnlyList<Field<string>> Addresses { get; init; } = Array.Empty<Field<string>>();

    /// <summary>Defaults to true.</summary>
    public Field<bool>? AutoAssign { get; init; }

    public Field<bool>? AvoidBuggyIPs { get; init; }

    public ServiceAllocation? ServiceAllocation { get; init; }
}

public sealed record ServiceAllocation
{
    public Field<int>? Priority { get; init; }

    public IReadOnlyList<Field<string>> Namespaces { get; init; } = Array.Empty<Field<string>>();

    public IReadOnlyList<LabelSelector> NamespaceSelectors { get; init; } = Array.Empty<LabelSelector>();

    public IReadOnlyList<LabelSelector> ServiceSelectors { get; init; } = Array.Empty<LabelSelector>();

    public required SourceSpan Span { get; init; }
}

/// <summary>What L2 and BGP advertisements share: which pools, nodes and services they cover.</summary>
public abstract record Advertisement : ManifestObject
{
    public IReadOnlyList<Field<string>> IPAddressPools { get; init; } = Array.Empty<Field<string>>();

    public IReadOnlyList<LabelSelector> IPAddressPoolSelectors { get; init; } = Array.Empty<LabelSelector>();

    public IReadOnlyList<LabelSelector> NodeSelectors { get; init; } = Array.Empty<LabelSelector>();

    public IReadOnlyList<LabelSelector> ServiceSelectors { get; init; } = Array.Empty<LabelSelector>();
}

/// <summary>MetalLB <c>L2Advertisement</c> (metallb.io/v1beta1).</summary>
public sealed record L2Advertisement : Advertisement
{
    public IReadOnlyList<Field<string>> Interfaces { get; init; } = Array.Empty<Field<string>>();

    public IReadOnlyList<WeightedLabelSelector> PreferredNodeSelectors { get; init; } = Array.Empty<WeightedLabelSelector>();
}

public sealed record WeightedLabelSelector(Field<int>? Weight, LabelSelector Preference, SourceSpan Span);

/// <summary>MetalLB <c>BGPAdvertisement</c> (metallb.io/v1beta1).</summary>
public sealed record BGPAdvertisement : Advertisement
{
    public Field<int>? AggregationLength { get; init; }

    public Field<int>? AggregationLengthV6 { get; init; }

    public Field<int>? LocalPref { get; init; }

    public IReadOnlyList<Field<string>> Communities { get; init; } = Array.Empty<Field<string>>();

    public IReadOnlyList<Field<string>> Peers { get; init; } = Array.Empty<Field<string>>();
}

/// <summary>MetalLB <c>Community</c>: named BGP community values.</summary>
public sealed record Community : ManifestObject
{
    public IReadOnlyList<CommunityAlias> Communities { get; init; } = Array.Empty<CommunityAlias>();
}

public sealed record CommunityAlias(Field<string>? Name, Field<string>? Value, SourceSpan Span);

/// <summary>MetalLB <c>BGPPeer</c>, metallb.io/v1beta1 or v1beta2 (<see cref="ManifestObject.ApiVersion"/> tells which).</summary>
public sealed record BGPPeer : ManifestObject
{
    public Field<long>? MyASN { get; init; }

    public Field<long>? PeerASN { get; init; }

    public Field<long>? LocalASN { get; init; }

    public Field<DynamicAsnMode>? DynamicASN { get; init; }

    public Field<string>? PeerAddress { get; init; }

    public Field<string>? SourceAddress { get; init; }

    public Field<int>? PeerPort { get; init; }

    public Field<string>? HoldTime { get; init; }

    public Field<string>? KeepaliveTime { get; init; }

    public Field<string>? ConnectTime { get; init; }

    public Field<string>? RouterID { get; init; }

    public IReadOnlyList<LabelSelector> NodeSelectors { get; init; } = Array.Empty<LabelSelector>();

    public Field<string>? Password { get; init; }

    public Field<string>? PasswordSecretName { get; init; }

    public Field<string>? PasswordSecretNamespace { get; init; }

    public Field<string>? BfdProfile { get; init; }

    public Field<bool>? EbgpMultiHop { get; init; }

    public Field<string>? Vrf { get; init; }

    public Field<bool>? DisableMP { get; init; }

    public Field<bool>? DualStackAddressFamily { get; init; }

    public Field<bool>? EnableGracefulRestart { get; init; }

    public Field<string>? Interface { get; init; }
}

/// <summary>MetalLB <c>BFDProfile</c>, referenced by BGP peers.</summary>
public sealed record BFDProfile : ManifestObject
{
    public Field<int>? DetectMultiplier { get; init; }

    public Field<int>? EchoInterval { get; init; }

    public Field<bool>? EchoMode { get; init; }

    public Field<int>? MinimumTtl { get; init; }

    public Field<bool>? PassiveMode { get; init; }

    public Field<int>? ReceiveInterval { get; init; }

    public Field<int>? TransmitInterval { get; init; }
}
