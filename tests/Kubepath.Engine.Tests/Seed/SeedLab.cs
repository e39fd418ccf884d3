using System.Net;
using Kubepath.Engine.Compile;
using Kubepath.Engine.Simulate;
using Kubepath.Engine.World;
using Kubepath.Manifests;
using Kubepath.Model;

namespace Kubepath.Engine.Tests.Seed;

/// <summary>The seed lab as Kubepath sees it: manifests from samples/, a state written from the notebook, the k3s profile.</summary>
internal static class SeedLab
{
    public const string FinalState = "samples/seed-state/cluster-state.yaml";
    public const string S3State = "samples/seed-state/s3-cluster-state.yaml";

    /// <summary>The lab's external host, on VLAN 100 with the nodes' ens3.100 addresses.</summary>
    public static readonly IPAddress ExternalHost = IPAddress.Parse("10.123.123.254");

    public static ClusterWorld World(string state, params string[] manifestPaths)
    {
        var loader = new ManifestLoader();
        var manifests = loader.Load(manifestPaths.Select(Repository.PathOf));
        var observed = loader.Load(Repository.PathOf(state));
        Assert.DoesNotContain(manifests.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(observed.Diagnostics);
        return WorldBuilder.Build(manifests, BuiltInProfiles.K3s with { ExternalClient = ExternalHost }, observed);
    }

    /// <summary>S1, S2, S5 and S6 together: the lab's final state.</summary>
    public static ClusterWorld Final() => World(FinalState, "samples/seed");

    public static ClusterWorld S3() => World(S3State, "samples/seed/metallb.yaml", "samples/seed-variants/s3-loadbalancer-cluster");

    public static ClusterWorld S4() => World(FinalState, "samples/seed/metallb.yaml", "samples/seed-variants/s4-loadbalancer-local");

    /// <summary>iptables-save on the node, both tables.</summary>
    public static string[] SaveLines(ClusterWorld world, string node) =>
        RulesText.SaveOutput(ProxierCompiler.Compile(world, world.FindNode(node)!, ipv6: false), new[] { Table.Filter, Table.Nat }, IptablesFlavour.Plain)
            .Split('\n');

    public static OriginFlows Flow(ClusterWorld world, string service, OriginKind kind, string originNode, string destination, int port, IPAddress? source = null)
    {
        var simulator = new FlowSimulator(world);
        var view = world.FindService("default", service)!;
        var origin = simulator.OriginOn(kind, world.FindNode(originNode)!, ipv6: false)!;
        if (source is not null)
        {
            origin = origin with { Source = source };
        }

        var address = IPAddress.Parse(destination);
        var entry = new Entry(view.ClusterIPs.Contains(address) ? EntryKind.ClusterIP : EntryKind.LoadBalancerIP, address, port, null);
        return simulator.Flow(view, view.Ports[0], entry, origin);
    }

    /// <summary>The rule lines FACTS.md quotes in a scenario's section (## S1 ...).</summary>
    public static IReadOnlyList<string> FactLines(string scenario)
    {
        var facts = SharedFolder.Require("seed/FACTS.md");
        if (facts is null)
        {
            return Array.Empty<string>();
        }

        var lines = File.ReadAllLines(facts);
        var start = Array.FindIndex(lines, line => line.StartsWith("## " + scenario + " ", StringComparison.Ordinal));
        Assert.True(start >= 0, "FACTS.md has no section " + scenario);
        return lines.Skip(start + 1).TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal))
            .Where(line => line.StartsWith("-A ", StringComparison.Ordinal))
            .ToList();
    }
}
