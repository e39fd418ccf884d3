namespace Kubepath.Engine.Tests.Rules;

public class KP3005PoolHoldsUsedAddressTests
{
    [Fact]
    public void A_node_address_inside_a_range_is_named_with_its_node()
    {
        var finding = Assert.Single(RuleExamples.Run("KP3005", """
            apiVersion: v1
            kind: Node
            metadata: {name: worker-1}
            status: {addresses: [{type: InternalIP, address: 192.0.2.20}]}
            ---
            apiVersion: metallb.io/v1beta1
            kind: IPAddressPool
            metadata: {name: public, namespace: metallb-system}
            spec: {addresses: [192.0.2.16-192.0.2.31]}
            """));

        Assert.Equal("192.0.2.16-192.0.2.31 in IPAddressPool public includes 192.0.2.20, the internal IP of node worker-1: MetalLB may hand it to a Service, and then two hosts answer ARP for it", finding.Message);
    }

    [Fact]
    public void Placeholder_node_addresses_are_not_held_against_a_pool()
    {
        // No node is known: Kubepath assumes nodes with TEST-NET-1 addresses, which say nothing about the pool.
        Assert.Empty(RuleExamples.Run("KP3005", """
            apiVersion: metallb.io/v1beta1
            kind: IPAddressPool
            metadata: {name: public, namespace: metallb-system}
            spec: {addresses: [192.0.2.0/24]}
            """));
    }
}
