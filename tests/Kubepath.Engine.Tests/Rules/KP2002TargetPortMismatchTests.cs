namespace Kubepath.Engine.Tests.Rules;

public class KP2002TargetPortMismatchTests
{
    private const string Workload = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: dns}
        spec:
          selector: {matchLabels: {app: dns}}
          template:
            metadata: {labels: {app: dns}}
            spec:
              containers:
              - name: dns
                image: coredns
                ports: [{name: dns, containerPort: 53, protocol: UDP}]
        ---

        """;

    [Fact]
    public void A_named_port_of_another_protocol_is_reported()
    {
        var finding = Assert.Single(RuleExamples.Run("KP2002", Workload + """
            apiVersion: v1
            kind: Service
            metadata: {name: dns}
            spec: {selector: {app: dns}, ports: [{name: dns-tcp, port: 53, protocol: TCP, targetPort: dns}]}
            """));

        Assert.Equal("default/dns port dns-tcp: targetPort dns names a container port of another protocol than TCP in Deployment default/dns", finding.Message);
    }

    [Fact]
    public void A_numeric_port_is_reported_only_against_declared_ports_and_says_so()
    {
        var finding = Assert.Single(RuleExamples.Run("KP2002", Workload + """
            apiVersion: v1
            kind: Service
            metadata: {name: dns}
            spec: {selector: {app: dns}, ports: [{port: 5353, protocol: UDP}]}
            """));

        Assert.Equal("default/dns port 5353: targetPort 5353 matches no declared container port (53/UDP) in Deployment default/dns (a numeric targetPort need not be declared, but this template declares its ports and not this one)", finding.Message);

        Assert.Empty(RuleExamples.Run("KP2002", Workload.Replace("ports: [{name: dns, containerPort: 53, protocol: UDP}]", "ports: []", StringComparison.Ordinal) + """
            apiVersion: v1
            kind: Service
            metadata: {name: dns}
            spec: {selector: {app: dns}, ports: [{port: 5353, protocol: UDP}]}
            """));
    }
}
