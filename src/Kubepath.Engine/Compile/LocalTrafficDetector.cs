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
    private readonly Func<bool, RuleArg>? match;

    private LocalTrafficDetector(Func<bool, RuleArg>? match) => this.match = match;

    public bool IsImplemented => match is not null;

    public IEnumerable<RuleArg> IfLocal() => match is null ? Enumerable.Empty<RuleArg>() : new[] { match(false) };

    public IEnumerable<RuleArg> IfNotLocal() => match is null ? Enumerable.Empty<RuleArg>() : new[] { match(true) };

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
/// <c>--nodeport-addresses</c> on one node (pkg/proxy/util <c>NodePortAddresses</c>): empty matches every local address;
/// otherwise the node's addresses inside the listed CIDRs (<c>primary</c> names the node's own IP).
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
        var cidrs = new List<Cidr>();
        foreach (var entry in settings.NodePortAddresses)
        {
            if (entry == "primary")
            {
                if (node.InternalIP(ipv6) is { } primary)
                {
                    cidrs.Add(Cidr.Host(primary));
                }
            }
            else if (Cidr.TryParse(entry, out var cidr))
            {
                cidrs.Add(cidr);
            }
        }

        var loopback = System.Net.IPAddress.Loopback;
        var containsLoopback = settings.NodePortAddresses.Count == 0 || cidrs.Any(cidr => cidr.Contains(loopback));
        var family = cidrs.Where(cidr => cidr.IsIPv6 == ipv6).ToList();
        if (settings.NodePortAddresses.Count == 0)
        {
            return new NodePortAddresses(true, Array.Empty<System.Net.IPAddress>(), containsLoopback);
        }

        // A 0.0.0.0/0 (or ::/0) entry matches every address: kube-proxy treats it as no filter.
        if (family.Any(cidr => cidr.PrefixLength == 0))
        {
            return new NodePortAddresses(true, Array.Empty<System.Net.IPAddress>(), containsLoopback);
        }

        var local = node.InternalIPs.Concat(node.Interfaces.Select(entry => entry.Address))
            .Concat(new[] { node.BridgeAddress(cni, ipv6), node.TunnelAddress(cni, ipv6) }.OfType<System.Net.IPAddress>())
            .Concat(new[] { ipv6 ? System.Net.IPAddress.IPv6Loopback : loopback })
            .Where(ip => Addresses.IsIPv6(ip) == ipv6)
            .Distinct()
            .Where(ip => family.Any(cidr => cidr.Contains(ip)))
            .OrderBy(ip => ip, Comparer<System.Net.IPAddress>.Create(Addresses.Compare))
            .ToList();
        return new NodePortAddresses(false, local, containsLoopback);
    }
}
