using System;
using System.Collections.Generic;
using System.Linq;
using Kubepath.Engine.World;

namespace Kubepath.Engine.Compile;

/// <summary>
/// How kube-proxy recognises traffic from local pods (pkg/proxy/util: <c>LocalTrafficDetector</c>): by source CIDR
/// (the cluster's, or this node's), by the bridge or interface-name prefix it arrived on, or not at all.
/// </summary>
internal sealed class LocalTrafficDetector
{
    private readonly RuleArg? notLocalMatch;

    private LocalTrafficDetector(Func<bool, RuleArg>? match)
    {
        LocalMatch = match?.Invoke(false);
        notLocalMatch = match?.Invoke(true);
    }

    public bool IsImplemented => LocalMatch is not null;

    /// <summary>The match of traffic from local pods, null without a detector: two detectors with equal matches write alike.</summary>
    public RuleArg? LocalMatch { get; }

    public IEnumerable<RuleArg> IfLocal() => LocalMatch is null ? Enumerable.Empty<RuleArg>() : new[] { LocalMatch };

    public IEnumerable<RuleArg> IfNotLocal() => notLocalMatch is null ? Enumerable.Empty<RuleArg>() : new[] { notLocalMatch };

    public static LocalTrafficDetector For(ClusterProfile profile, ClusterNode node, bool ipv6)
    {
        var settings = profile.KubeProxy;
        switch (settings.DetectLocalMode)
        {
            case LocalDetectMode.ClusterCidr:
                var cluster = profile.ClusterCidrs.Where(cidr => cidr.IsIPv6 == ipv6).Select(cidr => (Cidr?)cidr).FirstOrDefault();
                return BySource(cluster);
            case LocalDetectMode.NodeCidr:
                return BySource(node.PodCidr(ipv6));
            case LocalDetectMode.BridgeInterface:
                return new LocalTrafficDetector(negated => new InInterfaceArg(settings.BridgeInterface, negated));
            case LocalDetectMode.InterfaceNamePrefix:
                return new LocalTrafficDetector(negated => new InInterfaceArg(settings.InterfaceNamePrefix + "+", negated));
            default:
                return new LocalTrafficDetector(null);
        }
    }

    /// <summary>Without a CIDR for the family kube-proxy falls back to the no-op detector.</summary>
    private static LocalTrafficDetector BySource(Cidr? cidr) =>
        cidr is { } value ? new LocalTrafficDetector(negated => ProxierCompiler.Address(true, value.ToString(), negated)) : new LocalTrafficDetector(null);
}

/// <summary>
/// <c>--nodeport-addresses</c> for one family's proxier (pkg/proxy/util <c>NewNodePortAddresses</c>): only the CIDRs of
/// that family count; none, or a zero-length one, matches every local address. <c>primary</c> alone stands for the
/// node's own IPs (kube-proxy's server.go expands it).
/// </summary>
internal sealed class NodePortAddresses
{
    private NodePortAddresses(bool matchAll, IReadOnlyList<System.Net.IPAddress> nodeIPs, bool containsIPv4Loopback)
    {
        MatchAll = matchAll;
        NodeIPs = nodeIPs;
        ContainsIPv4Loopback = containsIPv4Loopback;
    }

    public bool MatchAll { get; }

    public IReadOnlyList<System.Net.IPAddress> NodeIPs { get; }

    public bool ContainsIPv4Loopback { get; }

    public static NodePortAddresses For(KubeProxySettings settings, ClusterNode node, Cni cni, bool ipv6)
    {
        var cidrs = settings.NodePortAddresses.Count == 1 && settings.NodePortAddresses[0] == "primary"
            ? node.InternalIPs.Select(Cidr.Host).ToList()
            : settings.NodePortAddresses.Select(entry => Cidr.TryParse(entry, out var cidr) ? (Cidr?)cidr : null).OfType<Cidr>().ToList();
        var family = cidrs.Where(cidr => cidr.IsIPv6 == ipv6).ToList();
        var matchAll = family.Count == 0 || family.Any(cidr => cidr.PrefixLength == 0);
        var loopbackStart = System.Net.IPAddress.Parse("127.0.0.0");
        var containsLoopback = !ipv6 && (matchAll || family.Any(cidr => System.Net.IPAddress.IsLoopback(cidr.Network) || cidr.Contains(loopbackStart)));
        if (matchAll)
        {
            return new NodePortAddresses(true, Array.Empty<System.Net.IPAddress>(), containsLoopback);
        }

        var local = node.InternalIPs.Concat(node.Interfaces.Select(entry => entry.Address))
            .Concat(new[] { node.BridgeAddress(cni, ipv6), node.TunnelAddress(cni, ipv6) }.OfType<System.Net.IPAddress>())
            .Concat(new[] { ipv6 ? System.Net.IPAddress.IPv6Loopback : System.Net.IPAddress.Loopback })
            .Where(ip => Addresses.IsIPv6(ip) == ipv6)
            .Distinct()
            .Where(ip => family.Any(cidr => cidr.Contains(ip)))
            .OrderBy(ip => ip, Comparer<System.Net.IPAddress>.Create(Addresses.Compare))
            .ToList();
        return new NodePortAddresses(false, local, containsLoopback);
    }
}
