namespace Kubepath.Engine.Tests.Rules;

public class KP3010IgnoredMetalLBAnnotationTests
{
    [Fact]
    public void On_0_14_5_a_metallb_io_annotation_is_ignored()
    {
        var finding = Assert.Single(RuleExamples.Run("KP3010", """
            apiVersion: v1
            kind: Service
            metadata: {name: web, annotations: {metallb.io/address-pool: public}}
            spec: {type: LoadBalancer, ports: [{port: 80}]}
            """));

        Assert.Equal("metallb.io/address-pool is ignored by MetalLB 0.14.5: releases before 0.14.9 read metallb.universe.tf/address-pool only", finding.Message);
    }

    [Fact]
    public void From_0_14_9_an_old_key_shadowed_by_a_different_new_one_is_ignored()
    {
        const string Yaml = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              annotations: {metallb.io/allow-shared-ip: a, metallb.universe.tf/allow-shared-ip: b}
            spec: {type: LoadBalancer, ports: [{port: 80}]}
            """;

        Assert.Equal("metallb.universe.tf/allow-shared-ip is ignored by MetalLB 0.15.3: metallb.io/allow-shared-ip is present and wins (\"a\")", Assert.Single(RuleExamples.Run("KP3010", Yaml, "kind")).Message);
        Assert.Empty(RuleExamples.Run("KP3010", Yaml.Replace("metallb.universe.tf/allow-shared-ip: b", "metallb.universe.tf/allow-shared-ip: a", StringComparison.Ordinal), "kind"));
    }
}
