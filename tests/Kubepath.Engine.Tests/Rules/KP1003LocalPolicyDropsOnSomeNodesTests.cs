using Kubepath.Engine.Rules;

namespace Kubepath.Engine.Tests.Rules;

public class KP1003LocalPolicyDropsOnSomeNodesTests
{
    [Fact]
    public void With_no_node_known_the_finding_says_it_rests_on_the_assumed_nodes()
    {
        var bad = RuleCatalog.Get("KP1003").Examples.First(example => example.Bad).Manifest;

        var finding = Assert.Single(RuleExamples.Run("KP1003", bad));

        Assert.Equal("externalTrafficPolicy: Local: traffic to default/web's node port 30080 arriving at node-3 is dropped (no local endpoint there; kube-proxy writes \"default/web has no local endpoints\" -j DROP) (assuming 3 nodes, as no node is known: give the profile's nodes or --state)", finding.Message);
    }

    [Fact]
    public void Two_replicas_on_three_known_nodes_certainly_leave_a_node_dropping()
    {
        var nodes = string.Concat(new[] { "a", "b", "c" }.Select(name => "apiVersion: v1\nkind: Node\nmetadata: {name: " + name + "}\n---\n"));
        var bad = RuleCatalog.Get("KP1003").Examples.First(example => example.Bad).Manifest;

        var finding = Assert.Single(RuleExamples.Run("KP1003", nodes + bad));

        Assert.EndsWith("arriving at c is dropped (no local endpoint there; kube-proxy writes \"default/web has no local endpoints\" -j DROP) (certain: 2 ready endpoints cannot cover 3 nodes, whatever the placement)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Observed_endpoints_make_the_finding_plain()
    {
        var finding = Assert.Single(RuleExamples.Run("KP1003", """
            apiVersion: v1
            kind: Node
            metadata: {name: a}
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: b}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {type: NodePort, externalTrafficPolicy: Local, clusterIP: 10.43.0.9, ports: [{name: http, port: 80, nodePort: 30080}]}
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: web-1, labels: {kubernetes.io/service-name: web}}
            addressType: IPv4
            endpoints: [{addresses: [10.42.0.5], nodeName: a}]
            ports: [{name: http, port: 80}]
            """));

        Assert.EndsWith("arriving at b is dropped (no local endpoint there; kube-proxy writes \"default/web:http has no local endpoints\" -j DROP)", finding.Message, StringComparison.Ordinal);
    }
}
