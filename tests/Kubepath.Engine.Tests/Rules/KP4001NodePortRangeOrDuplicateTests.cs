namespace Kubepath.Engine.Tests.Rules;

public class KP4001NodePortRangeOrDuplicateTests
{
    [Fact]
    public void The_range_comes_from_the_profile()
    {
        var finding = Assert.Single(RuleExamples.Run("KP4001", """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {type: NodePort, ports: [{name: http, port: 80, nodePort: 8080}]}
            """));

        Assert.Equal("default/web port http: nodePort 8080 is outside the cluster's NodePort range 30000-32767: the API server refuses the Service", finding.Message);
    }

    [Fact]
    public void A_node_port_held_by_another_service_is_refused_to_the_second()
    {
        var finding = Assert.Single(RuleExamples.Run("KP4001", """
            apiVersion: v1
            kind: Service
            metadata: {name: a}
            spec: {type: NodePort, ports: [{port: 80, nodePort: 30080}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: b}
            spec: {type: NodePort, ports: [{port: 53, protocol: UDP, nodePort: 30080}]}
            """));

        Assert.Equal("default/b port 53: nodePort 30080 is already used by default/a: the API server refuses the second Service (\"provided port is already allocated\")", finding.Message);
    }
}
