using System.Globalization;
using System.Text;
using CsCheck;
using Kubepath.Engine.Compile;
using Kubepath.Engine.Simulate;
using Kubepath.Engine.World;
using Kubepath.Manifests;

namespace Kubepath.Engine.Tests.Properties;

/// <summary>
/// Properties of the compiled rules and of flows, over generated clusters: nodes, services of every type and
/// policy, endpoints ready, serving or terminating on any node.
/// </summary>
public class RulesetProperties
{
    private static readonly string[] Types = { "ClusterIP", "NodePort", "LoadBalancer" };

    private static readonly Gen<string> Endpoint =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[1, 250], (node, condition, host) =>
        {
            var (ready, serving, terminating) = condition switch
            {
                0 => ("true", "true", "false"),
                1 => ("false", "true", "true"),
                2 => ("false", "false", "true"),
                _ => ("false", "false", "false"),
            };
            return $"  - {{addresses: [10.42.{node}.{host}], nodeName: node-{node}, conditions: {{ready: {ready}, serving: {serving}, terminating: {terminating}}}}}\n";
        });

    private static readonly Gen<(string Type, bool EtpLocal, bool ItpLocal, bool Affinity, bool Ranges, string[] Endpoints)> Service =
        Gen.Select(Gen.Int[0, 2], Gen.Bool, Gen.Bool, Gen.Bool, Gen.Bool, Endpoint.Array[0, 7])
            .Select((type, etpLocal, itpLocal, affinity, ranges, endpoints) => (Types[type], etpLocal, itpLocal, affinity, ranges, endpoints));

    private static readonly Gen<string> Cluster =
        Gen.Select(Gen.Int[1, 4], Service.Array[1, 5]).Select((nodes, services) => Yaml(nodes, services));

    [Fact]
    public void Every_flow_has_outcomes_whose_probabilities_sum_to_one() =>
        Cluster.Sample(yaml =>
        {
            var world = Build(yaml);
            var simulator = new FlowSimulator(world);
            foreach (var service in world.Services)
            {
                foreach (var entry in simulator.Explain(service).Ports.SelectMany(port => port.Entries))
                {
                    foreach (var flow in entry.Origins)
                    {
                        Assert.NotEmpty(flow.Outcomes);
                        Assert.Equal(1.0, flow.Outcomes.Sum(outcome => outcome.Probability), 9);
                    }
                }
            }
        }, iter: 60);

    [Fact]
    public void Cluster_chains_give_each_endpoint_one_nth_and_local_chains_one_over_the_local_count() =>
        Cluster.Sample(yaml =>
        {
            var world = Build(yaml);
            foreach (var node in world.Nodes)
            {
                var rules = ProxierCompiler.Compile(world, node, ipv6: false);
                foreach (var chain in rules.Nat.Chains.Where(name => name.StartsWith("KUBE-SVC-", StringComparison.Ordinal) || name.StartsWith("KUBE-SVL-", StringComparison.Ordinal)))
                {
                    var jumps = rules.Nat.Rules
                        .Where(rule => rule.Chain == chain && rule.Target is JumpTarget { Chain: var to } && to.StartsWith("KUBE-SEP-", StringComparison.Ordinal) && !rule.Args.OfType<RecentArg>().Any())
                        .ToList();
                    var remaining = 1.0;
                    foreach (var jump in jumps)
                    {
                        var p = jump.Args.OfType<StatisticArg>().SingleOrDefault()?.Value ?? 1.0;
                        Assert.Equal(1.0 / jumps.Count, remaining * p, 8);
                        remaining *= 1 - p;
                    }

                    Assert.Equal(0.0, remaining, 9);
                    var expected = chain.StartsWith("KUBE-SVL-", StringComparison.Ordinal)
                        ? LocalCount(world, node, chain)
                        : (int?)null;
                    if (expected is { } local)
                    {
                        Assert.Equal(local, jumps.Count);
                    }
                }
            }
        }, iter: 60);

    [Fact]
    public void Every_jump_target_exists_and_every_service_chain_is_reachable_from_a_built_in_chain() =>
        Cluster.Sample(yaml =>
        {
            var world = Build(yaml);
            foreach (var node in world.Nodes)
            {
                var rules = ProxierCompiler.Compile(world, node, ipv6: false);
                foreach (var table in new[] { Table.Nat, Table.Filter })
                {
                    var index = rules.Index(table);
                    var reachable = new HashSet<string>(StringComparer.Ordinal);
                    var queue = new Queue<string>(NodeRules.BuiltInChains(table));
                    while (queue.Count > 0)
                    {
                        foreach (var rule in index.RulesOf(queue.Dequeue()))
                        {
                            if (rule.Target is JumpTarget jump)
                            {
                                Assert.True(index.Exists(jump.Chain), $"{rule.Chain} jumps to missing {jump.Chain}");
                                if (reachable.Add(jump.Chain))
                                {
                                    queue.Enqueue(jump.Chain);
                                }
                            }
                        }
                    }

                    foreach (var chain in rules.TableOf(table).Chains.Where(IsServiceChain))
                    {
                        Assert.True(reachable.Contains(chain), $"{chain} is not reachable on {node.Name}");
                    }
                }
            }
        }, iter: 60);

    [Fact]
    public void Output_is_identical_across_runs_and_document_orders() =>
        Cluster.Sample(yaml =>
        {
            var documents = yaml.Split("---\n", StringSplitOptions.RemoveEmptyEntries);
            var reversed = string.Join("---\n", documents.Reverse());
            foreach (var node in new[] { "node-0" })
            {
                var first = Render(Build(yaml), node);
                Assert.Equal(first, Render(Build(yaml), node));
                Assert.Equal(first, Render(Build(reversed), node));
            }
        }, iter: 40);

    [Fact]
    public void Each_node_s_rules_are_those_it_writes_alone_whichever_nodes_were_compiled_before() =>
        Gen.Select(Cluster, Gen.Enum<LocalDetectMode>()).Sample((yaml, mode) =>
        {
            var profile = BuiltInProfiles.K3s with { KubeProxy = BuiltInProfiles.K3s.KubeProxy with { DetectLocalMode = mode } };
            var world = Build(yaml, profile);
            // The nodes of one world compiled side by side, as a lint compiles them, each taking what another has kept.
            var together = new string[world.Nodes.Count];
            Parallel.For(0, world.Nodes.Count, i => together[i] = Render(world, world.Nodes[i].Name));
            for (var i = 0; i < world.Nodes.Count; i++)
            {
                // In a world of its own, the node is the first compiled: it takes no other node's lines.
                Assert.Equal(Render(Build(yaml, profile), world.Nodes[i].Name), together[i]);
            }
        }, iter: 60);

    [Fact]
    public void Nodes_past_the_few_shapes_kept_write_their_own_rules_as_alone()
    {
        // Each node's pod CIDR tells its local traffic: seven nodes, seven shapes, more than a port keeps.
        var profile = BuiltInProfiles.K3s with { KubeProxy = BuiltInProfiles.K3s.KubeProxy with { DetectLocalMode = LocalDetectMode.NodeCidr } };
        var endpoints = Enumerable.Range(0, 4)
            .Select(node => $"  - {{addresses: [10.42.{node}.9], nodeName: node-{node}, conditions: {{ready: true, serving: true, terminating: false}}}}\n")
            .ToArray();
        var yaml = Yaml(7, new[] { ("LoadBalancer", true, false, false, true, endpoints), ("ClusterIP", false, true, false, false, endpoints) });
        var world = Build(yaml, profile);
        Assert.Equal(7, world.Nodes.Count);
        foreach (var node in world.Nodes)
        {
            Assert.Equal(Render(Build(yaml, profile), node.Name), Render(world, node.Name));
        }
    }

    private static bool IsServiceChain(string chain) =>
        chain.StartsWith("KUBE-SVC-", StringComparison.Ordinal) || chain.StartsWith("KUBE-SVL-", StringComparison.Ordinal) ||
        chain.StartsWith("KUBE-EXT-", StringComparison.Ordinal) || chain.StartsWith("KUBE-FW-", StringComparison.Ordinal) ||
        chain.StartsWith("KUBE-SEP-", StringComparison.Ordinal);

    private static int LocalCount(ClusterWorld world, ClusterNode node, string chain)
    {
        var service = world.Services.Single(s => s.Ports.Any(p => ChainNames.ServiceLocal(new ServicePortName(s.Namespace, s.Name, p.Name), p.Protocol) == chain));
        var endpoints = service.Ports[0].Endpoints.Where(e => e.NodeName == node.Name).GroupBy(e => e.HostPort).Select(g => g.Last()).ToList();
        var ready = endpoints.Count(e => e.Ready);
        return ready > 0 ? ready : endpoints.Count(e => e.Serving && e.Terminating);
    }

    private static string Render(ClusterWorld world, string node) =>
        RulesText.SaveOutput(ProxierCompiler.Compile(world, world.FindNode(node)!, false), new[] { Table.Filter, Table.Nat }, IptablesFlavour.Plain);

    private static ClusterWorld Build(string yaml, ClusterProfile? profile = null)
    {
        var set = new ManifestLoader().LoadText("cluster.yaml", yaml);
        Assert.Empty(set.Diagnostics);
        return WorldBuilder.Build(set, profile ?? BuiltInProfiles.K3s);
    }

    private static string Yaml(int nodes, (string Type, bool EtpLocal, bool ItpLocal, bool Affinity, bool Ranges, string[] Endpoints)[] services)
    {
        var text = new StringBuilder();
        for (var n = 0; n < nodes; n++)
        {
            text.Append(CultureInfo.InvariantCulture, $"apiVersion: v1\nkind: Node\nmetadata: {{name: node-{n}}}\nspec: {{podCIDR: 10.42.{n}.0/24}}\nstatus: {{addresses: [{{type: InternalIP, address: 192.168.0.{n + 10}}}]}}\n---\n");
        }

        for (var i = 0; i < services.Length; i++)
        {
            var s = services[i];
            var lb = s.Type == "LoadBalancer" ? $"\nstatus: {{loadBalancer: {{ingress: [{{ip: 10.123.0.{i + 1}}}]}}}}" : string.Empty;
            var etp = s.Type != "ClusterIP" && s.EtpLocal ? "  externalTrafficPolicy: Local\n" : string.Empty;
            var itp = s.ItpLocal ? "  internalTrafficPolicy: Local\n" : string.Empty;
            var affinity = s.Affinity ? "  sessionAffinity: ClientIP\n" : string.Empty;
            // Every node's address in the range, or only those of node-0 and node-1.
            var range = i % 2 == 0 ? "192.168.0.0/24" : "192.168.0.10/31";
            var ranges = s.Type == "LoadBalancer" && s.Ranges ? $"  loadBalancerSourceRanges: [{range}]\n" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"apiVersion: v1\nkind: Service\nmetadata: {{name: svc-{i}}}\nspec:\n  type: {s.Type}\n  clusterIP: 10.43.0.{i + 10}\n{etp}{itp}{affinity}{ranges}  ports: [{{name: web, port: 80, targetPort: 8080}}]{lb}\n---\n");
            if (s.Endpoints.Length > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {{name: svc-{i}-a, labels: {{kubernetes.io/service-name: svc-{i}}}}}\naddressType: IPv4\nports: [{{name: web, port: 8080}}]\nendpoints:\n");
                foreach (var endpoint in s.Endpoints)
                {
                    text.Append(FitNodes(endpoint, nodes));
                }

                text.Append("---\n");
            }
        }

        return text.ToString();
    }

    /// <summary>Endpoint lines name node-0..node-3; map them onto the nodes that exist.</summary>
    private static string FitNodes(string endpoint, int nodes)
    {
        for (var n = 3; n >= nodes; n--)
        {
            endpoint = endpoint.Replace($"node-{n}", $"node-{n % nodes}", StringComparison.Ordinal).Replace($"10.42.{n}.", $"10.42.{n % nodes}.", StringComparison.Ordinal);
        }

        return endpoint;
    }
}
