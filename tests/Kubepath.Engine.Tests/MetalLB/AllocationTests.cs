using static Kubepath.Engine.Tests.MetalLB.MetalLBCluster;

namespace Kubepath.Engine.Tests.MetalLB;

/// <summary>Which address MetalLB's controller gives a LoadBalancer Service (internal/allocator, controller/service.go).</summary>
public class AllocationTests
{
    [Fact]
    public void The_lowest_free_address_of_the_pool_goes_to_each_service_in_turn()
    {
        var world = Cluster(string.Join("\n---\n", Pool("p", "10.20.30.0/30"), LoadBalancer("a"), LoadBalancer("b")));

        Assert.Equal(new[] { Ip("10.20.30.0") }, Allocation(world, "a").Addresses);
        Assert.Equal(new[] { Ip("10.20.30.1") }, Allocation(world, "b").Addresses);
        Assert.True(world.FindService("default", "a")!.LoadBalancerIngress[0].Assumed);
    }

    [Fact]
    public void AvoidBuggyIPs_skips_addresses_ending_in_0_and_255()
    {
        var world = Cluster(string.Join("\n---\n", Pool("p", "10.20.30.0/24", "  avoidBuggyIPs: true"), LoadBalancer("a")));

        Assert.Equal(new[] { Ip("10.20.30.1") }, Allocation(world, "a").Addresses);
    }

    [Fact]
    public void A_requested_address_is_given_when_a_pool_holds_it_and_refused_otherwise()
    {
        var world = Cluster(string.Join("\n---\n",
            Pool("p", "10.20.30.0/24"),
            LoadBalancer("ok", "  loadBalancerIP: 10.20.30.7"),
            LoadBalancer("outside", "  loadBalancerIP: 10.9.9.9")));

        Assert.Equal(new[] { Ip("10.20.30.7") }, Allocation(world, "ok").Addresses);
        Assert.False(world.FindService("default", "ok")!.LoadBalancerIngress[0].Assumed);
        Assert.Equal("[\"10.9.9.9\"] is not allowed in config", Allocation(world, "outside").Failure);
        Assert.Empty(world.FindService("default", "outside")!.LoadBalancerIngress);
    }

    [Fact]
    public void The_annotation_and_spec_loadBalancerIP_together_are_an_error()
    {
        var world = Cluster(string.Join("\n---\n", Pool("p", "10.20.30.0/24"),
            LoadBalancer("both", "  loadBalancerIP: 10.20.30.7", "{metallb.universe.tf/loadBalancerIPs: 10.20.30.8}")));

        Assert.Equal("service can not have both metallb.universe.tf/loadBalancerIPs and svc.Spec.LoadBalancerIP", Allocation(world, "both").Failure);
    }

    [Theory]
    [InlineData("0.14.5", "10.20.30.0")]
    [InlineData("0.14.9", "10.20.30.9")]
    public void The_metallb_io_prefix_is_read_only_from_0_14_9(string version, string expected)
    {
        var world = Cluster(string.Join("\n---\n", Pool("p", "10.20.30.0/24"), LoadBalancer("a", annotations: "{metallb.io/loadBalancerIPs: 10.20.30.9}")), Version.Parse(version));

        Assert.Equal(new[] { Ip(expected) }, Allocation(world, "a").Addresses);
    }

    [Fact]
    public void The_address_pool_annotation_picks_the_pool_even_without_auto_assign_and_names_a_missing_one()
    {
        var world = Cluster(string.Join("\n---\n",
            Pool("auto", "10.20.30.0/24"),
            Pool("manual", "10.20.40.0/24", "  autoAssign: false"),
            LoadBalancer("pinned", annotations: "{metallb.universe.tf/address-pool: manual}"),
            LoadBalancer("missing", annotations: "{metallb.universe.tf/address-pool: nope}"),
            LoadBalancer("plain")));

        Assert.Equal(new[] { Ip("10.20.40.0") }, Allocation(world, "pinned").Addresses);
        Assert.Equal("unknown pool \"nope\"", Allocation(world, "missing").Failure);
        Assert.Equal("auto", Allocation(world, "plain").Pool);
    }

    [Fact]
    public void Without_an_auto_assign_pool_there_is_no_available_IP()
    {
        var world = Cluster(string.Join("\n---\n", Pool("manual", "10.20.40.0/24", "  autoAssign: false"), LoadBalancer("a")));

        Assert.Equal("no available IPs", Allocation(world, "a").Failure);
    }

