using System.Collections.Generic;
using Kubepath.Engine.Rules;

namespace Kubepath.Analyzers.Tests;

/// <summary>
/// Every rule through the analyzer: each catalogue example, passed as a YAML additional file, gives in the IDE what it
/// gives on the command line (its rule once, at its line, for a bad example; nothing of that rule for a good one).
/// </summary>
public class CatalogExampleTests
{
    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var rule in RuleCatalog.All)
        {
            for (var i = 0; i < rule.Examples.Count; i++)
            {
                data.Add(rule.Id, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task A_rule_example_gives_the_same_finding_in_the_IDE(string id, int index)
    {
        var example = RuleCatalog.Get(id).Examples[index];

        // The example's cluster, as a project gives it to the analyzer: a .kubepath.yaml naming a profile, here a
        // ClusterProfile file when the example needs another Kubernetes version.
        var files = new List<(string Path, string Text)> { ("deploy/example.yaml", example.Manifest) };
        if (example.Kubernetes is { } version)
        {
            files.Add(("deploy/.kubepath.yaml", "apiVersion: kubepath.io/v1alpha1\nkind: Config\nprofile: cluster.yaml\n"));
            files.Add(("deploy/cluster.yaml", $"apiVersion: kubepath.io/v1alpha1\nkind: ClusterProfile\nmetadata: {{name: example}}\nspec: {{base: {example.Profile}, kubeProxy: {{version: \"{version}\"}}}}\n"));
        }
        else if (example.Profile != "k3s")
        {
            files.Add(("deploy/.kubepath.yaml", $"apiVersion: kubepath.io/v1alpha1\nkind: Config\nprofile: {example.Profile}\n"));
        }

        var diagnostics = await AnalyzerRun.Diagnostics("public static class Empty { }", [.. files]);
        Assert.DoesNotContain(diagnostics, d => d.Location.GetLineSpan().Path != "deploy/example.yaml");

        var found = diagnostics.Where(d => d.Id == id).ToList();
        if (example.Bad)
        {
            var diagnostic = Assert.Single(found);
            Assert.Equal("deploy/example.yaml", diagnostic.Location.GetLineSpan().Path);
            Assert.Equal(example.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
            Assert.Equal(RuleCatalog.Get(id).HelpUri, diagnostic.Descriptor.HelpLinkUri);
        }
        else
        {
            Assert.Empty(found);
        }
    }

    [Fact]
    public void Every_rule_has_an_example_the_analyzer_runs()
    {
        var covered = Examples().Select(row => (string)row[0]).Distinct();
        Assert.Equal(RuleCatalog.All.Select(rule => rule.Id), covered.Order(StringComparer.Ordinal));
    }
}
