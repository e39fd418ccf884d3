namespace Kubepath.Engine.Tests.Rules;

public class KP4004FieldWithoutEffectTests
{
    [Theory]
    [InlineData("{ports: [{port: 80}], externalTrafficPolicy: Local}", "externalTrafficPolicy applies to NodePort, LoadBalancer and external-IP traffic only: the API server refuses it for type ClusterIP")]
    [InlineData("{type: NodePort, ports: [{port: 80}], healthCheckNodePort: 31000}", "healthCheckNodePort exists only for LoadBalancer Services with externalTrafficPolicy Local: the API server refuses it here")]
    [InlineData("{type: NodePort, ports: [{port: 80}], loadBalancerSourceRanges: [10.0.0.0/8]}", "loadBalancerSourceRanges only matters for type LoadBalancer; it is ignored for type NodePort")]
    [InlineData("{type: ExternalName, externalName: db.example.com, internalTrafficPolicy: Local}", "internalTrafficPolicy has no effect for type ExternalName: kube-proxy writes no rules for it")]
    public void Each_field_is_explained_for_the_type(string spec, string expected)
    {
        var finding = Assert.Single(RuleExamples.Run("KP4004", "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: " + spec + "\n"));

        Assert.Equal("default/s: " + expected, finding.Message);
    }

    [Fact]
    public void External_IPs_make_a_traffic_policy_meaningful_on_a_ClusterIP_service()
    {
        Assert.Empty(RuleExamples.Run("KP4004", "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}], externalIPs: [192.0.2.1], externalTrafficPolicy: Local}\n"));
    }
}
