using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace Kubepath.Engine.World;

/// <summary>The profiles <c>--profile</c> accepts by name.</summary>
public static class BuiltInProfiles
{
    /// <summary>The newest kube-proxy release whose iptables rules Kubepath models.</summary>
    public static readonly KubeVersion Latest = new(1, 36);

    /// <summary>k3s as in the seed lab: flannel, kube-proxy 1.29 in iptables mode (iptables 1.8.7, nf_tables backend).</summary>
    public static readonly ClusterProfile K3s = new()
    {
        Name = "k3s",
        ClusterCidrs = new[] { Cidr.Parse("10.42.0.0/16") },
        ServiceCidrs = new[] { Cidr.Parse("10.43.0.0/16") },
        Cni = Cni.Flannel,
        KubeProxy = new KubeProxySettings { Version = new KubeVersion(1, 29) },
    };

    /// <summary>kubeadm with <c>--pod-network-cidr=10.244.0.0/16</c> and flannel, the current kube-proxy.</summary>
    public static readonly ClusterProfile Kubeadm = new()
    {
        Name = "kubeadm",
        ClusterCidrs = new[] { Cidr.Parse("10.244.0.0/16") },
        ServiceCidrs = new[] { Cidr.Parse("10.96.0.0/12") },
        Cni = Cni.Flannel,
        KubeProxy = new KubeProxySettings { Version = Latest, IptablesVersion = new Version(1, 8, 9) },
        MetalLB = new MetalLBSettings { Version = MetalLBSettings.Latest },
    };

    /// <summary>kind's default single-node cluster: kindnet, 10.244.0.0/16, 10.96.0.0/16, the current kube-proxy.</summary>
    public static readonly ClusterProfile Kind = new()
    {
        Name = "kind",
        ClusterCidrs = new[] { Cidr.Parse("10.244.0.0/16") },
        ServiceCidrs = new[] { Cidr.Parse("10.96.0.0/16") },
        Cni = Cni.Kindnet,
        KubeProxy = new KubeProxySettings { Version = Latest, IptablesVersion = new Version(1, 8, 9) },
        MetalLB = new MetalLBSettings { Version = MetalLBSettings.Latest },
        Nodes = new[]
        {
            new NodeProfile
            {
                Name = "kind-control-plane",
                InternalIPs = new[] { IPAddress.Parse("172.18.0.2") },
                PodCidrs = new[] { Cidr.Parse("10.244.0.0/24") },
            },
        },
    };

    public static IReadOnlyList<ClusterProfile> All { get; } = new[] { K3s, Kubeadm, Kind };

    public static IEnumerable<string> Names => All.Select(profile => profile.Name);

    public static ClusterProfile? Find(string name) =>
        All.FirstOrDefault(profile => string.Equals(profile.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The feature gates that change the predicted datapath, with the default each release gives them.</summary>
public static class FeatureGates
{
    /// <summary>LB ingress with <c>ipMode: Proxy</c> gets no rules (alpha 1.29, beta and on by default 1.30, GA 1.32).</summary>
    public const string LoadBalancerIPMode = "LoadBalancerIPMode";

    /// <summary>Topology hints (<c>forZones</c>) narrow the endpoints (on by default since 1.24).</summary>
    public const string TopologyAwareHints = "TopologyAwareHints";

    /// <summary><c>trafficDistribution: PreferClose</c> turns hints on (alpha 1.30, on by default 1.31).</summary>
    public const string ServiceTrafficDistribution = "ServiceTrafficDistribution";

    /// <summary><c>forNodes</c> hints and <c>PreferSameNode</c> (alpha 1.33, on by default 1.34).</summary>
    public const string PreferSameTrafficDistribution = "PreferSameTrafficDistribution";

    /// <summary>The API server accepts LoadBalancer Services with several protocols (alpha 1.20, on by default 1.24, GA 1.26).</summary>
    public const string MixedProtocolLBService = "MixedProtocolLBService";

    private static readonly (string Gate, KubeVersion OnFrom)[] Defaults =
    {
        (LoadBalancerIPMode, new KubeVersion(1, 30)),
        (TopologyAwareHints, new KubeVersion(1, 24)),
        (ServiceTrafficDistribution, new KubeVersion(1, 31)),
        (PreferSameTrafficDistribution, new KubeVersion(1, 34)),
        (MixedProtocolLBService, new KubeVersion(1, 24)),
    };

    public static IEnumerable<string> Known => Defaults.Select(entry => entry.Gate);

    public static bool Enabled(KubeProxySettings settings, string gate)
    {
        if (settings.FeatureGates.TryGetValue(gate, out var value))
        {
            return value;
        }

        foreach (var (name, onFrom) in Defaults)
        {
            if (name == gate)
            {
                return settings.Version.CompareTo(onFrom) >= 0;
            }
        }

        return false;
    }
}
