namespace Kubepath.Engine.Tests.Rules;

public class KP3008SharingConflictTests
{
    [Fact]
    public void A_port_in_common_is_named_with_MetalLBs_reason()
    {
        var finding = Assert.Single(RuleExamples.Run("KP3008", """
            apiVersion: metallb.io/v1beta1
            kind: IPAddressPool
            metadata: {name: public, namespace: metallb-system}
            spec: {addresses: [192.0.2.0/28]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: a, annotations: {metallb.universe.tf/allow-shared-ip: k, metallb.universe.tf/loadBalancerIPs: 192.0.2.5}}
            spec: {type: LoadBalancer, ports: [{port: 443}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: b, annotations: {metallb.universe.tf/allow-shared-ip: k, metallb.universe.tf/loadBalancerIPs: 192.0.2.5}}
            spec: {type: LoadBalancer, ports: [{port: 443}]}
            """));

        Assert.Equal("default/b cannot get 192.0.2.5: port TCP/443 is already in use on \"192.0.2.5\"; MetalLB gives it no address and it stays pending", finding.Message);
    }

    [Fact]
    public void Local_services_with_different_selectors_cannot_share()
    {
        var finding = Assert.Single(RuleExamples.Run("KP3008", """
            apiVersion: metallb.io/v1beta1
            kind: IPAddressPool
            metadata: {name: public, namespace: metallb-system}
            spec: {addresses: [192.0.2.0/28]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: a, annotations: {metallb.universe.tf/allow-shared-ip: k, metallb.universe.tf/loadBalancerIPs: 192.0.2.5}}
            spec: {type: LoadBalancer, externalTrafficPolicy: Local, selector: {app: a}, ports: [{port: 80}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: b, annotations: {metallb.universe.tf/allow-shared-ip: k, metallb.universe.tf/loadBalancerIPs: 192.0.2.5}}
            spec: {type: LoadBalancer, externalTrafficPolicy: Local, selector: {app: b}, ports: [{port: 81}]}
            """));

        Assert.Contains("address also in use by default/a", finding.Message, StringComparison.Ordinal);
    }
}
