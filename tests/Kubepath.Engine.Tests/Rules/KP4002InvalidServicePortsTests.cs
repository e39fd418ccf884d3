namespace Kubepath.Engine.Tests.Rules;

public class KP4002InvalidServicePortsTests
{
    [Theory]
    [InlineData("[{name: a, port: 80}, {name: a, port: 81}]", "spec.ports[1].name: Duplicate value \"a\"; the API server refuses it")]
    [InlineData("[{name: a, port: 53}, {name: b, port: 53}]", "spec.ports[1]: Duplicate value: port 53/TCP is listed twice; the API server refuses it")]
    [InlineData("[{name: a, port: 80}, {port: 81}]", "spec.ports[1].name: Required value: a Service with several ports must name each one; the API server refuses it")]
    public void Each_validation_rule_is_named(string ports, string problem)
    {
        var finding = Assert.Single(RuleExamples.Run("KP4002", "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: " + ports + "}\n"));

        Assert.Equal("default/s: " + problem, finding.Message);
    }

    [Fact]
    public void The_same_number_over_two_protocols_is_fine()
    {
        Assert.Empty(RuleExamples.Run("KP4002", "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{name: a, port: 53}, {name: b, port: 53, protocol: UDP}]}\n"));
    }
}
