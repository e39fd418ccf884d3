using Kubepath.Engine.Simulate;
using static Kubepath.Engine.Tests.MetalLB.MetalLBCluster;

namespace Kubepath.Engine.Tests.MetalLB;

/// <summary>Which nodes MetalLB's speakers announce an address from (speaker/layer2_controller.go, bgp_controller.go).</summary>
public class AnnouncementTests
{
    private static string Service(string ip, string policy, params (string Ip, string Node, bool Ready, bool Serving)[] endpoints)
    {
        var lines = endpoints.Select(e =>
            "- {addresses: [" + e.Ip + "], nodeName: " + e.Node + ", conditions: {ready: " + (e.Ready ? "true" : "false") + ", serving: " + (e.Serving ? "true" : "false") + "}}");
        return LoadBalancer("test1", "  externalTrafficPolicy: " + policy + "\nstatus: {loadBalancer: {ingress: [{ip: " + ip + "}]}}") + "\n---\n" +
            "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: test1-a, labels: {kubernetes.io/service-name: test1}}\n" +
            "addressType: IPv4\nports: [{name: \"\", port: 80}]\nendpoints:\n" + string.Join("\n", lines) + "\n";
    }

    private const string L2 = """
        apiVersion: metallb.io/v1beta1
        kind: L2Advertisement
        metadata: {name: l2, namespace: metallb-system}
        """;

    private static Announcement Announce(string yaml)
    {
        var world = Cluster(Pool("p", "10.20.30.0/24") + "\n---\n" + yaml);
        return Announcements.For(world, world.FindService("default", "test1")!);
    }

    [Theory]
    [InlineData("10.20.30.1", "iris2")]
    [InlineData("10.20.30.2", "iris1")]
    [InlineData("10.20.30.3", "iris1")]
    [InlineData("10.20.30.4", "iris2")]
    public void The_node_with_the_smallest_sha256_of_node_and_ip_answers(string ip, string winner)
    {
        var announcement = Announce(L2 + "\n---\n" + Service(ip, "Cluster", ("10.42.1.5", "iris1", true, true)));

        Assert.Equal(winner, announcement.Layer2Announcer);
        Assert.Equal(new[] { winner }, announcement.EntryNodes);
    }

    [Fact]
    public void With_Local_policy_only_nodes_with_a_serving_endpoint_are_candidates()
    {
        // 10.20.30.1 would go to iris2 by hash; with Local policy only iris1 has an endpoint.
        var announcement = Announce(L2 + "\n---\n" + Service("10.20.30.1", "Local", ("10.42.1.5", "iris1", true, true), ("10.42.2.5", "iris2", false, false)));

        Assert.Equal(new[] { "iris1" }, announcement.Layer2Candidates);
    }

    [Fact]
    public void A_not_ready_but_serving_endpoint_counts()
    {
        var announcement = Announce(L2 + "\n---\n" + Service("10.20.30.1", "Local", ("10.42.1.5", "iris1", true, true), ("10.42.2.5", "iris2", false, true)));

        Assert.Equal("iris2", announcement.Layer2Announcer);
    }

    [Fact]
    public void Nobody_announces_when_no_endpoint_serves()
    {
        var announcement = Announce(L2 + "\n---\n" + Service("10.20.30.1", "Cluster", ("10.42.1.5", "iris1", false, false)));

        Assert.Null(announcement.Layer2Announcer);
        Assert.Equal("no endpoint serves, so no speaker announces", announcement.NotAnnounced);
    }

    [Fact]
    public void A_node_excluded_from_load_balancers_or_not_selected_by_the_advertisement_is_no_candidate()
    {
        var selective = """
            apiVersion: metallb.io/v1beta1
            kind: L2Advertisement
            metadata: {name: l2, namespace: metallb-system}
            spec: {nodeSelectors: [{matchLabels: {kubernetes.io/hostname: iris1}}]}
            """;

        Assert.Equal(new[] { "iris1" }, Announce(selective + "\n---\n" + Service("10.20.30.1", "Cluster", ("10.42.1.5", "iris1", true, true))).Layer2Candidates);

        var excludedNodes = Nodes.Replace("labels: {kubernetes.io/hostname: iris2}", "labels: {kubernetes.io/hostname: iris2, node.kubernetes.io/exclude-from-external-load-balancers: \"\"}", StringComparison.Ordinal);
        var world = WorldWithNodes(excludedNodes, L2 + "\n---\n" + Service("10.20.30.1", "Cluster", ("10.42.1.5", "iris1", true, true)));
        Assert.Equal(new[] { "iris1" }, Announcements.For(world, world.FindService("default", "test1")!).Layer2Candidates);
    }

