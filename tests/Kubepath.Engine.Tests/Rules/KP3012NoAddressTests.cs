namespace Kubepath.Engine.Tests.Rules;

public class KP3012NoAddressTests
{
    [Fact]
    public void An_exhausted_pool_leaves_the_next_service_pending()
    {
        var findings = RuleExamples.Run("KP3012", """
            apiVersion: metallb.io/v1beta1
            kind: IPAddressPool
            metadata: {name: tiny, namespace: metallb-system}
            spec: {addresses: [192.0.2.1/32]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: a}
            spec: {type: LoadBalancer, ports: [{port: 80}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: b}
            spec: {type: LoadBalancer, ports: [{port: 80}]}
            """);

        Assert.Equal("MetalLB gives default/b no address (\"no available IPs\"): its EXTERNAL-IP stays pending", Assert.Single(findings).Message);
    }

    [Fact]
    public void Both_request_fields_are_a_contradiction_MetalLB_refuses()
    {
        var finding = Assert.Single(RuleExamples.Run("KP3012", """
            apiVersion: metallb.io/v1beta1
            kind: IPAddressPool
            metadata: {name: p, namespace: metallb-system}
            spec: {addresses: [192.0.2.0/28]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: a, annotations: {metallb.universe.tf/loadBalancerIPs: 192.0.2.2}}
            spec: {type: LoadBalancer, loadBalancerIP: 192.0.2.3, ports: [{port: 80}]}
            """));

        Assert.Contains("service can not have both metallb.universe.tf/loadBalancerIPs and svc.Spec.LoadBalancerIP", finding.Message, StringComparison.Ordinal);
    }
}
