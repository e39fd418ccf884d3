namespace Kubepath.Engine.Tests.Rules;

public class KP3004OverlappingPoolsTests
{
    [Fact]
    public void Overlapping_entries_of_one_pool_are_reported_with_MetalLBs_message()
    {
        var finding = Assert.Single(RuleExamples.Run("KP3004", """
            apiVersion: metallb.io/v1beta1
            kind: IPAddressPool
            metadata: {name: a, namespace: metallb-system}
            spec: {addresses: [10.0.0.0/24, 10.0.0.200-10.0.0.210, 10.0.1.0/24]}
            """));

        Assert.Equal("10.0.0.200-10.0.0.210 in IPAddressPool a overlaps 10.0.0.0/24 in IPAddressPool a: MetalLB rejects the configuration (\"CIDR 10.0.0.200-10.0.0.210 in pool a overlaps with already defined CIDR 10.0.0.0/24\")", finding.Message);
    }

    [Fact]
    public void Adjacent_ranges_and_other_families_do_not_overlap()
    {
        Assert.Empty(RuleExamples.Run("KP3004", """
            apiVersion: metallb.io/v1beta1
            kind: IPAddressPool
            metadata: {name: a, namespace: metallb-system}
            spec: {addresses: [10.0.0.0/25, 10.0.0.128/25, "fd00::/120"]}
            """));
    }
}