    [Fact]
    public void A_pool_without_advertisement_is_allocated_but_never_announced()
    {
        var announcement = Announce(Service("10.20.30.1", "Cluster", ("10.42.1.5", "iris1", true, true)));

        Assert.Empty(announcement.EntryNodes);
        Assert.Contains("has no L2Advertisement or BGPAdvertisement", announcement.NotAnnounced, StringComparison.Ordinal);
    }

    [Fact]
    public void Over_BGP_every_eligible_node_advertises_the_aggregated_prefix_to_its_peers()
    {
        var bgp = """
            apiVersion: metallb.io/v1beta1
            kind: BGPPeer
            metadata: {name: tor, namespace: metallb-system}
            spec: {myASN: 64500, peerASN: 64501, peerAddress: 192.168.0.254}
            ---
            apiVersion: metallb.io/v1beta1
            kind: Community
            metadata: {name: communities, namespace: metallb-system}
            spec: {communities: [{name: no-advertise, value: "65535:65282"}]}
            ---
            apiVersion: metallb.io/v1beta1
            kind: BGPAdvertisement
            metadata: {name: bgp, namespace: metallb-system}
            spec: {aggregationLength: 24, localPref: 100, communities: [no-advertise, "64500:1"]}
            """;

        var announcement = Announce(bgp + "\n---\n" + Service("10.20.30.1", "Local", ("10.42.1.5", "iris1", true, true)));

        Assert.Null(announcement.Layer2Announcer);
        Assert.Equal(new[] { "iris1" }, announcement.BgpAdvertisers);
        var route = Assert.Single(announcement.Routes);
        Assert.Equal(new BgpRoute("iris1", "tor", "10.20.30.0/24", 100, new[] { "64500:1", "65535:65282" }), route with { Communities = route.Communities.ToArray() }, new RouteComparer());
    }

    private static Kubepath.Engine.World.ClusterWorld WorldWithNodes(string nodes, string yaml)
    {
        var set = new Kubepath.Manifests.ManifestLoader().LoadText("metallb.yaml", nodes + "\n---\n" + Pool("p", "10.20.30.0/24") + "\n---\n" + yaml);
        Assert.Empty(set.Diagnostics);
        return Kubepath.Engine.World.WorldBuilder.Build(set, Kubepath.Engine.World.BuiltInProfiles.K3s);
    }

    private sealed class RouteComparer : IEqualityComparer<BgpRoute>
    {
        public bool Equals(BgpRoute? x, BgpRoute? y) =>
            x is not null && y is not null && x.Node == y.Node && x.Peer == y.Peer && x.Prefix == y.Prefix && x.LocalPref == y.LocalPref && x.Communities.SequenceEqual(y.Communities);

        public int GetHashCode(BgpRoute obj) => obj.Prefix.GetHashCode(StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.14.5", null)]
    [InlineData("0.15.3", "iris2")]
    public void Without_memberlist_0_14_announces_nothing_in_layer_2_and_0_15_uses_every_node(string version, string? winner)
    {
        var set = new Kubepath.Manifests.ManifestLoader().LoadText("metallb.yaml", Nodes + "\n---\n" + Pool("p", "10.20.30.0/24") + "\n---\n" + L2 + "\n---\n" +
            Service("10.20.30.1", "Cluster", ("10.42.1.5", "iris1", true, true)));
        var profile = Kubepath.Engine.World.BuiltInProfiles.K3s with
        {
            MetalLB = new Kubepath.Engine.World.MetalLBSettings { Version = Version.Parse(version), Memberlist = false, SpeakerNodes = new[] { "iris1" } },
        };
        var world = Kubepath.Engine.World.WorldBuilder.Build(set, profile);

        Assert.Equal(winner, Announcements.For(world, world.FindService("default", "test1")!).Layer2Announcer);
    }
}
