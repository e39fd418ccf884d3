using Kubepath.Engine.Rules;
using Kubepath.Engine.Tests.Seed;

namespace Kubepath.Engine.Tests.Rules;

public class KP1001InternalPolicyExternalAddressTests
{
    [Fact]
    public void The_seed_labs_S5_is_reported_as_the_design_describes()
    {
        var finding = Assert.Single(RuleRunner.Run(SeedLab.Final(), rule => rule.Descriptor.Id == "KP1001"));

        Assert.Equal("internalTrafficPolicy: Local has no effect on traffic from pods to LoadBalancer IP 10.123.123.100: pods on vm1 reach all 6 endpoints (kube-proxy sends pod traffic for external destinations to KUBE-SVC-W47NQ5DDJKUWFTVY)", finding.Message);
        Assert.Equal(11, finding.Span.Start.Line);
    }

    [Fact]
    public void External_IPs_are_concerned_too()
    {
        var finding = Assert.Single(RuleExamples.Run("KP1001", """
            apiVersion: v1
            kind: Pod
            metadata: {name: a, labels: {app: web}}
            spec: {nodeName: node-1, containers: [{name: a, image: nginx}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: b, labels: {app: web}}
            spec: {nodeName: node-2, containers: [{name: b, image: nginx}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {selector: {app: web}, ports: [{port: 80}], externalIPs: [192.0.2.50], internalTrafficPolicy: Local}
            """));

        Assert.Contains("to external IP 192.0.2.50: pods on node-1 reach all 2 endpoints", finding.Message, StringComparison.Ordinal);
    }
}
