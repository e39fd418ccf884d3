using Kubepath.Engine.Rules;

namespace Kubepath.Engine.Tests.Rules;

public class KP1004SourceRangesBypassedByNodePortTests
{
    [Fact]
    public void The_message_names_the_ranges_the_node_port_and_the_chain()
    {
        var bad = RuleCatalog.Get("KP1004").Examples.First(example => example.Bad).Manifest;

        var finding = Assert.Single(RuleExamples.Run("KP1004", bad));

        Assert.StartsWith("loadBalancerSourceRanges (203.0.113.0/24) only guards default/admin's load-balancer IP: its node port 31443 on every node lets any source reach the same endpoints (kube-proxy's KUBE-NODEPORTS rule jumps to KUBE-EXT-", finding.Message, StringComparison.Ordinal);
    }
}
