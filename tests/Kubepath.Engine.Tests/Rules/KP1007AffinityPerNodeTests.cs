using Kubepath.Engine.Rules;

namespace Kubepath.Engine.Tests.Rules;

public class KP1007AffinityPerNodeTests
{
    private static string BadExample => RuleCatalog.Get("KP1007").Examples.First(example => example.Bad).Manifest;

    [Fact]
    public void Names_the_advertising_nodes_and_the_endpoints_a_client_can_reach()
    {
        var finding = Assert.Single(RuleExamples.Run("KP1007", BadExample));

        Assert.Equal(
            "default/shop: sessionAffinity ClientIP is remembered by each node on its own, and MetalLB advertises 192.0.2.0 over BGP from 3 nodes (node-1, node-2, node-3); " +
            "routers spread a client's connections over them (ECMP), so one client reaches different endpoints among 3",
            finding.Message);
    }

    [Fact]
    public void Without_affinity_there_is_nothing_to_keep()
    {
        Assert.Empty(RuleExamples.Run("KP1007", BadExample.Replace("sessionAffinity: ClientIP", "sessionAffinity: None", StringComparison.Ordinal)));
    }

    [Fact]
    public void One_endpoint_gives_every_node_the_same_choice()
    {
        Assert.Empty(RuleExamples.Run("KP1007", BadExample.Replace("replicas: 3", "replicas: 1", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_BGP_advertisement_from_one_node_keeps_affinity()
    {
        var oneNode = BadExample.Replace(
            "metadata: {name: public, namespace: metallb-system}\n---\napiVersion: v1",
            "metadata: {name: public, namespace: metallb-system}\nspec: {nodeSelectors: [{matchLabels: {kubernetes.io/hostname: node-2}}]}\n---\napiVersion: v1",
            StringComparison.Ordinal);
        Assert.NotEqual(BadExample, oneNode);

        Assert.Empty(RuleExamples.Run("KP1007", oneNode));
    }
}
