using Kubepath.Engine.Rules;
using Kubepath.Engine.Tests.Seed;

namespace Kubepath.Engine.Tests.Rules;

public class KP1002ClusterPolicyMasqueradesTests
{
    [Fact]
    public void The_seed_labs_NodePort_service_is_seen_from_node_and_CNI_addresses()
    {
        var findings = RuleRunner.Run(SeedLab.Final(), rule => rule.Descriptor.Id == "KP1002");

        var nodePort = Assert.Single(findings, finding => finding.Message.Contains("default/nginx-np-service", StringComparison.Ordinal));
        Assert.Contains("10.42.1.1 (cni0)", nodePort.Message, StringComparison.Ordinal);
        Assert.Contains("10.42.1.0 (flannel.1)", nodePort.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_without_external_entry_is_not_concerned()
    {
        Assert.Empty(RuleExamples.Run("KP1002", "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {app: s}, ports: [{port: 80}]}\n"));
    }
}
