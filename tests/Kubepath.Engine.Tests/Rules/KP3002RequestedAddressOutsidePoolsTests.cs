namespace Kubepath.Engine.Tests.Rules;

public class KP3002RequestedAddressOutsidePoolsTests
{
    private const string Pool = """
        apiVersion: metallb.io/v1beta1
        kind: IPAddressPool
        metadata: {name: public, namespace: metallb-system}
        spec: {addresses: [192.0.2.0/28], avoidBuggyIPs: true}
        ---

        """;

    [Fact]
    public void The_annotation_is_blamed_with_the_pools_and_MetalLBs_reason()
    {
        var finding = Assert.Single(RuleExamples.Run("KP3002", Pool + """
            apiVersion: v1
            kind: Service
            metadata: {name: web, annotations: {metallb.universe.tf/loadBalancerIPs: 198.51.100.7}}
            spec: {type: LoadBalancer, ports: [{port: 80}]}
            """));

        Assert.Equal(8, finding.Span.Start.Line);
        Assert.Equal("default/web requests 198.51.100.7, which is in no IPAddressPool (public 192.0.2.0-192.0.2.15): MetalLB gives it no address and it stays pending (\"[\"198.51.100.7\"] is not allowed in config\")", finding.Message);
    }

    [Fact]
    public void A_dot_zero_address_of_an_avoidBuggyIPs_pool_is_refused_too()
    {
        Assert.Single(RuleExamples.Run("KP3002", Pool + """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {type: LoadBalancer, loadBalancerIP: 192.0.2.0, ports: [{port: 80}]}
            """));
    }
}
