using Kubepath.Engine.Compile;
using Kubepath.Engine.Simulate;
using Kubepath.Engine.World;
using Kubepath.Manifests;

namespace Kubepath.Engine.Tests.Corpus;

/// <summary>
/// Real manifests from public projects (../shared/corpus/k8s), each source as one cluster on every built-in profile:
/// the world builds, every node's rules compile in both families and renderings, and every service's flows run,
/// without an exception and with probabilities that add up.
/// </summary>
public class CorpusPredictionTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var source in new[] { "cloud-provider-kind", "istio", "kube-prometheus", "kubernetes-engine-samples", "kubernetes-examples", "kubernetes-website", "metallb" })
        {
            foreach (var profile in BuiltInProfiles.Names)
            {
                data.Add(source, profile);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_prediction_runs_on_real_manifests(string source, string profile)
    {
        var corpus = SharedFolder.Require("corpus/k8s");
        if (corpus is null)
        {
            return;
        }

        var world = WorldBuilder.Build(new ManifestLoader().Load(Path.Combine(corpus, source)), BuiltInProfiles.Find(profile)!);
        foreach (var node in world.Nodes)
        {
            foreach (var ipv6 in new[] { false, true })
            {
                var rules = ProxierCompiler.Compile(world, node, ipv6);
                Assert.NotEmpty(RulesText.SaveOutput(rules, new[] { Table.Filter, Table.Nat }, world.Profile.KubeProxy.Flavour));
                Assert.NotEmpty(RulesText.RestoreInput(rules, new[] { Table.Filter, Table.Nat }));
            }
        }

        var simulator = new FlowSimulator(world);
        foreach (var service in world.Services)
        {
            foreach (var flow in simulator.Explain(service).Ports.SelectMany(port => port.Entries).SelectMany(entry => entry.Origins))
            {
                Assert.Equal(1.0, flow.Outcomes.Sum(outcome => outcome.Probability), 9);
            }
        }
    }
}
