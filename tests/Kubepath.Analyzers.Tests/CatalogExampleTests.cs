using System.Collections.Generic;
using Basic.Reference.Assemblies;
using Kubepath.Engine.Rules;
using Kubepath.Engine.World;
using Kubepath.Manifests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Kubepath.Analyzers.Tests;

/// <summary>
/// Every rule through the analyzer, with Microsoft.CodeAnalysis.Testing: each catalogue example, passed as a YAML
/// additional file (with the cluster it needs given by a .kubepath.yaml), gives in the IDE exactly what the engine
/// gives on the command line: the same IDs, severities, messages and spans, nothing more.
/// </summary>
public class CatalogExampleTests
{
    private const string Example = "deploy/example.yaml";

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
    public async Task A_rule_example_gives_in_the_IDE_what_it_gives_on_the_command_line(string id, int index)
    {
        var example = RuleCatalog.Get(id).Examples[index];
        var cluster = BuiltInProfiles.Find(example.Profile)!;
        var files = new List<(string Path, string Text)> { (Example, example.Manifest) };
        if (example.Kubernetes is { } version)
        {
            cluster = cluster with { KubeProxy = cluster.KubeProxy with { Version = KubeVersion.Parse(version) } };
            files.Add(("deploy/.kubepath.yaml", "apiVersion: kubepath.io/v1alpha1\nkind: Config\nprofile: cluster.yaml\n"));
            files.Add(("deploy/cluster.yaml", $"apiVersion: kubepath.io/v1alpha1\nkind: ClusterProfile\nmetadata: {{name: example}}\nspec: {{base: {example.Profile}, kubeProxy: {{version: \"{version}\"}}}}\n"));
        }
        else if (example.Profile != "k3s")
        {
            files.Add(("deploy/.kubepath.yaml", $"apiVersion: kubepath.io/v1alpha1\nkind: Config\nprofile: {example.Profile}\n"));
        }

        // What the command line reports for the example.
        var manifests = new ManifestLoader().LoadText(Example, example.Manifest);
        var expected = manifests.Diagnostics.Concat(RuleRunner.Run(WorldBuilder.Build(manifests, cluster))).ToList();
        Assert.Equal(example.Bad ? 1 : 0, expected.Count(d => d.Id == id));

        var test = new CSharpAnalyzerTest<KubepathAnalyzer, DefaultVerifier>
        {
            TestCode = "public static class Empty { }",
            ReferenceAssemblies = new ReferenceAssemblies("net8.0"),
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.AdditionalReferences.AddRange(Net80.References.All);
        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add((file.Path, file.Text));
        }

        foreach (var diagnostic in expected)
        {
            test.ExpectedDiagnostics.Add(new DiagnosticResult(diagnostic.Id, Severity(diagnostic.Severity))
                .WithSpan(Example, diagnostic.Span.Start.Line, diagnostic.Span.Start.Column, diagnostic.Span.End.Line, diagnostic.Span.End.Column)
                .WithArguments(diagnostic.Message));
        }

        await test.RunAsync();
    }

    private static DiagnosticSeverity Severity(Kubepath.Model.DiagnosticSeverity severity) => severity switch
    {
        Kubepath.Model.DiagnosticSeverity.Error => DiagnosticSeverity.Error,
        Kubepath.Model.DiagnosticSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };
}
