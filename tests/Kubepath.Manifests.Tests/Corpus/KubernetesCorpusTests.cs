using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Kubepath.Model;
using Xunit.Abstractions;

namespace Kubepath.Manifests.Tests.Corpus;

/// <summary>
/// Every file of ../shared/corpus/k8s (1,506 real manifests and 12 unrendered templates) loads without an
/// exception, and the objects loaded match the counts its SOURCES.md lists per source.
/// </summary>
public class KubernetesCorpusTests(ITestOutputHelper output)
{
    /// <summary>
    /// Files PyYAML (a YAML 1.1 reader) rejects but YAML 1.2 and Kubernetes' own reader (go-yaml, a port of
    /// libyaml) accept. SOURCES.md counts nothing from them; Kubepath loads them, as kubectl would.
    /// </summary>
    private static readonly Dictionary<string, string> AcceptedBeyondPyYaml = new()
    {
        ["kubernetes-engine-samples/ai-ml/vllm-tpu/vllm-llama3-70b.yaml"] = "a tab after the plain scalar 'LoadBalancer' is trailing white space",
        ["kube-prometheus/manifests/setup/0alertmanagerConfigCustomResourceDefinition.yaml"] = "the plain scalar '=' in '- =' is valid YAML 1.2",
    };

    private static readonly string[] CountedColumns = { "Svc", "ClusterIP", "Headless", "NodePort", "LB", "ExtName", "ETP=Local", "ETP=Cluster", "ITP=Local", "Deploy", "STS", "DS", "Pod", "EPSlice", "MetalLB" };

