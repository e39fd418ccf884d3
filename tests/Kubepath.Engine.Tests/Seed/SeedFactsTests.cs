using System.Net;
using Kubepath.Engine.Simulate;

namespace Kubepath.Engine.Tests.Seed;

/// <summary>
/// The seed lab's observations (../shared/seed/FACTS.md) as predictions: every quoted rule line appears exactly in
/// the predicted iptables-save of the stated node, and every stated flow is what the evaluator finds.
/// </summary>
public class SeedFactsTests
{
    [Theory]
    [InlineData("S1", "vm1")]
    [InlineData("S1", "vm2")]
    [InlineData("S1", "vm3")]
    [InlineData("S2", "vm1")]
    [InlineData("S2", "vm2")]
    public void Final_state_rules_contain_the_quoted_lines(string scenario, string node) =>
        AssertContainsAll(SeedLab.FactLines(scenario), SeedLab.SaveLines(SeedLab.Final(), node));

    [Fact]
    public void S1_other_endpoint_chains_have_the_same_two_lines()
    {
        var lines = SeedLab.SaveLines(SeedLab.Final(), "vm3");
        foreach (var (chain, ip) in new[] { ("KUBE-SEP-3Y75O4B4KDVD7TMA", "10.42.1.2"), ("KUBE-SEP-Z33JJVRDNG7R4HVW", "10.42.2.2") })
        {
            Assert.Contains($"-A {chain} -s {ip}/32 -m comment --comment \"default/nginx-service\" -j KUBE-MARK-MASQ", lines);
            Assert.Contains($"-A {chain} -p tcp -m comment --comment \"default/nginx-service\" -m tcp -j DNAT --to-destination {ip}:80", lines);
        }
    }

    [Fact]
    public void S1_test_pod_reaches_each_endpoint_with_one_third_and_keeps_its_address()
    {
        var flow = SeedLab.Flow(SeedLab.Final(), "nginx-service", OriginKind.Pod, "vm2", "10.43.180.238", 80);

        Assert.Equal(IPAddress.Parse("10.42.1.4"), flow.Origin.Source);
        AssertEndpoints(flow, ("10.42.0.8:80", 1 / 3.0), ("10.42.1.2:80", 1 / 3.0), ("10.42.2.2:80", 1 / 3.0));
        Assert.All(flow.Outcomes, outcome =>
        {
            Assert.False(outcome.Masqueraded);
            Assert.Equal(IPAddress.Parse("10.42.1.4"), outcome.SourceSeen);
        });
    }

    [Theory]
    [InlineData("vm1")]
    [InlineData("vm2")]
    [InlineData("vm3")]
    public void S2_external_client_at_any_node_reaches_all_three_endpoints_masqueraded(string node)
    {
        var world = SeedLab.Final();
        var simulator = new FlowSimulator(world);
        var service = world.FindService("default", "nginx-np-service")!;
        var nodeView = world.FindNode(node)!;
        var origin = simulator.OriginOn(OriginKind.External, nodeView, ipv6: false)!;
        var flow = simulator.Flow(service, service.Ports[0], new Entry(EntryKind.NodePort, nodeView.InternalIPs[0], 30000, node), origin);

        AssertEndpoints(flow, ("10.42.0.10:8080", 1 / 3.0), ("10.42.1.6:8080", 1 / 3.0), ("10.42.2.5:8080", 1 / 3.0));
        Assert.All(flow.Outcomes, outcome => Assert.True(outcome.Masqueraded));
    }

    [Fact]
    public void S3_rules_on_vm1_contain_the_quoted_lines() =>
        AssertContainsAll(SeedLab.FactLines("S3"), SeedLab.SaveLines(SeedLab.S3(), "vm1"));

    [Fact]
    public void S3_external_host_at_vm2_reaches_all_three_endpoints_masqueraded_to_the_bridge_or_tunnel_address()
    {
        var flow = SeedLab.Flow(SeedLab.S3(), "nginx-mlb-l2-service", OriginKind.External, "vm2", "10.123.123.100", 80);

        AssertEndpoints(flow, ("10.42.0.25:8080", 1 / 3.0), ("10.42.1.20:8080", 1 / 3.0), ("10.42.1.21:8080", 1 / 3.0));
        Assert.All(flow.Outcomes, outcome => Assert.True(outcome.Masqueraded));
        Assert.All(flow.Outcomes.Where(o => o.EndpointNode == "vm2"), outcome => Assert.Equal(IPAddress.Parse("10.42.1.1"), outcome.SourceSeen));
        Assert.All(flow.Outcomes.Where(o => o.EndpointNode == "vm1"), outcome => Assert.Equal(IPAddress.Parse("10.42.1.0"), outcome.SourceSeen));
    }

