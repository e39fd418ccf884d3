using Kubepath.Engine.Rules;

namespace Kubepath.Engine.Tests.Rules;

public class KP3011AggregatedLocalRoutesTests
{
    [Fact]
    public void The_node_drawing_the_traffic_and_the_service_it_advertises_for_are_named()
    {
        var bad = RuleCatalog.Get("KP3011").Examples.First(example => example.Bad).Manifest;

        var finding = Assert.Single(RuleExamples.Run("KP3011", bad));

        Assert.Equal("node-b advertises 192.0.2.0/28 (aggregationLength 28) because it announces default/b, so routers send it traffic for 192.0.2.0 of default/a too; with externalTrafficPolicy: Local that traffic is dropped there: default/a has no endpoint on node-b", finding.Message);
    }

    [Fact]
    public void Host_routes_never_draw_other_services_traffic()
    {
        var good = RuleCatalog.Get("KP3011").Examples.First(example => !example.Bad).Manifest;

        Assert.Empty(RuleExamples.Run("KP3011", good));
    }
}
