using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Engine.Simulate;

/// <summary>A route one node advertises to one BGP peer for a load-balancer address.</summary>
public sealed record BgpRoute(string Node, string Peer, string Prefix, int LocalPref, IReadOnlyList<string> Communities);

/// <summary>Who makes a LoadBalancer Service's addresses reachable, and where external traffic enters the cluster.</summary>
public sealed record Announcement
{
    public required IReadOnlyList<IPAddress> Addresses { get; init; }

    public string? Pool { get; init; }

    /// <summary>Layer 2 candidates in election order (the first answers ARP/NDP; the next takes over if it fails).</summary>
    public IReadOnlyList<string> Layer2Candidates { get; init; } = Array.Empty<string>();

    public string? Layer2Announcer => Layer2Candidates.Count > 0 ? Layer2Candidates[0] : null;

    /// <summary>The announcer's interfaces named by the L2Advertisements (empty: all).</summary>
    public IReadOnlyList<string> Layer2Interfaces { get; init; } = Array.Empty<string>();

    /// <summary>Nodes that advertise the addresses over BGP (ECMP among them).</summary>
    public IReadOnlyList<string> BgpAdvertisers { get; init; } = Array.Empty<string>();

    public IReadOnlyList<BgpRoute> Routes { get; init; } = Array.Empty<BgpRoute>();

    /// <summary>Nodes the pool's advertisements select that run a usable speaker, before the traffic policy.</summary>
    public IReadOnlyList<string> AdvertisedNodes { get; init; } = Array.Empty<string>();

    /// <summary>Nodes with a serving endpoint.</summary>
    public IReadOnlyList<string> EndpointNodes { get; init; } = Array.Empty<string>();

    /// <summary>Why nobody announces, when nobody does.</summary>
    public string? NotAnnounced { get; init; }

    /// <summary>The nodes external traffic to the addresses arrives at.</summary>
    public IReadOnlyList<string> EntryNodes =>
        (Layer2Announcer is { } announcer ? new[] { announcer } : Array.Empty<string>()).Concat(BgpAdvertisers).Distinct().OrderBy(node => node, StringComparer.Ordinal).ToList();
}

/// <summary>
/// MetalLB's speakers (speaker/layer2_controller.go and bgp_controller.go <c>ShouldAnnounce</c>): the pool holding the
/// addresses, its advertisements, the nodes they select that run a speaker, are not NetworkUnavailable and are not
/// labelled <c>node.kubernetes.io/exclude-from-external-load-balancers</c>; with externalTrafficPolicy Local only nodes
/// with a serving endpoint. In L2 the node with the smallest sha256(node + "#" + first IP) answers; in BGP every
/// eligible node advertises.
/// </summary>
public static class Announcements
{
    public const string ExcludeLabel = "node.kubernetes.io/exclude-from-external-load-balancers";

