using Kubepath.Engine.Rules;
using Kubepath.Engine.Tests.Seed;

namespace Kubepath.Engine.Tests.Rules;

public class KP3007LocalPolicyOneNodeTests
{
    [Fact]
    public void The_seed_labs_S4_sends_external_traffic_to_vm2s_two_pods_only()
    {
        var finding = Assert.Single(RuleRunner.Run(SeedLab.S4(), rule => rule.Descriptor.Id == "KP3007"));

        Assert.Equal("externalTrafficPolicy: Local in layer 2 mode: all external traffic to 10.123.123.100 enters at vm2, the node MetalLB elects, and goes to its 2 of the 6 endpoints (10.42.1.20, 10.42.1.21); the other 4 get none", finding.Message);
        Assert.EndsWith("nginx-mlb-svc.yaml", finding.Span.File, StringComparison.Ordinal);
    }

    [Fact]
    public void All_endpoints_on_the_elected_node_or_BGP_announcement_is_fine()
    {
        Assert.Empty(RuleExamples.Run("KP3007", """
            apiVersion: metallb.io/v1beta1
            kind: IPAddressPool
            metadata: {name: public, namespace: metallb-system}
            spec: {addresses: [192.0.2.0/28]}
            ---
            apiVersion: metallb.io/v1beta1
            kind: BGPAdvertisement
            metadata: {name: public, namespace: metallb-system}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 6
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {type: LoadBalancer, externalTrafficPolicy: Local, selector: {app: web}, ports: [{port: 80}]}
            """));
    }
}
