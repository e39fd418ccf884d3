using System.Net;
using Kubepath.Engine.Compile;
using Kubepath.Engine.Simulate;
using Kubepath.Engine.World;
using Kubepath.Manifests;
using Kubepath.Model;

namespace Kubepath.Engine.Tests.Compile;

/// <summary>What kube-proxy writes for one shape of service: a manifest in, the iptables-save lines out.</summary>
public class ProxierCompilerTests
{
    private const string Nodes = """
        apiVersion: v1
        kind: Node
        metadata: {name: node-a, labels: {topology.kubernetes.io/zone: zone-a}}
        spec: {podCIDRs: [10.42.0.0/24, "fd00:42::/64"]}
        status: {addresses: [{type: InternalIP, address: 192.168.0.10}, {type: InternalIP, address: "2001:db8::10"}]}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: node-b, labels: {topology.kubernetes.io/zone: zone-b}}
        spec: {podCIDRs: [10.42.1.0/24, "fd00:42:0:1::/64"]}
        status: {addresses: [{type: InternalIP, address: 192.168.0.11}, {type: InternalIP, address: "2001:db8::11"}]}
        ---
        """;

    [Fact]
    public void A_dual_stack_service_gets_ip6tables_rules_with_bracketed_endpoints_and_icmp6_rejects()
    {
        var world = World("""
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              clusterIPs: [10.43.0.20, "fd00:43::20"]
              ports: [{port: 80}]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: web-v6, labels: {kubernetes.io/service-name: web}}
            addressType: IPv6
            endpoints: [{addresses: ["fd00:42::5"], nodeName: node-a}]
            ports: [{name: "", port: 8080}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: empty}
            spec:
              clusterIPs: ["fd00:43::21"]
              ipFamilies: [IPv6]
              ports: [{port: 80}]
            """, DualStack);

        var lines = Save(world, "node-a", ipv6: true);

        Assert.Contains("-A KUBE-SERVICES -d fd00:43::20/128 -p tcp -m comment --comment \"default/web cluster IP\" -m tcp --dport 80 -j " + ChainNames.Service(new ServicePortName("default", "web", ""), Protocol.Tcp), lines);
        Assert.Contains(lines, line => line.EndsWith("-m tcp -j DNAT --to-destination [fd00:42::5]:8080", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("! -s fd00:42::/56 -d fd00:43::20/128", StringComparison.Ordinal));
        Assert.Contains("-A KUBE-SERVICES -d fd00:43::21/128 -p tcp -m comment --comment \"default/empty has no endpoints\" -m tcp --dport 80 -j REJECT --reject-with icmp6-port-unreachable", lines);
        Assert.Contains("-A KUBE-SERVICES ! -d ::1/128 -m comment --comment \"kubernetes service nodeports; NOTE: this must be the last rule in this chain\" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS", lines);
        Assert.DoesNotContain(lines, line => line.StartsWith("-A KUBE-FIREWALL -", StringComparison.Ordinal));
        Assert.DoesNotContain(Save(world, "node-a", ipv6: false), line => line.Contains("fd00", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1.29", true)]
    [InlineData("1.30", false)]
    public void Ingress_with_ipMode_Proxy_gets_rules_only_where_LoadBalancerIPMode_is_off(string version, bool hasRule)
    {
        var world = World("""
            apiVersion: v1
            kind: Service
            metadata: {name: lb}
            spec: {type: LoadBalancer, clusterIP: 10.43.0.30, ports: [{port: 80, nodePort: 30080}]}
            status: {loadBalancer: {ingress: [{ip: 203.0.113.7, ipMode: Proxy}]}}
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: lb-1, labels: {kubernetes.io/service-name: lb}}
            addressType: IPv4
            endpoints: [{addresses: [10.42.1.9], nodeName: node-b}]
            ports: [{name: "", port: 80}]
            """, Version(version));

        Assert.Equal(hasRule, Save(world, "node-a").Any(line => line.Contains("203.0.113.7", StringComparison.Ordinal)));
    }

    [Fact]
    public void Zone_hints_narrow_the_cluster_chain_in_1_29_only_with_the_annotation_and_later_always()
    {
        string Yaml(string annotation) => $$$"""
            apiVersion: v1
            kind: Service
            metadata: {name: api, annotations: {{{{annotation}}}}}
            spec: {clusterIP: 10.43.0.40, ports: [{port: 80}]}
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: api-1, labels: {kubernetes.io/service-name: api}}
            addressType: IPv4
            endpoints:
            - {addresses: [10.42.0.5], nodeName: node-a, zone: zone-a, hints: {forZones: [{name: zone-a}]}}
            - {addresses: [10.42.1.5], nodeName: node-b, zone: zone-b, hints: {forZones: [{name: zone-b}]}}
            ports: [{name: "", port: 80}]
            """;
        int Endpoints(ClusterWorld world) => Save(world, "node-a").Count(line => line.Contains("default/api -> ", StringComparison.Ordinal));

        Assert.Equal(2, Endpoints(World(Yaml(string.Empty), Version("1.29"))));
        Assert.Equal(1, Endpoints(World(Yaml("service.kubernetes.io/topology-mode: Auto"), Version("1.29"))));
        Assert.Equal(1, Endpoints(World(Yaml(string.Empty), Version("1.31"))));
    }

    [Fact]
    public void Terminating_endpoints_serve_only_when_no_endpoint_is_ready()
    {
        var world = World("""
            apiVersion: v1
            kind: Service
            metadata: {name: drain}
            spec: {clusterIP: 10.43.0.50, ports: [{port: 80}]}
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: drain-1, labels: {kubernetes.io/service-name: drain}}
            addressType: IPv4
            endpoints:
            - {addresses: [10.42.0.6], nodeName: node-a, conditions: {ready: false, serving: true, terminating: true}}
            - {addresses: [10.42.1.6], nodeName: node-b, conditions: {ready: false, serving: false, terminating: true}}
            ports: [{name: "", port: 80}]
            """);

        var lines = Save(world, "node-b");

        Assert.Contains(lines, line => line.Contains("\"default/drain -> 10.42.0.6:80\" -j KUBE-SEP-", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("10.42.1.6", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(LocalDetectMode.BridgeInterface, "! -i cni0", "-i cni0 -m comment --comment \"pod traffic")]
    [InlineData(LocalDetectMode.InterfaceNamePrefix, "! -i veth+", "-i veth+ -m comment --comment \"pod traffic")]
    [InlineData(LocalDetectMode.NodeCidr, "! -s 10.42.0.0/24", "-s 10.42.0.0/24 -m comment --comment \"pod traffic")]
    public void Each_local_detector_writes_its_own_match(LocalDetectMode mode, string notLocal, string local)
    {
        var profile = BuiltInProfiles.K3s with { KubeProxy = BuiltInProfiles.K3s.KubeProxy with { DetectLocalMode = mode } };
        var lines = Save(World(LocalLoadBalancer, profile), "node-a");

        Assert.Contains(lines, line => line.StartsWith("-A KUBE-SVC-", StringComparison.Ordinal) && line.Contains(notLocal, StringComparison.Ordinal) && line.EndsWith("-j KUBE-MARK-MASQ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("-A KUBE-EXT-", StringComparison.Ordinal) && line.Contains(local, StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_local_detector_nothing_is_masqueraded_for_off_cluster_sources_and_pods_get_no_short_circuit()
    {
        var profile = BuiltInProfiles.K3s with { KubeProxy = BuiltInProfiles.K3s.KubeProxy with { DetectLocalMode = LocalDetectMode.None } };
        var lines = Save(World(LocalLoadBalancer, profile), "node-a");

        Assert.DoesNotContain(lines, line => line.Contains("cluster IP\" -m tcp --dport 80 -j KUBE-MARK-MASQ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("pod traffic for", StringComparison.Ordinal));
    }

    [Fact]
    public void MasqueradeAll_masquerades_every_cluster_IP_packet()
    {
        var profile = BuiltInProfiles.K3s with { KubeProxy = BuiltInProfiles.K3s.KubeProxy with { MasqueradeAll = true } };
        var lines = Save(World(LocalLoadBalancer, profile), "node-a");

        Assert.Contains(lines, line => line.StartsWith("-A KUBE-SVC-", StringComparison.Ordinal) &&
            line.Contains("-d 10.43.0.60/32 -p tcp -m comment --comment \"default/lb cluster IP\" -m tcp --dport 80 -j KUBE-MARK-MASQ", StringComparison.Ordinal) &&
            !line.Contains(" -s ", StringComparison.Ordinal));
    }

    [Fact]
    public void Explicit_node_port_addresses_jump_per_local_address_and_drop_the_localhost_block()
    {
        var profile = BuiltInProfiles.K3s with { KubeProxy = BuiltInProfiles.K3s.KubeProxy with { NodePortAddresses = new[] { "192.168.0.0/24" } } };
        var lines = Save(World(LocalLoadBalancer, profile), "node-a");

        Assert.Contains("-A KUBE-SERVICES -d 192.168.0.10/32 -m comment --comment \"kubernetes service nodeports; NOTE: this must be the last rule in this chain\" -j KUBE-NODEPORTS", lines);
        Assert.DoesNotContain(lines, line => line.Contains("--dst-type LOCAL -j KUBE-NODEPORTS", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("-A KUBE-FIREWALL -", StringComparison.Ordinal));
    }

    [Fact]
    public void Past_the_large_cluster_threshold_endpoint_rules_carry_no_comments()
    {
        var profile = BuiltInProfiles.K3s with { KubeProxy = BuiltInProfiles.K3s.KubeProxy with { LargeClusterEndpointsThreshold = 1 } };
        var lines = Save(World(LocalLoadBalancer, profile), "node-a");

        Assert.Contains(lines, line => line.StartsWith("-A KUBE-SEP-", StringComparison.Ordinal) && line.EndsWith("-p tcp -m tcp -j DNAT --to-destination 10.42.0.7:80", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("-A KUBE-SVC-", StringComparison.Ordinal) && line.Contains(" -> ", StringComparison.Ordinal));
    }

    [Fact]
    public void Headless_and_ExternalName_services_get_no_rules()
    {
        var world = World("""
            apiVersion: v1
            kind: Service
            metadata: {name: headless}
            spec: {clusterIP: None, selector: {app: x}, ports: [{port: 80}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: alias}
            spec: {type: ExternalName, externalName: example.com}
            """);

        Assert.DoesNotContain(Save(world, "node-a"), line => line.Contains("headless", StringComparison.Ordinal) || line.Contains("alias", StringComparison.Ordinal));
    }

    [Fact]
    public void Synthesised_endpoints_resolve_a_named_target_port_per_pod_template_and_protocol()
    {
        var world = World("""
            apiVersion: v1
            kind: Service
            metadata: {name: dns}
            spec:
              clusterIP: 10.43.0.10
              selector: {app: dns}
              ports: [{name: dns, port: 53, protocol: UDP, targetPort: dns}, {name: dns-tcp, port: 53, protocol: TCP, targetPort: dns-tcp}]
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: dns}
            spec:
              selector: {matchLabels: {app: dns}}
              template:
                metadata: {labels: {app: dns}}
                spec:
                  containers:
                  - name: dns
                    ports: [{name: dns, containerPort: 5353, protocol: UDP}, {name: dns-tcp, containerPort: 5354, protocol: TCP}]
            """);

        var service = world.FindService("default", "dns")!;
        Assert.Equal(EndpointSource.Synthesised, service.EndpointSource);
        Assert.Equal(new[] { "10.42.0.2:5353", "[fd00:42::2]:5353", "10.42.1.2:5353", "[fd00:42:0:1::2]:5353" }, service.Ports[0].Endpoints.Select(e => e.HostPort));
        Assert.Equal(new[] { "10.42.0.2:5354", "[fd00:42::2]:5354", "10.42.1.2:5354", "[fd00:42:0:1::2]:5354" }, service.Ports[1].Endpoints.Select(e => e.HostPort));
        Assert.All(service.Ports.SelectMany(p => p.Endpoints), e => Assert.True(e.Assumed));
    }

    [Fact]
    public void A_host_network_endpoint_on_the_node_itself_is_delivered_locally_without_masquerade()
    {
        var world = World("""
            apiVersion: v1
            kind: Service
            metadata: {name: agent}
            spec: {type: NodePort, clusterIP: 10.43.0.70, selector: {app: agent}, ports: [{port: 9100, nodePort: 30910}]}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                metadata: {labels: {app: agent}}
                spec:
                  hostNetwork: true
                  containers: [{name: agent, ports: [{containerPort: 9100}]}]
            """);
        var evaluator = new FlowSimulator(world).EvaluatorFor("node-a", ipv6: false);
        var outcomes = evaluator.Run(new Packet(new Origin(OriginKind.External, "node-a", IPAddress.Parse("203.0.113.9"), false), IPAddress.Parse("192.168.0.10"), 30910, Protocol.Tcp));

        var local = Assert.Single(outcomes, o => o.Endpoint == "192.168.0.10:9100");
        Assert.Equal(0.5, local.Probability, 9);
        Assert.False(local.Masqueraded);
        Assert.Contains("filter/INPUT", local.Path);
        var remote = Assert.Single(outcomes, o => o.Endpoint == "192.168.0.11:9100");
        Assert.True(remote.Masqueraded);
        Assert.Equal(IPAddress.Parse("192.168.0.10"), remote.SourceSeen);
    }

    [Fact]
    public void A_hand_written_slice_port_without_a_name_serves_an_unnamed_service_port()
    {
        var world = World("""
            apiVersion: v1
            kind: Service
            metadata: {name: db}
            spec: {clusterIP: 10.43.0.80, ports: [{port: 5432}]}
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: db-1, labels: {kubernetes.io/service-name: db}}
            addressType: IPv4
            endpoints: [{addresses: [192.0.2.50]}]
            ports: [{port: 5432}]
            """);

        Assert.Contains(Save(world, "node-a"), line => line.EndsWith("-j DNAT --to-destination 192.0.2.50:5432", StringComparison.Ordinal));
    }

    [Fact]
    public void Node_port_addresses_of_the_other_family_leave_this_family_matching_every_local_address()
    {
        var profile = BuiltInProfiles.K3s with { KubeProxy = BuiltInProfiles.K3s.KubeProxy with { NodePortAddresses = new[] { "2001:db8::/64" } } };
        var lines = Save(World(LocalLoadBalancer, profile), "node-a");

        Assert.Contains("-A KUBE-SERVICES -m comment --comment \"kubernetes service nodeports; NOTE: this must be the last rule in this chain\" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS", lines);
        Assert.Contains(lines, line => line.StartsWith("-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8", StringComparison.Ordinal));
    }

    [Fact]
    public void Synthesised_pods_of_a_dual_stack_cluster_are_endpoints_in_both_families()
    {
        var world = World("""
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {clusterIPs: [10.43.0.90, "fd00:43::90"], selector: {app: web}, ports: [{port: 80}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 1
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web}]}
            """, DualStack);

        Assert.Contains(Save(world, "node-a", ipv6: true), line => line.EndsWith("-j DNAT --to-destination [fd00:42::2]:80", StringComparison.Ordinal));
        Assert.Contains(Save(world, "node-b"), line => line.EndsWith("-j DNAT --to-destination 10.42.0.2:80", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1.35", true)]
    [InlineData("1.36", false)]
    public void Of_two_endpoints_with_one_address_the_local_one_wins_until_1_36_and_then_the_serving_one(string version, bool localKept)
    {
        var world = World("""
            apiVersion: v1
            kind: Service
            metadata: {name: ghost}
            spec: {clusterIP: 10.43.0.95, internalTrafficPolicy: Local, ports: [{port: 80}]}
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: ghost-1, labels: {kubernetes.io/service-name: ghost}}
            addressType: IPv4
            endpoints: [{addresses: [10.42.1.8], nodeName: node-b}]
            ports: [{name: "", port: 80}]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: ghost-2, labels: {kubernetes.io/service-name: ghost}}
            addressType: IPv4
            endpoints: [{addresses: [10.42.1.8], nodeName: node-a, conditions: {ready: false, serving: true, terminating: true}}]
            ports: [{name: "", port: 80}]
            """, Version(version));

        var lines = Save(world, "node-a");

        // Kept, the terminating local copy serves node-a's Local policy; dropped, node-a has no local endpoint.
        Assert.Equal(localKept, lines.Any(line => line.StartsWith("-A KUBE-SVL-", StringComparison.Ordinal) && line.Contains("default/ghost -> 10.42.1.8:80", StringComparison.Ordinal)));
        Assert.Equal(!localKept, lines.Any(line => line.Contains("\"default/ghost has no local endpoints\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_cluster_CIDR_too_small_for_every_node_leaves_the_others_without_a_pod_CIDR()
    {
        var profile = BuiltInProfiles.K3s with { ClusterCidrs = new[] { Cidr.Parse("10.42.0.0/24") } };
        var set = new ManifestLoader().LoadText("test.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n");

        var world = WorldBuilder.Build(set, profile);

        Assert.Equal(3, world.Nodes.Count);
        Assert.Single(world.Nodes, node => node.PodCidrs.Count == 1);
    }

    [Fact]
    public void A_rule_the_same_on_every_node_is_one_object_that_the_nodes_share()
    {
        var world = World(LocalLoadBalancer);
        var a = ProxierCompiler.Compile(world, world.FindNode("node-a")!, ipv6: false);
        var b = ProxierCompiler.Compile(world, world.FindNode("node-b")!, ipv6: false);

        static Rule ClusterIP(NodeRules rules) =>
            Assert.Single(rules.Nat.Rules, r => r.Chain == "KUBE-SERVICES" && r.Args.OfType<CommentArg>().Any(c => c.Text == "default/lb cluster IP"));
        Assert.Same(ClusterIP(a), ClusterIP(b));
        static Rule ForwardConntrack(NodeRules rules) =>
            Assert.Single(rules.Filter.Rules, r => r.Chain == "KUBE-FORWARD" && r.Args.OfType<ConntrackArg>().Any(c => c.States == "RELATED,ESTABLISHED"));
        Assert.Same(ForwardConntrack(a), ForwardConntrack(b));

        // The Local policy chain differs: each node jumps to its own endpoint.
        static string LocalEndpointChain(NodeRules rules) =>
            Assert.IsType<JumpTarget>(Assert.Single(rules.Nat.Rules, r => r.Chain.StartsWith("KUBE-SVL-", StringComparison.Ordinal)).Target).Chain;
        Assert.NotEqual(LocalEndpointChain(a), LocalEndpointChain(b));
    }

    private const string LocalLoadBalancer = """
        apiVersion: v1
        kind: Service
        metadata: {name: lb}
        spec: {type: LoadBalancer, externalTrafficPolicy: Local, clusterIP: 10.43.0.60, ports: [{port: 80, nodePort: 30060}]}
        status: {loadBalancer: {ingress: [{ip: 203.0.113.60}]}}
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: lb-1, labels: {kubernetes.io/service-name: lb}}
        addressType: IPv4
        endpoints: [{addresses: [10.42.0.7], nodeName: node-a}, {addresses: [10.42.1.7], nodeName: node-b}]
        ports: [{name: "", port: 80}]
        """;

    private static readonly ClusterProfile DualStack = BuiltInProfiles.K3s with { ClusterCidrs = new[] { Cidr.Parse("10.42.0.0/16"), Cidr.Parse("fd00:42::/56") } };

    private static ClusterProfile Version(string version) =>
        BuiltInProfiles.K3s with { KubeProxy = BuiltInProfiles.K3s.KubeProxy with { Version = KubeVersion.Parse(version) } };

    private static ClusterWorld World(string yaml, ClusterProfile? profile = null)
    {
        var set = new ManifestLoader().LoadText("test.yaml", Nodes + "\n" + yaml);
        Assert.Empty(set.Diagnostics);
        return WorldBuilder.Build(set, profile ?? BuiltInProfiles.K3s);
    }

    private static string[] Save(ClusterWorld world, string node, bool ipv6 = false) =>
        RulesText.SaveOutput(ProxierCompiler.Compile(world, world.FindNode(node)!, ipv6), new[] { Table.Filter, Table.Nat }, IptablesFlavour.Plain).Split('\n');
}
