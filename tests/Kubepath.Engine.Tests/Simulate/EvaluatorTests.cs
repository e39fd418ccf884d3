using System.Net;
using Kubepath.Engine.Simulate;
using Kubepath.Engine.World;
using Kubepath.Manifests;
using Kubepath.Model;

namespace Kubepath.Engine.Tests.Simulate;

/// <summary>Where the evaluator's hook model matters: a packet in, its outcomes out.</summary>
public class EvaluatorTests
{
    private const string Node = """
        apiVersion: v1
        kind: Node
        metadata: {name: node-a}
        spec: {podCIDR: 10.42.0.0/24}
        status: {addresses: [{type: InternalIP, address: 192.168.0.10}]}
        ---
        """;

    [Fact]
    public void The_nodes_own_process_calling_its_node_port_of_a_service_without_endpoints_is_rejected_in_INPUT()
    {
        var outcome = Assert.Single(Run("""
            apiVersion: v1
            kind: Service
            metadata: {name: empty}
            spec: {type: NodePort, clusterIP: 10.43.0.5, ports: [{port: 80, nodePort: 30005}]}
            """, OriginKind.Host, "192.168.0.10", "192.168.0.10", 30005));

        Assert.Equal(FlowVerdict.Rejected, outcome.Verdict);
        Assert.Contains("filter/INPUT", outcome.Path);
        Assert.Contains("has no endpoints", outcome.DecidedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void ClientIP_affinity_is_reported_as_deciding_only_the_first_connection()
    {
        var outcomes = Run("""
            apiVersion: v1
            kind: Service
            metadata: {name: sticky}
            spec: {clusterIP: 10.43.0.6, sessionAffinity: ClientIP, ports: [{port: 80}]}
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: sticky-1, labels: {kubernetes.io/service-name: sticky}}
            addressType: IPv4
            endpoints: [{addresses: [10.42.0.20]}, {addresses: [10.42.0.21]}]
            ports: [{name: "", port: 80}]
            """, OriginKind.Pod, "10.42.0.9", "10.43.0.6", 80);

        Assert.Equal(2, outcomes.Count);
        Assert.All(outcomes, outcome => Assert.True(outcome.AffinityFirstConnection));
    }

    [Fact]
    public void A_pod_reaching_itself_through_its_service_is_masqueraded_to_the_bridge_address()
    {
        var outcome = Assert.Single(Run("""
            apiVersion: v1
            kind: Service
            metadata: {name: self}
            spec: {clusterIP: 10.43.0.7, ports: [{port: 80}]}
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: self-1, labels: {kubernetes.io/service-name: self}}
            addressType: IPv4
            endpoints: [{addresses: [10.42.0.30], nodeName: node-a}]
            ports: [{name: "", port: 80}]
            """, OriginKind.Pod, "10.42.0.30", "10.43.0.7", 80));

        Assert.True(outcome.Masqueraded);
        Assert.Equal(IPAddress.Parse("10.42.0.1"), outcome.SourceSeen);
        Assert.Equal("cni0", outcome.SourceInterface);
    }

    private static IReadOnlyList<FlowOutcome> Run(string yaml, OriginKind kind, string source, string destination, int port)
    {
        var set = new ManifestLoader().LoadText("test.yaml", Node + "\n" + yaml);
        Assert.Empty(set.Diagnostics);
        var world = WorldBuilder.Build(set, BuiltInProfiles.K3s);
        var outcomes = new FlowSimulator(world).EvaluatorFor("node-a", ipv6: false)
            .Run(new Packet(new Origin(kind, "node-a", IPAddress.Parse(source), false), IPAddress.Parse(destination), port, Protocol.Tcp));
        Assert.Equal(1.0, outcomes.Sum(o => o.Probability), 9);
        return outcomes;
    }
}
