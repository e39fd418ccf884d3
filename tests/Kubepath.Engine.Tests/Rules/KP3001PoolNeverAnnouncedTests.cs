namespace Kubepath.Engine.Tests.Rules;

public class KP3001PoolNeverAnnouncedTests
{
    private const string Pools = """
        apiVersion: metallb.io/v1beta1
        kind: IPAddressPool
        metadata: {name: public, namespace: metallb-system, labels: {exposure: public}}
        spec: {addresses: [192.0.2.10-192.0.2.20]}
        ---
        apiVersion: metallb.io/v1beta1
        kind: IPAddressPool
        metadata: {name: private, namespace: metallb-system}
        spec: {addresses: [10.99.0.0/24], autoAssign: false}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {type: LoadBalancer, ports: [{port: 80}]}
        """;

    [Fact]
    public void An_uncovered_pool_is_reported_with_the_services_using_it()
    {
        var finding = Assert.Single(RuleExamples.Run("KP3001", Pools + """

            ---
            apiVersion: metallb.io/v1beta1
            kind: L2Advertisement
            metadata: {name: private, namespace: metallb-system}
            spec: {ipAddressPools: [private]}
            """));

        Assert.Equal("IPAddressPool public has no L2Advertisement or BGPAdvertisement: no node announces its addresses (default/web has 192.0.2.10), so they are unreachable from outside the cluster", finding.Message);
    }

    [Fact]
    public void A_pool_selected_by_label_or_by_an_advertisement_naming_no_pool_is_covered()
    {
        Assert.Single(RuleExamples.Run("KP3001", Pools + """

            ---
            apiVersion: metallb.io/v1beta1
            kind: BGPAdvertisement
            metadata: {name: public, namespace: metallb-system}
            spec: {ipAddressPoolSelectors: [{matchLabels: {exposure: public}}]}
            """));

        Assert.Empty(RuleExamples.Run("KP3001", Pools + """

            ---
            apiVersion: metallb.io/v1beta1
            kind: L2Advertisement
            metadata: {name: all, namespace: metallb-system}
            """));
    }
}