    public static Announcement For(ClusterWorld world, ServiceView service)
    {
        var addresses = service.LoadBalancerIngress.Select(ingress => ingress.Address).ToList();
        var config = world.MetalLB;
        var pool = config.PoolFor(addresses);
        if (pool is null)
        {
            return new Announcement { Addresses = addresses, NotAnnounced = addresses.Count == 0 ? "the service has no load-balancer address" : "the address is in no IPAddressPool (ipNotAllowed)" };
        }

        var l2 = config.L2Advertisements.Where(ad => Covers(ad, pool)).ToList();
        var bgp = config.BgpAdvertisements.Where(ad => Covers(ad, pool)).ToList();
        if (l2.Count == 0 && bgp.Count == 0)
        {
            return new Announcement { Addresses = addresses, Pool = pool.Name, NotAnnounced = "pool " + pool.Name + " has no L2Advertisement or BGPAdvertisement: the address is allocated but never announced" };
        }

        // EndpointCanServe: ready (or unset), or serving.
        var serving = service.Ports.SelectMany(port => port.Endpoints).Where(endpoint => endpoint.Ready || endpoint.Serving).ToList();
        if (serving.Count == 0)
        {
            return new Announcement { Addresses = addresses, Pool = pool.Name, NotAnnounced = "no endpoint serves, so no speaker announces" };
        }

        var speakers = Speakers(world).Where(node => !node.NetworkUnavailable && !node.Labels.ContainsKey(ExcludeLabel)).ToList();
        var withEndpoint = new HashSet<string>(serving.Select(endpoint => endpoint.NodeName).OfType<string>(), StringComparer.Ordinal);
        var local = service.ExternalTrafficPolicy == TrafficPolicy.Local;
        bool Eligible(ClusterNode node) => !local || withEndpoint.Contains(node.Name);

        var ip = Addresses.Format(addresses[0]);
        var settings = world.Profile.MetalLB;
        var layer2Speakers = speakers;
        if (!settings.Memberlist)
        {
            // Without memberlist, 0.14 speakers know no live speaker and never announce in layer 2 (MetalLB bug 2425);
            // from 0.15 every Node object counts as one, whether or not a speaker runs there.
            layer2Speakers = settings.Version < new Version(0, 15, 0)
                ? new List<ClusterNode>()
                : world.Nodes.Where(node => !node.NetworkUnavailable && !node.Labels.ContainsKey(ExcludeLabel)).ToList();
        }

        var layer2 = layer2Speakers.Where(node => l2.Any(ad => Selects(ad.NodeSelectors, node)) && Eligible(node))
            .OrderBy(node => ElectionKey(node.Name, ip), ByteOrder.Instance)
            .Select(node => node.Name)
            .ToList();
        var interfaces = layer2.Count == 0
            ? new List<string>()
            : l2.Where(ad => Selects(ad.NodeSelectors, world.FindNode(layer2[0])!)).SelectMany(ad => ad.Interfaces.Select(name => name.Value)).Distinct().OrderBy(name => name, StringComparer.Ordinal).ToList();

        var advertisers = speakers.Where(node => bgp.Any(ad => Selects(ad.NodeSelectors, node)) && Eligible(node)).Select(node => node.Name).OrderBy(name => name, StringComparer.Ordinal).ToList();
        var routes = advertisers.SelectMany(node => Routes(config, bgp, world.FindNode(node)!, addresses)).ToList();

        string? reason = null;
        if (layer2.Count == 0 && advertisers.Count == 0 && !settings.Memberlist && settings.Version < new Version(0, 15, 0) && l2.Count > 0)
        {
            reason = "MetalLB " + settings.Version.ToString(3) + " without memberlist announces nothing in layer 2";
        }
        else if (layer2.Count == 0 && advertisers.Count == 0)
        {
            reason = local
                ? "no node both runs an eligible speaker and has a serving endpoint (externalTrafficPolicy: Local)"
                : "no eligible node runs a speaker selected by the pool's advertisements";
        }

        return new Announcement
        {
            Addresses = addresses, Pool = pool.Name, Layer2Candidates = l2.Count > 0 ? layer2 : new List<string>(), Layer2Interfaces = interfaces,
            BgpAdvertisers = advertisers, Routes = routes, NotAnnounced = reason,
            AdvertisedNodes = speakers.Where(node => l2.Concat<Advertisement>(bgp).Any(ad => Selects(ad.NodeSelectors, node))).Select(node => node.Name).OrderBy(name => name, StringComparer.Ordinal).ToList(),
            EndpointNodes = withEndpoint.OrderBy(name => name, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>The election key: sha256 of the UTF-8 text <c>node#ip</c>, compared as bytes, smallest first.</summary>
    public static byte[] ElectionKey(string node, string ip) => Sha256Text.Of(node + "#" + ip);

    /// <summary>Nodes running a speaker: the profile's list, or every node (the speaker DaemonSet runs everywhere by default).</summary>
    private static IEnumerable<ClusterNode> Speakers(ClusterWorld world) =>
        world.Profile.MetalLB.SpeakerNodes is { } names ? world.Nodes.Where(node => names.Contains(node.Name)) : world.Nodes;

    /// <summary>An advertisement covers the pools it names or selects; naming none covers every pool.</summary>
    public static bool Covers(Advertisement ad, AddressPool pool) =>
        (ad.IPAddressPools.Count == 0 && ad.IPAddressPoolSelectors.Count == 0) ||
        ad.IPAddressPools.Any(name => name.Value == pool.Name) ||
        ad.IPAddressPoolSelectors.Any(selector => LabelMatching.Matches(selector, pool.Source.Metadata.Labels));

    private static bool Selects(IReadOnlyList<LabelSelector> selectors, ClusterNode node) =>
        selectors.Count == 0 || selectors.Any(selector => LabelMatching.Matches(selector, node.Labels));

    /// <summary>One route per address and advertisement selecting the node, to each peer with a session there that the advertisement targets.</summary>
    private static IEnumerable<BgpRoute> Routes(MetalLBConfig config, IReadOnlyList<BGPAdvertisement> ads, ClusterNode node, IReadOnlyList<IPAddress> addresses)
    {
        var peers = config.Peers.Where(peer => Selects(peer.NodeSelectors, node)).Select(peer => peer.Name).ToList();
        foreach (var address in addresses)
        {
            foreach (var ad in ads.Where(ad => Selects(ad.NodeSelectors, node)))
            {
                var ipv6 = Addresses.IsIPv6(address);
                var length = ipv6 ? ad.AggregationLengthV6?.Value ?? 128 : ad.AggregationLength?.Value ?? 32;
                var prefix = Cidr.Parse(Addresses.Format(address) + "/" + length.ToString(CultureInfo.InvariantCulture)).ToString();
                var communities = ad.Communities.Select(community => Community(config, community.Value)).OrderBy(text => text, StringComparer.Ordinal).ToList();
                foreach (var peer in peers.Where(peer => ad.Peers.Count == 0 || ad.Peers.Any(name => name.Value == peer)))
                {
                    yield return new BgpRoute(node.Name, peer, prefix, ad.LocalPref?.Value ?? 0, communities);
                }
            }
        }
    }

    /// <summary>A community as written, or the value of a Community resource's alias of that name.</summary>
    private static string Community(MetalLBConfig config, string text) =>
        config.Communities.SelectMany(community => community.Communities).FirstOrDefault(alias => alias.Name?.Value == text)?.Value?.Value ?? text;

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }

            return x.Length.CompareTo(y.Length);
        }
    }
}
