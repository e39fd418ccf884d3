using Kubepath.Engine.Rules;
using Kubepath.Engine.World;
using Kubepath.Manifests;

namespace Kubepath.Engine.Tests.Corpus;

/// <summary>
/// What the datapath rules find in real manifests (../shared/corpus/k8s, each source as one cluster on the k3s
/// profile), against the reviewed list in Approved/findings.txt: a rule change that makes something fire or stop
/// firing on real manifests is a reviewed change. KUBEPATH_APPROVE=1 rewrites the list.
/// </summary>
public class CorpusFindingsTests
{
    private static readonly string[] Sources = { "cloud-provider-kind", "istio", "kube-prometheus", "kubernetes-engine-samples", "kubernetes-examples", "kubernetes-website", "metallb" };

    [Fact]
    public void Findings_on_real_manifests_are_the_reviewed_ones()
    {
        var corpus = SharedFolder.Require("corpus/k8s");
        if (corpus is null)
        {
            return;
        }

        var lines = new List<string>();
        foreach (var source in Sources)
        {
            var root = Path.Combine(corpus, source);
            var world = WorldBuilder.Build(new ManifestLoader().Load(root), BuiltInProfiles.K3s);
            foreach (var finding in RuleRunner.Run(world))
            {
                var file = Path.GetRelativePath(corpus, finding.Span.File).Replace('\\', '/');
                lines.Add($"{file}:{finding.Span.Start.Line}:{finding.Span.Start.Column}: {finding.Severity.ToString().ToLowerInvariant()} {finding.Id}: {finding.Message}");
            }
        }

        var actual = string.Join("\n", lines) + "\n";
        var approved = Path.Combine(Repository.Root, "tests", "Kubepath.Engine.Tests", "Corpus", "Approved", "findings.txt");
        if (Environment.GetEnvironmentVariable("KUBEPATH_APPROVE") == "1")
        {
            File.WriteAllText(approved, actual);
        }

        Assert.Equal(File.ReadAllText(approved), actual);
    }
}
