namespace Kubepath.Engine.Tests.Rules;

public class KP3009DeprecatedLoadBalancerIPTests
{
    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {type: LoadBalancer, loadBalancerIP: 192.0.2.7, ports: [{port: 80}]}
        """;

    [Theory]
    [InlineData("k3s", "MetalLB 0.14.5 reads the metallb.universe.tf/loadBalancerIPs annotation")]
    [InlineData("kind", "MetalLB 0.15.3 reads the metallb.io/loadBalancerIPs annotation")]
    public void The_message_names_the_annotation_the_profiles_MetalLB_reads(string profile, string expected)
    {
        Assert.Contains(expected, Assert.Single(RuleExamples.Run("KP3009", Service, profile)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_LoadBalancer_services_are_concerned()
    {
        Assert.Empty(RuleExamples.Run("KP3009", Service.Replace("type: LoadBalancer", "type: ClusterIP", StringComparison.Ordinal)));
    }
}
