using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kubepath.Analyzers.Tests;

/// <summary>
/// An analyzer never throws: on generated programs that build manifests every way C# allows (and many it does not),
/// cut off at arbitrary points, the analyzer reports no exception and no internal error.
/// </summary>
public class RobustnessTests
{
    private static readonly string[] Values =
    [
        "\"Local\"", "\"Cluster\"", "\"NodePort\"", "\"LoadBalancer\"", "80", "8080", "\"http\"", "null", "x", "Name", "nameof(Manifests)",
        "$\"{Const}-svc\"", "Const", "1.5", "true", "new object()", "GetValue()", "args[0]", "default", "(string)null", "\"\\u0000\"",
        "\"metallb.io/v1beta1\"", "\"IPAddressPool\"", "\"L2Advertisement\"", "\"192.0.2.0/28\"", "\"10.0.0.1-10.0.0.0\"", "new List<string> { x }",
    ];

    private static readonly string[] Properties =
    [
        "Type", "ExternalTrafficPolicy", "InternalTrafficPolicy", "LoadBalancerIP", "Selector", "Ports", "Name", "Port", "TargetPort", "Replicas",
        "Metadata", "Spec", "Template", "Containers", "Labels", "Annotations", "Unknown", "Addresses", "AutoAssign", "ApiVersion", "Kind",
    ];

    [Fact]
    public async Task Generated_and_broken_programs_never_make_it_throw()
    {
        var random = new Random(20261127);
        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Add(exception.ToString()),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var findings = 0;
        for (var round = 0; round < 60; round++)
        {
            var trees = new List<SyntaxTree>
            {
                CSharpSyntaxTree.ParseText(KubernetesModels.Source, path: "Models.cs"),
                CSharpSyntaxTree.ParseText(KubernetesModels.MetalLBResources, path: "MetalLB.cs"),
            };
            for (var file = 0; file < 5; file++)
            {
                var source = Program(random);
                // Every other file is cut off somewhere: unbalanced braces, half-written initializers.
                if (random.Next(2) == 0)
                {
                    source = source[..random.Next(source.Length)];
                }

                trees.Add(CSharpSyntaxTree.ParseText(source, path: $"File{file}.cs"));
            }

            var compilation = CSharpCompilation.Create("Robust" + round, trees, Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var diagnostics = await compilation.WithAnalyzers([new KubepathAnalyzer()], options).GetAnalyzerDiagnosticsAsync();

            Assert.DoesNotContain(diagnostics, d => d.Id is "KP9014" or "AD0001");
            findings += diagnostics.Count(d => d.Id.StartsWith("KP", StringComparison.Ordinal));
        }

        Assert.Empty(exceptions);
        // The programs are not all noise: the analyzer found manifests in them and reported on them.
        Assert.True(findings > 0);
    }

    private static string Program(Random random)
    {
        var text = new StringBuilder("using System.Collections.Generic;\nusing k8s.Models;\n\npublic static class Manifests\n{\n    private const string Const = \"web\";\n    private static string GetValue() => \"v\";\n");
        for (var method = 0; method < 4; method++)
        {
            text.Append("    public static object M").Append(method).Append("(string x, string[] args)\n    {\n");
            text.Append("        var s = ").Append(Creation(random, 0)).Append(";\n");
            for (var statement = random.Next(4); statement > 0; statement--)
            {
                text.Append("        s.").Append(Pick(random, Properties)).Append(random.Next(3) == 0 ? ".Type" : string.Empty).Append(" = ").Append(Pick(random, Values)).Append(";\n");
            }

            text.Append(random.Next(3) == 0 ? "        s = null;\n" : string.Empty);
            text.Append("        return s;\n    }\n");
        }

        return text.Append("}\n").ToString();
    }

    private static string Creation(Random random, int depth)
    {
        var types = new[]
        {
            "V1Service", "V1Deployment", "V1ServiceSpec", "V1ObjectMeta", "V1ServicePort", "List<V1ServicePort>", "Dictionary<string, string>", "V1PodTemplateSpec", "IntOrString",
            "IPAddressPool", "L2Advertisement", "PoolSpec", string.Empty,
        };
        var type = Pick(random, types);
        var members = new List<string>();
        for (var i = random.Next(5); i > 0; i--)
        {
            members.Add(random.Next(4) switch
            {
                0 when depth < 4 => Pick(random, Properties) + " = " + Creation(random, depth + 1),
                1 => "[" + Pick(random, Values) + "] = " + Pick(random, Values),
                2 => "{ " + Pick(random, Values) + ", " + Pick(random, Values) + " }",
                _ => Pick(random, Properties) + " = " + Pick(random, Values),
            });
        }

        // An empty type is a target-typed new().
        return "new " + type + (type.Length == 0 || random.Next(2) == 0 ? "()" : string.Empty) + " { " + string.Join(", ", members) + " }";
    }

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];
}
