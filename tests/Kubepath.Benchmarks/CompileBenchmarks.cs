using System.Globalization;
using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Kubepath.Engine.Compile;
using Kubepath.Engine.Simulate;
using Kubepath.Engine.World;
using Kubepath.Manifests;
using Kubepath.Model;

namespace Kubepath.Benchmarks;

/// <summary>
/// The kube-proxy compiler on a large cluster: 100 nodes, 10,000 Services (a third NodePort, a third LoadBalancer),
/// 100,000 endpoints spread over the nodes. Targets: one node's tables in at most 1 s and 1 GB; the evaluator's
/// packet rate over 1,000,000 packets.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class CompileBenchmarks
{
    private ClusterWorld world = null!;
    private Evaluator evaluator = null!;
    private Packet[] packets = null!;

    [GlobalSetup]
    public void Setup()
    {
        var set = new ManifestLoader().LoadText("cluster.yaml", LargeCluster(nodes: 100, services: 10_000, endpointsPerService: 10));
        world = WorldBuilder.Build(set, BuiltInProfiles.K3s);
        evaluator = new Evaluator(world, ProxierCompiler.Compile(world, world.Nodes[0], ipv6: false));
        var origin = new Origin(OriginKind.Pod, world.Nodes[0].Name, IPAddress.Parse("10.42.0.200"), true);
        packets = world.Services.Select(service => new Packet(origin, service.ClusterIPs[0], 80, Protocol.Tcp)).ToArray();
    }

    [Benchmark(Description = "Compile one node (100 nodes, 10k services, 100k endpoints)")]
    public NodeRules CompileOneNode() => ProxierCompiler.Compile(world, world.Nodes[0], ipv6: false);

    [Benchmark(Description = "Evaluate 1,000,000 packets", OperationsPerInvoke = 1_000_000)]
    public int EvaluatePackets()
    {
        var outcomes = 0;
        for (var i = 0; i < 1_000_000; i++)
        {
            outcomes += evaluator.Run(packets[i % packets.Length]).Count;
        }

        return outcomes;
    }

    public static string LargeCluster(int nodes, int services, int endpointsPerService)
    {
        var text = new StringBuilder();
        for (var n = 0; n < nodes; n++)
        {
            text.Append(CultureInfo.InvariantCulture, $"apiVersion: v1\nkind: Node\nmetadata: {{name: node-{n:D3}}}\nspec: {{podCIDR: 10.{42 + (n / 256)}.{n % 256}.0/24}}\nstatus: {{addresses: [{{type: InternalIP, address: 192.168.{n / 256}.{(n % 256) + 1}}}]}}\n---\n");
        }

        string[] types = { "ClusterIP", "NodePort", "LoadBalancer" };
        var host = new int[nodes];
        for (var s = 0; s < services; s++)
        {
            var type = types[s % 3];
            var status = type == "LoadBalancer" ? $"\nstatus: {{loadBalancer: {{ingress: [{{ip: 172.16.{s / 256}.{s % 256}}}]}}}}" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"apiVersion: v1\nkind: Service\nmetadata: {{name: svc-{s:D5}, namespace: ns-{s % 50}}}\nspec:\n  type: {type}\n  clusterIP: 10.43.{s / 256}.{s % 256}\n  ports: [{{name: http, port: 80, targetPort: 8080}}]{status}\n---\n");
            text.Append(CultureInfo.InvariantCulture, $"apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {{name: svc-{s:D5}-a, namespace: ns-{s % 50}, labels: {{kubernetes.io/service-name: svc-{s:D5}}}}}\naddressType: IPv4\nports: [{{name: http, port: 8080}}]\nendpoints:\n");
            for (var e = 0; e < endpointsPerService; e++)
            {
                var node = ((s * endpointsPerService) + e) % nodes;
                var address = host[node]++;
                text.Append(CultureInfo.InvariantCulture, $"- {{addresses: [10.{42 + (node / 256)}.{node % 256}.{2 + (address % 250)}], nodeName: node-{node:D3}}}\n");
            }

            text.Append("---\n");
        }

        return text.ToString();
    }
}
