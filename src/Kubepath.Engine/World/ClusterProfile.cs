using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;

namespace Kubepath.Engine.World;

/// <summary>
/// What manifests do not say about a cluster: its address ranges, CNI, nodes, and every kube-proxy setting
/// that changes the rules it programs. Field names follow KubeProxyConfiguration so a user can copy them.
/// </summary>
public sealed record ClusterProfile
{
    public required string Name { get; init; }

    /// <summary>The pod network (kube-proxy's <c>clusterCIDR</c>), one per IP family.</summary>
    public IReadOnlyList<Cidr> ClusterCidrs { get; init; } = Array.Empty<Cidr>();

    /// <summary>The Service network (the API server's <c>--service-cluster-ip-range</c>), one per IP family.</summary>
    public IReadOnlyList<Cidr> ServiceCidrs { get; init; } = Array.Empty<Cidr>();

    public PortRange NodePortRange { get; init; } = PortRange.DefaultNodePorts;

    public Cni Cni { get; init; } = Cni.Flannel;

    public KubeProxySettings KubeProxy { get; init; } = new();

    /// <summary>Nodes the profile knows; Node objects in the manifests or the state add to them.</summary>
    public IReadOnlyList<NodeProfile> Nodes { get; init; } = Array.Empty<NodeProfile>();

    /// <summary>How many nodes to assume when neither the profile, the manifests nor the state names any.</summary>
    public int AssumedNodeCount { get; init; } = 3;

    /// <summary>MetalLB, when the cluster runs it.</summary>
    public MetalLBSettings MetalLB { get; init; } = new();

    /// <summary>The address an external client uses in flow predictions.</summary>
    public IPAddress ExternalClient { get; init; } = IPAddress.Parse("203.0.113.10");
}

/// <summary>The CNI plugin decides which interface address a masqueraded packet leaves with.</summary>
public enum Cni
{
    /// <summary>flannel (k3s' default): local pods on the <c>cni0</c> bridge (.1 of the node's pod CIDR), other nodes' pods through <c>flannel.1</c> (.0).</summary>
    Flannel,

    /// <summary>kindnet (kind): point-to-point veths without addresses; every packet leaves with the node's address.</summary>
    Kindnet,

    /// <summary>Any other plugin: Kubepath assumes packets leave with the node's address and says so.</summary>
    Other,
}

/// <summary>How kube-proxy tells pod traffic from other traffic (<c>--detect-local-mode</c>).</summary>
public enum LocalDetectMode
{
    ClusterCidr,
    NodeCidr,
    BridgeInterface,
    InterfaceNamePrefix,
    None,
}

public enum ProxyMode
{
    Iptables,
    Ipvs,
    Nftables,
}

/// <summary>kube-proxy's configuration, as far as it changes the rules.</summary>
public sealed record KubeProxySettings
{
    public ProxyMode Mode { get; init; } = ProxyMode.Iptables;

    public KubeVersion Version { get; init; } = KubeVersion.Parse("1.29");

    public LocalDetectMode DetectLocalMode { get; init; } = LocalDetectMode.ClusterCidr;

    public string BridgeInterface { get; init; } = "cni0";

    public string InterfaceNamePrefix { get; init; } = "veth";

    public bool MasqueradeAll { get; init; }

    public int MasqueradeBit { get; init; } = 14;

    /// <summary><c>--nodeport-addresses</c>: CIDRs, or <c>primary</c>; empty means every local address.</summary>
    public IReadOnlyList<string> NodePortAddresses { get; init; } = Array.Empty<string>();

    public bool LocalhostNodePorts { get; init; } = true;

    /// <summary>Whether the node's iptables supports <c>MASQUERADE --random-fully</c>.</summary>
    public bool RandomFully { get; init; } = true;

    /// <summary><c>net.netfilter.nf_conntrack_tcp_be_liberal</c> is set: kube-proxy installs no INVALID drop rule.</summary>
    public bool ConntrackTcpLiberal { get; init; }

    /// <summary>The nfacct counters that exist on the node; kube-proxy only matches the ones it finds.</summary>
    public IReadOnlyList<string> NfacctCounters { get; init; } = Array.Empty<string>();

    /// <summary>Past this many endpoints kube-proxy drops endpoint comments (<c>largeClusterEndpointsThreshold</c>).</summary>
    public int LargeClusterEndpointsThreshold { get; init; } = 1000;

