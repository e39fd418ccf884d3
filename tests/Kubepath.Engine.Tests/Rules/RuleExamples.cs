using Kubepath.Engine.Rules;
using Kubepath.Engine.World;
using Kubepath.Manifests;
using Kubepath.Model;

namespace Kubepath.Engine.Tests.Rules;

/// <summary>Runs one rule over a manifest, as the examples and the rule tests do.</summary>
internal static class RuleExamples
{
    public static IReadOnlyList<Diagnostic> Run(string ruleId, string manifest, string profile = "k3s", string? kubernetes = null, string? state = null)
    {
        var set = new ManifestLoader().LoadText("example.yaml", manifest);
        var live = state is null ? null : new ManifestLoader(checkFields: false).LoadText("state.yaml", state);
        Assert.DoesNotContain(set.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var cluster = BuiltInProfiles.Find(profile) ?? throw new ArgumentException("unknown profile " + profile);
        if (kubernetes is not null)
        {
            cluster = cluster with { KubeProxy = cluster.KubeProxy with { Version = KubeVersion.Parse(kubernetes) } };
        }

        var world = WorldBuilder.Build(set, cluster, live);
        return RuleRunner.Run(world, rule => rule.Descriptor.Id == ruleId);
    }
}