    [Fact]
    public void Pools_pinned_by_service_allocation_go_first_by_priority_and_equal_pools_are_all_possible()
    {
        var world = Cluster(string.Join("\n---\n",
            Pool("general", "10.20.10.0/24"),
            Pool("low", "10.20.20.0/24", "  serviceAllocation: {priority: 20, namespaces: [default]}"),
            Pool("high", "10.20.30.0/24", "  serviceAllocation: {priority: 10, namespaces: [default]}"),
            LoadBalancer("a")));

        Assert.Equal("high", Allocation(world, "a").Pool);

        var open = Cluster(string.Join("\n---\n", Pool("one", "10.20.10.0/24"), Pool("two", "10.20.20.0/24"), LoadBalancer("a")));
        Assert.Equal(new[] { "one", "two" }, Allocation(open, "a").PossiblePools);
    }

    [Theory]
    [InlineData("0.14.5", "general")]
    [InlineData("0.15.0", "prio")]
    public void A_pool_with_only_a_priority_is_never_auto_assigned_before_0_15(string version, string expected)
    {
        var world = Cluster(string.Join("\n---\n",
            Pool("general", "10.20.10.0/24"),
            Pool("prio", "10.20.20.0/24", "  serviceAllocation: {priority: 5}"),
            LoadBalancer("a")), Version.Parse(version));

        Assert.Equal(expected, Allocation(world, "a").Pool);
    }

    [Fact]
    public void Services_with_the_same_sharing_key_and_different_ports_share_an_address()
    {
        var world = Cluster(string.Join("\n---\n",
            Pool("p", "10.20.30.0/24"),
            LoadBalancer("dns-tcp", annotations: "{metallb.universe.tf/allow-shared-ip: dns}", ports: "[{port: 53, protocol: TCP}]"),
            LoadBalancer("dns-udp", annotations: "{metallb.universe.tf/allow-shared-ip: dns}", ports: "[{port: 53, protocol: UDP}]"),
            LoadBalancer("z-clash", "  loadBalancerIP: 10.20.30.0", "{metallb.universe.tf/allow-shared-ip: dns}", "[{port: 53, protocol: TCP}]")));

        Assert.Equal(Allocation(world, "dns-tcp").Addresses, Allocation(world, "dns-udp").Addresses);
        Assert.Equal("port TCP/53 is already in use on \"10.20.30.0\"", Allocation(world, "z-clash").Failure);
    }

    [Fact]
    public void A_service_of_another_load_balancer_class_is_left_alone()
    {
        var world = Cluster(string.Join("\n---\n", Pool("p", "10.20.30.0/24"), LoadBalancer("other", "  loadBalancerClass: example.com/lb")));

        Assert.Equal("loadBalancerClass example.com/lb is not MetalLB's", Allocation(world, "other").Ignored);
        Assert.Empty(world.FindService("default", "other")!.LoadBalancerIngress);
    }

    [Fact]
    public void A_status_address_is_kept_and_not_handed_out_again()
    {
        var world = Cluster(string.Join("\n---\n",
            Pool("p", "10.20.30.0/24"),
            LoadBalancer("old", "status: {loadBalancer: {ingress: [{ip: 10.20.30.0}]}}"),
            LoadBalancer("new")));

        Assert.True(Allocation(world, "old").Observed);
        Assert.Equal(new[] { Ip("10.20.30.1") }, Allocation(world, "new").Addresses);
    }

    [Theory]
    [InlineData("0.14.5", "")]
    [InlineData("0.15.0", "10.20.30.0")]
    public void A_PreferDualStack_service_without_a_dual_pool_gets_one_address_from_0_15(string version, string expected)
    {
        var profile = Kubepath.Engine.World.BuiltInProfiles.K3s with
        {
            ServiceCidrs = new[] { Kubepath.Engine.World.Cidr.Parse("10.43.0.0/16"), Kubepath.Engine.World.Cidr.Parse("fd00:43::/112") },
            MetalLB = new Kubepath.Engine.World.MetalLBSettings { Version = Version.Parse(version) },
        };
        var set = new Kubepath.Manifests.ManifestLoader().LoadText("dual.yaml", Nodes + "\n---\n" + Pool("v4", "10.20.30.0/24") + "\n---\n" +
            LoadBalancer("dual", "  ipFamilyPolicy: PreferDualStack"));
        var world = Kubepath.Engine.World.WorldBuilder.Build(set, profile);

        Assert.Equal(2, world.FindService("default", "dual")!.ClusterIPs.Count);
        Assert.Equal(expected, string.Join(",", Allocation(world, "dual").Addresses));
    }
}