    [Theory]
    [InlineData(OriginKind.Host)]
    [InlineData(OriginKind.Pod)]
    public void S3_traffic_from_vm1_to_the_VIP_is_translated_on_vm1_itself(OriginKind kind)
    {
        var flow = SeedLab.Flow(SeedLab.S3(), "nginx-mlb-l2-service", kind, "vm1", "10.123.123.100", 80);

        AssertEndpoints(flow, ("10.42.0.25:8080", 1 / 3.0), ("10.42.1.20:8080", 1 / 3.0), ("10.42.1.21:8080", 1 / 3.0));
        Assert.All(flow.Outcomes, outcome => Assert.Contains("KUBE-EXT-W47NQ5DDJKUWFTVY", outcome.Path));
        Assert.All(flow.Outcomes, outcome => Assert.Equal(kind == OriginKind.Host ? "nat/OUTPUT" : "nat/PREROUTING", outcome.Path[0]));
    }

    [Fact]
    public void S4_rules_on_vm1_contain_the_quoted_lines() =>
        AssertContainsAll(SeedLab.FactLines("S4"), SeedLab.SaveLines(SeedLab.S4(), "vm1"));

    [Fact]
    public void S4_external_host_at_vm2_reaches_only_vm2s_pods_and_keeps_its_address()
    {
        var flow = SeedLab.Flow(SeedLab.S4(), "nginx-mlb-l2-service", OriginKind.External, "vm2", "10.123.123.100", 80);

        AssertEndpoints(flow, ("10.42.1.20:8080", 0.5), ("10.42.1.21:8080", 0.5));
        Assert.All(flow.Outcomes, outcome =>
        {
            Assert.False(outcome.Masqueraded);
            Assert.Equal(SeedLab.ExternalHost, outcome.SourceSeen);
        });
    }

    [Theory]
    [InlineData("S4")]
    [InlineData("S5")]
    public void Pods_on_vm1_reach_all_six_endpoints_of_the_VIP_unmasqueraded(string scenario)
    {
        var world = scenario == "S4" ? SeedLab.S4() : SeedLab.Final();
        var flow = SeedLab.Flow(world, "nginx-mlb-l2-service", OriginKind.Pod, "vm1", "10.123.123.100", 80);

        AssertEndpoints(flow, SixEndpoints);
        Assert.All(flow.Outcomes, outcome => Assert.False(outcome.Masqueraded));
    }

    [Fact]
    public void S4_a_process_on_vm2_reaches_all_six_endpoints_masqueraded()
    {
        var flow = SeedLab.Flow(SeedLab.S4(), "nginx-mlb-l2-service", OriginKind.Host, "vm2", "10.123.123.100", 80, IPAddress.Parse("10.65.94.199"));

        AssertEndpoints(flow, SixEndpoints);
        Assert.All(flow.Outcomes, outcome => Assert.True(outcome.Masqueraded));
    }

    [Fact]
    public void S5_internal_traffic_policy_leaves_the_external_chain_unchanged_and_sends_the_cluster_IP_to_KUBE_SVL()
    {
        var s4 = SeedLab.SaveLines(SeedLab.S4(), "vm1").Where(line => line.StartsWith("-A KUBE-EXT-W47NQ5DDJKUWFTVY", StringComparison.Ordinal));
        var s5 = SeedLab.SaveLines(SeedLab.Final(), "vm1");

        Assert.Equal(s4, s5.Where(line => line.StartsWith("-A KUBE-EXT-W47NQ5DDJKUWFTVY", StringComparison.Ordinal)));
        Assert.Contains("-A KUBE-SERVICES -d 10.43.159.55/32 -p tcp -m comment --comment \"default/nginx-mlb-l2-service cluster IP\" -m tcp --dport 80 -j KUBE-SVL-W47NQ5DDJKUWFTVY", s5);

        var clusterIP = SeedLab.Flow(SeedLab.Final(), "nginx-mlb-l2-service", OriginKind.Pod, "vm1", "10.43.159.55", 80);
        AssertEndpoints(clusterIP, ("10.42.0.25:8080", 0.5), ("10.42.0.26:8080", 0.5));
    }

