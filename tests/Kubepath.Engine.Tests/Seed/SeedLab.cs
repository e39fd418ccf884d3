using Kubepath.Engine.Compile;
using Kubepath.Engine.World;
using Kubepath.Manifests;

namespace Kubepath.Engine.Tests.Seed;

/// <summary>The seed lab as Kubepath sees it: samples/seed (or a variant) with the state written from the notebook.</summary>
internal static class SeedLab
{
    public static ClusterWorld World(params string[] manifestPaths)
    {
        var loader = new ManifestLoader();
        var manifests = loader.Load(manifestPaths.Length == 0 ? new[] { Repository.PathOf("samples/seed") } : manifestPaths.Select(Repository.PathOf).ToArray());
        var state = loader.Load(Repository.PathOf("samples/seed-state/cluster-state.yaml"));
        Assert.DoesNotContain(manifests.Diagnostics, d => d.Severity == Kubepath.Model.DiagnosticSeverity.Error);
        Assert.Empty(state.Diagnostics);
        return WorldBuilder.Build(manifests, BuiltInProfiles.K3s, state);
    }

    /// <summary>iptables-save on the node, as the lab's iptables 1.8.7 (nf_tables backend) prints it.</summary>
    public static string Save(ClusterWorld world, string node) =>
        RulesText.SaveOutput(ProxierCompiler.Compile(world, world.FindNode(node)!, ipv6: false), new[] { Table.Filter, Table.Nat }, IptablesFlavour.Plain);
}