    /// <summary>The node's iptables uses the nf_tables backend (<c>iptables-nft</c>).</summary>
    public bool IptablesNft { get; init; } = true;

    /// <summary>The node's iptables release; iptables-nft-save before 1.8.8 ends a rule without a target with a space.</summary>
    public Version IptablesVersion { get; init; } = new(1, 8, 7);

    /// <summary>How the node's iptables-save prints rules.</summary>
    public Compile.IptablesFlavour Flavour => new(IptablesNft && IptablesVersion < new Version(1, 8, 8));

    /// <summary>Feature gates set explicitly; others take their default for <see cref="Version"/>.</summary>
    public IReadOnlyDictionary<string, bool> FeatureGates { get; init; } = new Dictionary<string, bool>();
}

/// <summary>What changes MetalLB's choices: its release, the class it serves, where its speakers run.</summary>
public sealed record MetalLBSettings
{
    /// <summary>The seed lab's release.</summary>
    public static readonly Version Seed = new(0, 14, 5);

    /// <summary>The newest release Kubepath models.</summary>
    public static readonly Version Latest = new(0, 15, 3);

    public Version Version { get; init; } = Seed;

    /// <summary>MetalLB's <c>--lb-class</c>: null serves services without a class only.</summary>
    public string? LoadBalancerClass { get; init; }

    /// <summary>Nodes running a speaker; null means every node (the speaker DaemonSet tolerates control-plane taints).</summary>
    public IReadOnlyList<string>? SpeakerNodes { get; init; }

    /// <summary>Speakers find each other with memberlist (the default); without it layer 2 behaves differently per release.</summary>
    public bool Memberlist { get; init; } = true;
}

/// <summary>A Kubernetes minor version (<c>1.29</c>).</summary>
public readonly record struct KubeVersion(int Major, int Minor) : IComparable<KubeVersion>
{
    public static bool TryParse(string? text, out KubeVersion version)
    {
        version = default;
        var trimmed = (text ?? string.Empty).Trim().TrimStart('v');
        var parts = trimmed.Split('.', '+', '-');
        if (parts.Length < 2 ||
            !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = new KubeVersion(major, minor);
        return true;
    }

    public static KubeVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException("'" + text + "' is not a Kubernetes version.");

    public int CompareTo(KubeVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(KubeVersion left, KubeVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(KubeVersion left, KubeVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(KubeVersion left, KubeVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(KubeVersion left, KubeVersion right) => left.CompareTo(right) >= 0;

    public bool AtLeast(int major, int minor) => CompareTo(new KubeVersion(major, minor)) >= 0;

    public override string ToString() => Major.ToString(CultureInfo.InvariantCulture) + "." + Minor.ToString(CultureInfo.InvariantCulture);
}

public readonly record struct PortRange(int First, int Last)
{
    public static readonly PortRange DefaultNodePorts = new(30000, 32767);

    public bool Contains(int port) => port >= First && port <= Last;

    public int Size => Last - First + 1;

    public static bool TryParse(string? text, out PortRange range)
    {
        range = default;
        var parts = (text ?? string.Empty).Split('-');
        if (parts.Length != 2 ||
            !int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var first) ||
            !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var last) ||
            first < 1 || last > 65535 || first > last)
        {
            return false;
        }

        range = new PortRange(first, last);
        return true;
    }

    public override string ToString() => First.ToString(CultureInfo.InvariantCulture) + "-" + Last.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A node as the profile describes it; every list may be empty and is then filled from Node objects or assumed.</summary>
public sealed record NodeProfile
{
    public required string Name { get; init; }

    public IReadOnlyList<IPAddress> InternalIPs { get; init; } = Array.Empty<IPAddress>();

    public IReadOnlyList<Cidr> PodCidrs { get; init; } = Array.Empty<Cidr>();

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Other addresses on the node's interfaces (a VLAN for load-balancer traffic, say).</summary>
    public IReadOnlyList<InterfaceAddress> Interfaces { get; init; } = Array.Empty<InterfaceAddress>();
}

/// <summary>An address on a named interface, with its prefix (<c>ens3.100</c>, <c>10.123.123.2/24</c>).</summary>
public sealed record InterfaceAddress(string Interface, IPAddress Address, Cidr Subnet);