    [Fact]
    public void S6_SCTP_rules_use_the_sctp_module_and_the_VIP_is_reachable_from_outside()
    {
        var world = SeedLab.Final();
        var lines = SeedLab.SaveLines(world, "vm2");

        Assert.Contains(lines, line => line.StartsWith("-A KUBE-SERVICES -d 10.123.123.101/32 -p sctp -m comment --comment \"default/sctp-server loadbalancer IP\" -m sctp --dport 10000 -j KUBE-EXT-", StringComparison.Ordinal));
        var flow = SeedLab.Flow(world, "sctp-server", OriginKind.External, "vm2", "10.123.123.101", 10000);
        Assert.Equal(3, flow.Outcomes.Count);
        Assert.All(flow.Outcomes, outcome => Assert.Equal(FlowVerdict.Delivered, outcome.Verdict));
        Assert.All(flow.Outcomes, outcome => Assert.EndsWith(":9999", outcome.Endpoint, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("S3")]
    [InlineData("S4")]
    [InlineData("S5")]
    public void The_VIP_is_announced_by_vm2(string scenario)
    {
        var world = scenario switch { "S3" => SeedLab.S3(), "S4" => SeedLab.S4(), _ => SeedLab.Final() };

        var announcement = Announcements.For(world, world.FindService("default", "nginx-mlb-l2-service")!);

        Assert.Equal("vm2", announcement.Layer2Announcer);
        Assert.Equal("external-pool", announcement.Pool);
    }

    [Fact]
    public void S4_explain_sends_external_traffic_to_the_VIP_in_at_vm2_only_and_to_vm2s_two_pods_unmasqueraded()
    {
        var world = SeedLab.S4();
        var flows = new FlowSimulator(world).Explain(world.FindService("default", "nginx-mlb-l2-service")!);
        var vip = flows.Ports[0].Entries.Single(entry => entry.Entry.Kind == EntryKind.LoadBalancerIP);

        var external = Assert.Single(vip.Origins, flow => flow.Origin.Kind == OriginKind.External);
        Assert.Equal("vm2", external.Origin.Node);
        AssertEndpoints(external, ("10.42.1.20:8080", 0.5), ("10.42.1.21:8080", 0.5));
        Assert.All(external.Outcomes, outcome => Assert.Equal(SeedLab.ExternalHost, outcome.SourceSeen));
        AssertEndpoints(vip.Origins.Single(flow => flow.Origin.Kind == OriginKind.Pod && flow.Origin.Node == "vm1"), SixEndpoints);
    }

    [Fact]
    public void S6_the_SCTP_VIP_gets_its_requested_address_is_announced_and_reaches_the_servers_from_outside()
    {
        var world = SeedLab.Final();
        var service = world.FindService("default", "sctp-server")!;
        var vip = new FlowSimulator(world).Explain(service).Ports[0].Entries.Single(entry => entry.Entry.Kind == EntryKind.LoadBalancerIP);

        Assert.Equal(IPAddress.Parse("10.123.123.101"), vip.Entry.Address);
        Assert.NotNull(vip.Announcement!.Layer2Announcer);
        var external = Assert.Single(vip.Origins, flow => flow.Origin.Kind == OriginKind.External);
        Assert.Equal(vip.Announcement.Layer2Announcer, external.Origin.Node);
        Assert.Equal(3, external.Outcomes.Count);
        Assert.All(external.Outcomes, outcome => Assert.Equal(FlowVerdict.Delivered, outcome.Verdict));
    }

    private static readonly (string, double)[] SixEndpoints =
    {
        ("10.42.0.25:8080", 1 / 6.0), ("10.42.0.26:8080", 1 / 6.0), ("10.42.1.20:8080", 1 / 6.0),
        ("10.42.1.21:8080", 1 / 6.0), ("10.42.2.21:8080", 1 / 6.0), ("10.42.2.22:8080", 1 / 6.0),
    };

    private static void AssertContainsAll(IReadOnlyList<string> expected, string[] actual)
    {
        Assert.All(expected, line => Assert.Contains(line, actual));
    }

    private static void AssertEndpoints(OriginFlows flow, params (string Endpoint, double Probability)[] expected)
    {
        Assert.All(flow.Outcomes, outcome => Assert.Equal(FlowVerdict.Delivered, outcome.Verdict));
        var actual = flow.Outcomes.GroupBy(o => o.Endpoint!).ToDictionary(g => g.Key, g => g.Sum(o => o.Probability));
        Assert.Equal(expected.Select(e => e.Endpoint).OrderBy(e => e, StringComparer.Ordinal), actual.Keys.OrderBy(e => e, StringComparer.Ordinal));
        foreach (var (endpoint, probability) in expected)
        {
            Assert.Equal(probability, actual[endpoint], 9);
        }
    }
}