    public static TheoryData<string> Sources()
    {
        var data = new TheoryData<string>();
        foreach (var source in new[] { "cloud-provider-kind", "istio", "kube-prometheus", "kubernetes-engine-samples", "kubernetes-examples", "kubernetes-website", "metallb" })
        {
            data.Add(source);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Loaded_objects_match_the_counts_in_SOURCES_md(string source)
    {
        var corpus = SharedFolder.Require("corpus/k8s");
        if (corpus is null)
        {
            return;
        }

        var expected = ReadSourcesTable(Path.Combine(corpus, "SOURCES.md"))[source];
        var set = new ManifestLoader().Load(Path.Combine(corpus, source));

        // SOURCES.md counts nothing from a file PyYAML rejects; Kubepath still loads the documents around a syntax
        // error, so those files are left out of the comparison (and listed).
        var unparseable = set.Diagnostics.Where(d => d.Id == LoadDiagnostics.YamlSyntax.Id).Select(d => d.Span.File)
            .Concat(AcceptedBeyondPyYaml.Keys.Select(k => Path.Combine(corpus, k).Replace('\\', '/')))
            .ToHashSet();
        foreach (var file in unparseable.Order(StringComparer.Ordinal))
        {
            output.WriteLine($"not counted (syntax error): {file}: {string.Join(", ", set.Objects.Where(o => o.Span.File == file).Select(o => o.Kind.Value + " " + o.Name))}");
        }

        var actual = Count(set with { Objects = set.Objects.Where(o => !unparseable.Contains(o.Span.File)).ToList() });

        Assert.Equal(
            CountedColumns.Select(c => $"{c}={expected[c]}"),
            CountedColumns.Select(c => $"{c}={actual[c]}"));
    }

    [Fact]
    public void Files_only_PyYAML_rejects_load_without_syntax_errors()
    {
        var corpus = SharedFolder.Require("corpus/k8s");
        if (corpus is null)
        {
            return;
        }

        var set = new ManifestLoader().Load(AcceptedBeyondPyYaml.Keys.Select(k => Path.Combine(corpus, k)));
        Assert.DoesNotContain(set.Diagnostics, d => d.Id == LoadDiagnostics.YamlSyntax.Id);
        var service = Assert.Single(set.OfKind<Service>());
        Assert.Equal(ServiceType.LoadBalancer, service.Spec.Type!.Value);
        Assert.Equal(99, service.Spec.Type.Span.Start.Line);
        Assert.Single(set.OfKind<Deployment>());
    }

    [Fact]
    public void Every_templated_file_gets_the_template_diagnostic()
    {
        var templated = SharedFolder.Require("corpus/k8s/templated");
        if (templated is null)
        {
            return;
        }

        var files = Directory.EnumerateFiles(templated, "*.yaml", SearchOption.AllDirectories).ToList();
        var set = new ManifestLoader().Load(templated);
        var flagged = set.Diagnostics.Where(d => d.Id == LoadDiagnostics.UnrenderedTemplate.Id).Select(d => d.Span.File).Distinct().Count();
        Assert.Equal(12, files.Count);
        Assert.Equal(files.Count, flagged);
        Assert.DoesNotContain(set.Objects, o => o is not OpaqueObject);
    }

    [Fact]
    public void The_corpus_loads_the_same_on_every_core_as_on_one()
    {
        var corpus = SharedFolder.Require("corpus/k8s");
        if (corpus is null)
        {
            return;
        }

        static List<string> Describe(ManifestSet set) =>
            set.Files.Select(f => "file " + f.Path)
                .Concat(set.Objects.Select(o => $"{o.Kind.Value} {o.QualifiedName} {o.Span.File}:{o.Span.Start.Line}:{o.Span.Start.Column}-{o.Span.End.Line}:{o.Span.End.Column}"))
                .Concat(set.Diagnostics.Select(d => $"{d.Id} {d.Span.File}:{d.Span.Start.Line}:{d.Span.Start.Column} {d.Message}"))
                .ToList();

        var one = Describe(new ManifestLoader().Load(corpus));
        var every = Describe(new ManifestLoader { UseEveryCore = true }.Load(corpus));

        Assert.True(one.Count > 3000, $"only {one.Count} files, objects and diagnostics");
        Assert.Equal(one, every);
    }

    /// <summary>Every document read, kustomize patches included: SOURCES.md counts the files' documents.</summary>
    private static Dictionary<string, int> Count(ManifestSet set)
    {
        IEnumerable<T> Read<T>() => set.Objects.OfType<T>();
        var services = Read<Service>().ToList();

        // A type written as a placeholder (type: ${SERVICE_TYPE:-ClusterIP}) is no type at all until rendered.
        var placeholderTypes = set.Diagnostics
            .Where(d => d.Id == LoadDiagnostics.UnrenderedTemplate.Id && d.Span.Path.ToString() == "spec.type")
            .ToList();
        var type = (Service s) => placeholderTypes.Any(d => d.Span.File == s.Span.File && d.Span.Start.Offset >= s.Span.Start.Offset && d.Span.Start.Offset < s.Span.End.Offset)
            ? (ServiceType?)null
            : s.Spec.EffectiveType;
        return new Dictionary<string, int>
        {
            ["Svc"] = services.Count,
            ["ClusterIP"] = services.Count(s => type(s) == ServiceType.ClusterIP && !s.Spec.IsHeadless),
            ["Headless"] = services.Count(s => type(s) == ServiceType.ClusterIP && s.Spec.IsHeadless),
            ["NodePort"] = services.Count(s => type(s) == ServiceType.NodePort),
            ["LB"] = services.Count(s => type(s) == ServiceType.LoadBalancer),
            ["ExtName"] = services.Count(s => type(s) == ServiceType.ExternalName),
            ["ETP=Local"] = services.Count(s => s.Spec.ExternalTrafficPolicy?.Value == TrafficPolicy.Local),
            ["ETP=Cluster"] = services.Count(s => s.Spec.ExternalTrafficPolicy?.Value == TrafficPolicy.Cluster),
            ["ITP=Local"] = services.Count(s => s.Spec.InternalTrafficPolicy?.Value == TrafficPolicy.Local),
            ["Deploy"] = Read<Deployment>().Count(),
            ["STS"] = Read<StatefulSet>().Count(),
            ["DS"] = Read<DaemonSet>().Count(),
            ["Pod"] = Read<Pod>().Count(),
            ["EPSlice"] = Read<EndpointSlice>().Count(),
            ["MetalLB"] = set.Objects.Count(o => o is IPAddressPool or Advertisement or Community or BGPPeer or BFDProfile),
        };
    }

    private static Dictionary<string, Dictionary<string, int>> ReadSourcesTable(string path)
    {
        var rows = File.ReadAllLines(path).Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
        var header = Cells(rows[0]);
        return rows.Skip(1)
            .Select(Cells)
            .Where(cells => cells.Count == header.Count && int.TryParse(cells[header.IndexOf("files")], out _))
            .ToDictionary(cells => cells[0].Trim('*'), cells => header.Select((h, i) => (h, i)).Where(x => int.TryParse(cells[x.i], out _)).ToDictionary(x => x.h, x => int.Parse(cells[x.i], System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static List<string> Cells(string row) => row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToList();
}
