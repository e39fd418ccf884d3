using Kubepath.Model;
using static Kubepath.Manifests.Tests.Manifest;

namespace Kubepath.Manifests.Tests.Kinds;

public class MetalLBTests
{
    [Fact]
    public void An_address_pool_has_addresses_and_service_allocation()
    {
        var pool = Single<IPAddressPool>("""
            apiVersion: metallb.io/v1beta1
            kind: IPAddressPool
            metadata: {name: external-pool, namespace: metallb-system, labels: {tier: edge}}
            spec:
              addresses: [10.123.123.64/26, 10.0.0.10-10.0.0.20]
              autoAssign: false
              avoidBuggyIPs: true
              serviceAllocation:
                priority: 50
                namespaces: [shop]
                namespaceSelectors: [{matchLabels: {team: a}}]
                serviceSelectors: [{matchExpressions: [{key: expose, operator: Exists}]}]
            """);

        Assert.Equal(new[] { "10.123.123.64/26", "10.0.0.10-10.0.0.20" }, pool.Addresses.Select(a => a.Value));
        Assert.Equal((false, true), (pool.AutoAssign!.Value, pool.AvoidBuggyIPs!.Value));
        var allocation = pool.ServiceAllocation!;
        Assert.Equal((50, "shop", "a"), (allocation.Priority!.Value, allocation.Namespaces[0].Value, allocation.NamespaceSelectors[0].MatchLabels["team"]));
        Assert.Equal(SelectorOperator.Exists, allocation.ServiceSelectors[0].MatchExpressions[0].Operator!.Value);
    }

    [Fact]
    public void Advertisements_name_their_pools_nodes_interfaces_and_BGP_attributes()
    {
        var set = Load("""
            apiVersion: metallb.io/v1beta1
            kind: L2Advertisement
            metadata: {name: l2, namespace: metallb-system}
            spec:
              ipAddressPools: [external-pool]
              ipAddressPoolSelectors: [{matchLabels: {tier: edge}}]
              nodeSelectors: [{matchLabels: {kubernetes.io/hostname: vm2}}]
              interfaces: [ens3.100]
              preferredNodeSelectors: [{weight: 5, preference: {matchLabels: {rack: r1}}}]
            ---
            apiVersion: metallb.io/v1beta1
            kind: BGPAdvertisement
            metadata: {name: bgp, namespace: metallb-system}
            spec:
              ipAddressPools: [external-pool]
              aggregationLength: 32
              aggregationLengthV6: 128
              localPref: 100
              communities: [65535:65282, no-advertise]
              peers: [tor1]
              nodeSelectors: [{matchLabels: {rack: r1} }]
            ---
            apiVersion: metallb.io/v1beta1
            kind: Community
            metadata: {name: communities, namespace: metallb-system}
            spec:
              communities: [{name: no-advertise, value: "65535:65282"}]
            """);

        Assert.Empty(set.Diagnostics);
        var l2 = set.OfKind<L2Advertisement>().Single();
        Assert.Equal(("external-pool", "edge", "vm2", "ens3.100"), (l2.IPAddressPools[0].Value, l2.IPAddressPoolSelectors[0].MatchLabels["tier"], l2.NodeSelectors[0].MatchLabels["kubernetes.io/hostname"], l2.Interfaces[0].Value));
        Assert.Equal(5, l2.PreferredNodeSelectors[0].Weight!.Value);
        var bgp = set.OfKind<BGPAdvertisement>().Single();
        Assert.Equal((32, 128, 100), (bgp.AggregationLength!.Value, bgp.AggregationLengthV6!.Value, bgp.LocalPref!.Value));
        Assert.Equal(new[] { "65535:65282", "no-advertise" }, bgp.Communities.Select(c => c.Value));
        Assert.Equal("tor1", bgp.Peers[0].Value);
        Assert.Equal("65535:65282", set.OfKind<Community>().Single().Communities[0].Value!.Value);
    }

    [Theory]
    [InlineData("metallb.io/v1beta1")]
    [InlineData("metallb.io/v1beta2")]
    public void A_BGP_peer_loads_in_both_served_versions(string apiVersion)
    {
        var peer = Single<BGPPeer>($$"""
            apiVersion: {{apiVersion}}
            kind: BGPPeer
            metadata: {name: tor1, namespace: metallb-system}
            spec:
              myASN: 64512
              peerASN: 4200000000
              peerAddress: 10.0.0.1
              sourceAddress: 10.0.0.2
              peerPort: 179
              holdTime: 90s
              keepaliveTime: 30s
              routerID: 10.0.0.2
              nodeSelectors: [{matchLabels: {rack: r1} }]
              password: secret
              bfdProfile: fast
              ebgpMultiHop: true
            """);

        Assert.Equal((64512L, 4200000000L, "10.0.0.1", 179), (peer.MyASN!.Value, peer.PeerASN!.Value, peer.PeerAddress!.Value, peer.PeerPort!.Value));
        Assert.Equal(("90s", "fast", true), (peer.HoldTime!.Value, peer.BfdProfile!.Value, peer.EbgpMultiHop!.Value));
        Assert.Equal("r1", peer.NodeSelectors[0].MatchLabels["rack"]);
    }

    [Fact]
    public void A_v1beta2_peer_has_the_fields_added_in_that_version()
    {
        var peer = Single<BGPPeer>("""
            apiVersion: metallb.io/v1beta2
            kind: BGPPeer
            metadata: {name: unnumbered}
            spec:
              myASN: 64512
              dynamicASN: external
              interface: eth1
              connectTime: 5s
              disableMP: true
              dualStackAddressFamily: true
              enableGracefulRestart: true
              passwordSecret: {name: bgp-secret, namespace: metallb-system}
              vrf: red
            """);

        Assert.Equal((DynamicAsnMode.External, "eth1", "5s", "red"), (peer.DynamicASN!.Value, peer.Interface!.Value, peer.ConnectTime!.Value, peer.Vrf!.Value));
        Assert.True(peer.DisableMP!.Value && peer.DualStackAddressFamily!.Value && peer.EnableGracefulRestart!.Value);
        Assert.Equal("bgp-secret", peer.PasswordSecretName!.Value);
    }

    [Fact]
    public void A_BFD_profile_has_its_timers()
    {
        var profile = Single<BFDProfile>("""
            apiVersion: metallb.io/v1beta1
            kind: BFDProfile
            metadata: {name: fast}
            spec: {receiveInterval: 300, transmitInterval: 300, detectMultiplier: 3, echoMode: true, passiveMode: false, minimumTtl: 254, echoInterval: 50}
            """);

        Assert.Equal((300, 300, 3, 254, 50), (profile.ReceiveInterval!.Value, profile.TransmitInterval!.Value, profile.DetectMultiplier!.Value, profile.MinimumTtl!.Value, profile.EchoInterval!.Value));
        Assert.True(profile.EchoMode!.Value);
    }
}
