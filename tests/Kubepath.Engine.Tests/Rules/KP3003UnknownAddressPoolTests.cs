namespace Kubepath.Engine.Tests.Rules;

public class KP3003UnknownAddressPoolTests
{
    [Fact]
    public void The_annotation_value_is_blamed_and_the_existing_pools_named()
    {
        var finding = Assert.Single(RuleExamples.Run("KP3003", """
            apiVersion: metallb.io/v1beta1
            kind: IPAddressPool
            metadata: {name: public, namespace: metallb-system}
            spec: {addresses: [192.0.2.0/28]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, annotations: {metallb.universe.tf/address-pool: private}}
            spec: {type: LoadBalancer, ports: [{port: 80}]}
            """));

        Assert.Equal("default/web asks for IPAddressPool private, which does not exist (pools: public): MetalLB gives it no address and it stays pending", finding.Message);
    }

    [Fact]
    public void On_MetalLB_0_14_9_the_metallb_io_annotation_counts()
    {
        const string Yaml = """
            apiVersion: metallb.io/v1beta1
            kind: IPAddressPool
            metadata: {name: public, namespace: metallb-system}
            spec: {addresses: [192.0.2.0/28]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, annotations: {metallb.io/address-pool: private}}
            spec: {type: LoadBalancer, ports: [{port: 80}]}
            """;

        Assert.Empty(RuleExamples.Run("KP3003", Yaml));
        Assert.Single(RuleExamples.Run("KP3003", Yaml, "kind"));
    }
}
