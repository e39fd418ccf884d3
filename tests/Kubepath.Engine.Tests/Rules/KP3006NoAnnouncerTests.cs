using Kubepath.Engine.Rules;

namespace Kubepath.Engine.Tests.Rules;

public class KP3006NoAnnouncerTests
{
    [Fact]
    public void The_message_names_the_selected_nodes_and_where_the_endpoints_run()
    {
        var bad = RuleCatalog.Get("KP3006").Examples.First(example => example.Bad).Manifest;

        var finding = Assert.Single(RuleExamples.Run("KP3006", bad));

        Assert.Equal("default/web's address 192.0.2.0 is announced by no node: the advertisements select edge-1 and the endpoints run on worker-1 (externalTrafficPolicy: Local); it is unreachable from outside the cluster (with the pods placed by Kubepath's assumed placement; pass --state for the real one)", finding.Message);
    }

    [Fact]
    public void Nodes_excluded_from_load_balancers_leave_no_announcer_even_with_Cluster_policy()
    {
        var finding = Assert.Single(RuleExamples.Run("KP3006", """
            apiVersion: v1
            kind: Node
            metadata: {name: only, labels: {node.kubernetes.io/exclude-from-external-load-balancers: ""}}
            ---
            apiVersion: metallb.io/v1beta1
            kind: IPAddressPool
            metadata: {name: public, namespace: metallb-system}
            spec: {addresses: [192.0.2.0/28]}
            ---
            apiVersion: metallb.io/v1beta1
            kind: L2Advertisement
            metadata: {name: all, namespace: metallb-system}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {type: LoadBalancer, ports: [{port: 80}]}
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: web-1, labels: {kubernetes.io/service-name: web}}
            addressType: IPv4
            endpoints: [{addresses: [10.42.0.9], nodeName: only}]
            ports: [{name: "", port: 80}]
            """));

        Assert.Contains("no node runs a usable speaker the advertisements select", finding.Message, StringComparison.Ordinal);
    }
}
