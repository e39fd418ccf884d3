namespace Kubepath.Engine.Tests.Rules;

public class KP4003MixedProtocolLoadBalancerTests
{
    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata: {name: dns}
        spec:
          type: LoadBalancer
          ports:
          - {name: a, port: 53, protocol: UDP}
          - {name: b, port: 53}
        """;

    [Theory]
    [InlineData("1.20", true)]
    [InlineData("1.23", true)]
    [InlineData("1.24", false)]
    [InlineData("1.36", false)]
    public void Refused_until_the_feature_is_on_by_default(string version, bool refused)
    {
        var findings = RuleExamples.Run("KP4003", Service, kubernetes: version);

        Assert.Equal(refused, findings.Count == 1);
    }

    [Fact]
    public void Names_the_protocols_and_points_at_the_second_one()
    {
        var finding = Assert.Single(RuleExamples.Run("KP4003", Service, kubernetes: "1.22"));

        Assert.StartsWith("default/dns: a LoadBalancer Service mixes UDP and TCP; Kubernetes 1.22 refuses it", finding.Message);
        Assert.Equal(8, finding.Span.Start.Line);
    }

    [Fact]
    public void A_Service_only_the_cluster_state_holds_is_not_reported()
    {
        // The state is the running cluster: it informs the predictions, and its own objects are not under review.
        const string manifest = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n";

        Assert.Empty(RuleExamples.Run("KP4003", manifest, kubernetes: "1.22", state: Service));
        Assert.Single(RuleExamples.Run("KP4003", manifest + "---\n" + Service, kubernetes: "1.22", state: Service));
    }

    [Fact]
    public void Other_Service_types_may_mix_protocols()
    {
        Assert.Empty(RuleExamples.Run("KP4003", Service.Replace("LoadBalancer", "NodePort", StringComparison.Ordinal), kubernetes: "1.22"));
    }
}
