using Kubepath.Engine.Rules;

namespace Kubepath.Engine.Tests.Rules;

public class KP1005InternalPolicyDropsClientsTests
{
    [Fact]
    public void One_replica_leaves_the_other_nodes_clients_hanging()
    {
        var nodes = string.Concat(new[] { "a", "b" }.Select(name => "apiVersion: v1\nkind: Node\nmetadata: {name: " + name + "}\n---\n"));
        var bad = RuleCatalog.Get("KP1005").Examples.First(example => example.Bad).Manifest;

        var finding = Assert.Single(RuleExamples.Run("KP1005", nodes + bad));

        Assert.StartsWith("internalTrafficPolicy: Local: pods on b calling default/cache at ", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith(" are dropped, not rejected (no local endpoint there; kube-proxy writes \"default/cache has no local endpoints\" -j DROP): they hang until their timeout (with Kubepath's assumed nodes and placement; pass --state for the real ones)", finding.Message, StringComparison.Ordinal);
    }
}
