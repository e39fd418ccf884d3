using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kubepath.Analyzers.Tests;

/// <summary>
/// The analyzer reads manifests built with k8s.Models and reports the engine's findings on the C# that set the
/// offending value, with the CLI's IDs and messages.
/// </summary>
public class ExtractionTests
{
    [Fact]
    public async Task A_field_without_effect_is_reported_on_its_assignment()
    {
        var diagnostics = await AnalyzerRun.Diagnostics("""
            using k8s.Models;
            using System.Collections.Generic;

            public static class Manifests
            {
                public static V1Service Web() => new V1Service
                {
                    Metadata = new V1ObjectMeta { Name = "web" },
                    Spec = new V1ServiceSpec
                    {
                        Selector = new Dictionary<string, string> { ["app"] = "web" },
                        Ports = new List<V1ServicePort> { new V1ServicePort { Name = "http", Port = 80 } },
                        ExternalTrafficPolicy = "Local",
                    },
                };
            }
            """);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "KP4004");
        Assert.Equal("KP4004 Program.cs:13:13 ExternalTrafficPolicy = \"Local\"", AnalyzerRun.Describe(diagnostic));
        Assert.StartsWith("default/web: externalTrafficPolicy applies to NodePort, LoadBalancer and external-IP traffic only", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("https://kubepath.io/rules/KP4004", diagnostic.Descriptor.HelpLinkUri);
    }

    [Fact]
    public async Task Findings_land_in_a_file_whose_path_has_backslashes()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsIn(@"C:\src\Shop\Manifests.cs", """
            using k8s.Models;

            public static class Manifests
            {
                public static V1Service Web() => new V1Service
                {
                    Metadata = new V1ObjectMeta { Name = "web" },
                    Spec = new V1ServiceSpec { ExternalTrafficPolicy = "Local" },
                };
            }
            """);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "KP4004");
        Assert.Equal(@"C:\src\Shop\Manifests.cs", diagnostic.Location.SourceTree?.FilePath);
        Assert.Equal(8, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public async Task An_object_made_twice_is_reported_on_the_second_with_the_C_sharp_that_named_the_first()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsIn("src/Manifests.cs", """
            using k8s.Models;

            public static class Manifests
            {
                public static V1Service Web() => new V1Service { Metadata = new V1ObjectMeta { Name = "web" } };

                public static V1Service Again() => new V1Service { Metadata = new V1ObjectMeta { Name = "web" } };
            }
            """);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "KP9008");
        Assert.Equal("KP9008 Manifests.cs:7:86 Name = \"web\"", AnalyzerRun.Describe(diagnostic));
        Assert.Equal(
            "Service default/web is defined more than once: first at src/Manifests.cs(5,84); the later definition replaces the earlier one when both are applied",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Objects_made_anywhere_an_expression_goes_are_found_even_in_an_array_s_size()
    {
        var diagnostics = await AnalyzerRun.Diagnostics("""
            using System;
            using k8s.Models;

            public static class Manifests
            {
                [Obsolete("kept for the old publisher")]
                public static int[] Slots(int extra = 2) => new int[Register(new V1Service
                {
                    Metadata = new V1ObjectMeta { Name = "web" },
                    Spec = new V1ServiceSpec { ExternalTrafficPolicy = "Local" },
                }) + extra];

                public static Func<V1Service> Later => () => new V1Service
                {
                    Metadata = new V1ObjectMeta { Name = "api" },
                    Spec = new V1ServiceSpec { ExternalTrafficPolicy = "Local" },
                };

                private static int Register(V1Service service) => 1;
            }
            """);

        Assert.Equal(
            new[] { "KP4004 Program.cs:10:36 ExternalTrafficPolicy = \"Local\"", "KP4004 Program.cs:16:36 ExternalTrafficPolicy = \"Local\"" },
            diagnostics.Where(d => d.Id == "KP4004").Select(AnalyzerRun.Describe));
    }

    [Fact]
    public async Task A_file_analysed_again_by_its_host_gives_its_objects_once()
    {
        // An IDE asks for one file's findings, then for the whole compilation's, of the same analysis.
        var tree = CSharpSyntaxTree.ParseText("""
            using k8s.Models;

            public static class Manifests
            {
                public static V1Service Web() => new V1Service
                {
                    Metadata = new V1ObjectMeta { Name = "web" },
                    Spec = new V1ServiceSpec { Type = "ClusterIP", ExternalTrafficPolicy = "Local" },
                };
            }
            """, path: "Manifests.cs");
        var compilation = CSharpCompilation.Create(
            "Manifests",
            [CSharpSyntaxTree.ParseText(KubernetesModels.Source, path: "Models.cs"), tree],
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analysis = compilation.WithAnalyzers([new KubepathAnalyzer()]);

        await analysis.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);
        await analysis.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: tree.GetRoot().FullSpan, CancellationToken.None);
        var diagnostics = await analysis.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.Equal(new[] { "KP4004 Manifests.cs:8:56 ExternalTrafficPolicy = \"Local\"" }, diagnostics.Select(AnalyzerRun.Describe));
    }

    [Fact]
    public async Task Objects_of_two_files_without_a_path_are_each_located_in_their_own()
    {
        static string Source(string name) => $$"""
            using k8s.Models;

            public static class {{name}}
            {
                public static V1Service Web() => new V1Service
                {
                    Metadata = new V1ObjectMeta { Name = "{{name.ToLowerInvariant()}}" },
                    Spec = new V1ServiceSpec { ExternalTrafficPolicy = "Local" },
                };
            }
            """;

        var diagnostics = await AnalyzerRun.DiagnosticsInTrees([(string.Empty, Source("First")), (string.Empty, Source("Second"))]);

        var found = diagnostics.Where(d => d.Id == "KP4004").ToList();
        Assert.Equal(2, found.Count);
        Assert.Equal(
            new[] { "default/first in First", "default/second in Second" },
            found.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split(':')[0] + " in " +
                d.Location.SourceTree!.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>().Single().Identifier.Text)
            .Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Constants_locals_and_assignments_after_construction_are_followed()
    {
        var diagnostics = await AnalyzerRun.Diagnostics("""
            using k8s.Models;
            using System.Collections.Generic;

            public static class Manifests
            {
                private const string App = "web";

                public static V1Service Web()
                {
                    var port = new V1ServicePort { Name = nameof(App), Port = 80 };
                    var service = new V1Service
                    {
                        Metadata = new V1ObjectMeta { Name = $"{App}-svc" },
                        Spec = new V1ServiceSpec { Ports = new List<V1ServicePort> { port } },
                    };
                    service.Spec.InternalTrafficPolicy = "Local";
                    service.Spec.Type = "ExternalName";
                    return service;
                }
            }
            """);

        Assert.Equal(
            ["KP4004 Program.cs:16:9 service.Spec.InternalTrafficPolicy = \"Local\""],
            diagnostics.Where(d => d.Id == "KP4004").Select(AnalyzerRun.Describe));
        Assert.Contains("default/web-svc", diagnostics.Single(d => d.Id == "KP4004").GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Target_typed_new_and_qualified_names_are_read_too()
    {
        var diagnostics = await AnalyzerRun.Diagnostics("""
            using System.Collections.Generic;

            public static class Manifests
            {
                public static k8s.Models.V1Service Web() => new()
                {
                    Metadata = new() { Name = "web" },
                    Spec = new() { Ports = new List<k8s.Models.V1ServicePort> { new() { Port = 80 } }, ExternalTrafficPolicy = "Local" },
                };

                public static k8s.Models.V1Service Api()
                {
                    var service = new k8s.Models.V1Service { Metadata = new() { Name = "api" }, Spec = new() };
                    service.Spec.InternalTrafficPolicy = "Local";
                    service.Spec.Type = "ExternalName";
                    return service;
                }
            }
            """);

        Assert.Equal(
            ["KP4004 Program.cs:8:92 ExternalTrafficPolicy = \"Local\"", "KP4004 Program.cs:14:9 service.Spec.InternalTrafficPolicy = \"Local\""],
            diagnostics.Where(d => d.Id == "KP4004").Select(AnalyzerRun.Describe));
    }

    [Fact]
    public async Task Objects_are_known_by_their_type_whatever_their_syntax_names_or_their_initializer_sets()
    {
        var diagnostics = await AnalyzerRun.Diagnostics("""
            using k8s.Models;
            using Svc = k8s.Models.V1Service;

            public static class Manifests
            {
                public static V1Service Web()
                {
                    V1Service web = new() { Spec = new() { Type = "ExternalName", InternalTrafficPolicy = "Local" } };
                    web.Metadata = new V1ObjectMeta { Name = "web" };
                    return web;
                }

                public static Svc Api()
                {
                    var api = new Svc { Spec = new() { Type = "ExternalName", InternalTrafficPolicy = "Local" } };
                    api.Metadata = new() { Name = "api" };
                    return api;
                }
            }
            """);

        Assert.Equal(
            ["KP4004 Program.cs:8:71 InternalTrafficPolicy = \"Local\"", "KP4004 Program.cs:15:67 InternalTrafficPolicy = \"Local\""],
            diagnostics.Where(d => d.Id == "KP4004").Select(AnalyzerRun.Describe));
    }

    [Fact]
    public async Task Assignments_are_followed_wherever_the_local_is_in_scope_after_its_declaration()
    {
        var diagnostics = await AnalyzerRun.Diagnostics("""
            using System.Collections.Generic;
            using k8s.Models;

            public static class Manifests
            {
                public static IEnumerable<V1Service> All(bool audited)
                {
                    V1Service web = new() { Metadata = new() { Name = "web" }, Spec = new() }, copy = Keep(web.Spec.InternalTrafficPolicy = "Local");
                    if (audited)
                    {
                        web.Spec.Type = "ExternalName";
                    }

                    yield return web;
                    switch (audited)
                    {
                        case true:
                            var api = new V1Service { Metadata = new() { Name = "api" }, Spec = new() };
                            api.Spec.InternalTrafficPolicy = "Local";
                            api.Spec.Type = "ExternalName";
                            yield return api;
                            break;
                    }
                }

                private static V1Service Keep(string value) => null;
            }
            """);

        Assert.Equal(
            ["KP4004 Program.cs:8:96 web.Spec.InternalTrafficPolicy = \"Local\"", "KP4004 Program.cs:19:17 api.Spec.InternalTrafficPolicy = \"Local\""],
            diagnostics.Where(d => d.Id == "KP4004").Select(AnalyzerRun.Describe));
    }

    [Theory]
    [InlineData("// <auto-generated/>\n", "")]
    [InlineData("", "[System.CodeDom.Compiler.GeneratedCode(\"tool\", \"1.0\")]")]
    public async Task Manifests_built_in_generated_code_are_not_analysed(string header, string attribute)
    {
        var diagnostics = await AnalyzerRun.Diagnostics(header + "using k8s.Models;\n" + attribute + """
            public static class Manifests
            {
                public static V1Service Web() => new V1Service
                {
                    Metadata = new V1ObjectMeta { Name = "web" },
                    Spec = new V1ServiceSpec { ExternalTrafficPolicy = "Local" },
                };
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task The_items_of_a_list_object_are_objects_of_their_own()
    {
        var diagnostics = await AnalyzerRun.Diagnostics("""
            using k8s.Models;
            using System.Collections.Generic;

            public static class Manifests
            {
                public static V1ServiceList All() => new V1ServiceList
                {
                    Items = new List<V1Service>
                    {
                        new V1Service { Metadata = new V1ObjectMeta { Name = "web" }, Spec = new V1ServiceSpec { ExternalTrafficPolicy = "Local" } },
                    },
                };
            }
            """);

        Assert.Equal(["KP4004 Program.cs:10:102 ExternalTrafficPolicy = \"Local\""], diagnostics.Where(d => d.Id == "KP4004").Select(AnalyzerRun.Describe));
    }

    [Fact]
    public async Task Rules_across_objects_see_C_sharp_and_YAML_together()
    {
        var diagnostics = await AnalyzerRun.Diagnostics(
            """
            using k8s.Models;
            using System.Collections.Generic;

            public static class Manifests
            {
                public static V1Service Web() => new V1Service
                {
                    Metadata = new V1ObjectMeta { Name = "web" },
                    Spec = new V1ServiceSpec
                    {
                        Selector = new Dictionary<string, string> { { "app", "web" } },
                        Ports = new List<V1ServicePort> { new V1ServicePort { Name = "http", Port = 80, TargetPort = "http" } },
                    },
                };
            }
            """,
            ("deploy/web.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: web, image: nginx, ports: [{name: web, containerPort: 8080}]}]}
                """));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("KP2002 Program.cs:12:93 TargetPort = \"http\"", AnalyzerRun.Describe(diagnostic));
    }

    [Theory]
    [InlineData("deploy/svc.yaml")]
    [InlineData("./deploy/svc.yaml")]
    [InlineData("deploy\\svc.yaml")]
    public async Task Problems_in_YAML_additional_files_are_located_in_those_files(string path)
    {
        var diagnostics = await AnalyzerRun.Diagnostics(
            "public static class Empty { }",
            (path, "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  externalTrafficPolcy: Local\n  ports: [{port: 80}]\n"));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("KP9015", diagnostic.Id);
        Assert.Equal(path, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public async Task MetalLB_resources_declared_as_custom_resource_classes_take_part()
    {
        var diagnostics = await AnalyzerRun.Diagnostics(KubernetesModels.MetalLBResources + """
            public static class Manifests
            {
                public static IPAddressPool Pool() => new IPAddressPool
                {
                    Metadata = new V1ObjectMeta { Name = "public", NamespaceProperty = "metallb-system" },
                    Spec = new PoolSpec { Addresses = new List<string> { "192.0.2.0/28" }, AutoAssign = true },
                };

                public static L2Advertisement Announce() => new L2Advertisement
                {
                    ApiVersion = "metallb.io/v1beta1",
                    Kind = "L2Advertisement",
                    Metadata = new V1ObjectMeta { Name = "all", NamespaceProperty = "metallb-system" },
                };

                public static V1Service Web() => new V1Service
                {
                    Metadata = new V1ObjectMeta { Name = "web" },
                    Spec = new V1ServiceSpec
                    {
                        Type = "LoadBalancer",
                        LoadBalancerIP = "198.51.100.7",
                        Ports = new List<V1ServicePort> { new V1ServicePort { Port = 80 } },
                    },
                };
            }
            """);

        // The pool is read (its address is not the one requested) and announced (no KP3001): both objects were built.
        Assert.Equal(
            ["KP3002 Program.cs:47:13 LoadBalancerIP = \"198.51.100.7\""],
            diagnostics.Where(d => d.Id.StartsWith("KP3", StringComparison.Ordinal) && d.Id != "KP3009").Select(AnalyzerRun.Describe));
        Assert.Contains("in no IPAddressPool (public 192.0.2.0-192.0.2.15)", diagnostics.Single(d => d.Id == "KP3002").GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overlapping_pools_built_in_C_sharp_are_reported_on_their_addresses()
    {
        var diagnostics = await AnalyzerRun.Diagnostics(KubernetesModels.MetalLBResources + """
            public static class Manifests
            {
                public static IPAddressPool[] Pools() => new[]
                {
                    new IPAddressPool
                    {
                        Metadata = new V1ObjectMeta { Name = "a", NamespaceProperty = "metallb-system" },
                        Spec = new PoolSpec { Addresses = new List<string> { "192.0.2.0/28" } },
                    },
                    new IPAddressPool
                    {
                        Metadata = new V1ObjectMeta { Name = "b", NamespaceProperty = "metallb-system" },
                        Spec = new PoolSpec { Addresses = new List<string> { "192.0.2.8-192.0.2.20" } },
                    },
                };

                public static L2Advertisement Announce() => new L2Advertisement
                {
                    ApiVersion = "metallb.io/v1beta1",
                    Kind = "L2Advertisement",
                    Metadata = new V1ObjectMeta { Name = "all", NamespaceProperty = "metallb-system" },
                };
            }
            """);

        Assert.Equal(["KP3004 Program.cs:38:66 \"192.0.2.8-192.0.2.20\""], diagnostics.Select(AnalyzerRun.Describe));
    }

    [Fact]
    public async Task A_custom_resource_of_a_generic_class_is_what_its_class_says_whatever_its_type_argument()
    {
        var diagnostics = await AnalyzerRun.Diagnostics("""
            using k8s;
            using k8s.Models;
            using System.Collections.Generic;

            [KubernetesEntity(Group = "metallb.io", ApiVersion = "v1beta1", Kind = "IPAddressPool", PluralName = "ipaddresspools")]
            public class Resource<TSpec> : IKubernetesObject<V1ObjectMeta>
            {
                public string ApiVersion { get; set; }
                public string Kind { get; set; }
                public V1ObjectMeta Metadata { get; set; }
                public TSpec Spec { get; set; }
            }

            public class Ranges
            {
                public List<string> Addresses { get; set; }
            }

            public class MoreRanges
            {
                public List<string> Addresses { get; set; }
            }

            public static class Manifests
            {
                public static Resource<Ranges> A() => new Resource<Ranges>
                {
                    Metadata = new V1ObjectMeta { Name = "a", NamespaceProperty = "metallb-system" },
                    Spec = new Ranges { Addresses = new List<string> { "192.0.2.0/28" } },
                };

                public static Resource<MoreRanges> B() => new Resource<MoreRanges>
                {
                    Metadata = new V1ObjectMeta { Name = "b", NamespaceProperty = "metallb-system" },
                    Spec = new MoreRanges { Addresses = new List<string> { "192.0.2.8-192.0.2.20" } },
                };

                public static List<Resource<Ranges>> None() => new List<Resource<Ranges>>();
            }
            """);

        // Both pools are read (neither is announced: KP3001), and they overlap.
        Assert.Equal(
            ["KP3001 Program.cs:28:39 Name = \"a\"", "KP3001 Program.cs:34:39 Name = \"b\"", "KP3004 Program.cs:35:64 \"192.0.2.8-192.0.2.20\""],
            diagnostics.Select(AnalyzerRun.Describe));
    }

    [Fact]
    public async Task A_pool_built_from_run_time_values_leaves_MetalLB_s_predictions_unsaid()
    {
        var diagnostics = await AnalyzerRun.Diagnostics(KubernetesModels.MetalLBResources + """
            public static class Manifests
            {
                public static IPAddressPool Pool(string range) => new IPAddressPool
                {
                    Metadata = new V1ObjectMeta { Name = "dynamic", NamespaceProperty = "metallb-system" },
                    Spec = new PoolSpec { Addresses = new List<string> { range } },
                };

                public static V1Service Web() => new V1Service
                {
                    Metadata = new V1ObjectMeta { Name = "web" },
                    Spec = new V1ServiceSpec
                    {
                        Type = "LoadBalancer",
                        LoadBalancerIP = "198.51.100.7",
                        Ports = new List<V1ServicePort> { new V1ServicePort { Port = 80 } },
                    },
                };
            }
            """);

        // Whether the pool holds 198.51.100.7, or is announced, depends on the caller: no KP3002, KP3001 or KP3012.
        // What reads only the Service still holds, and the unknown address list is not a type error.
        Assert.Equal(["KP3009"], diagnostics.Select(d => d.Id));
    }

    [Fact]
    public async Task Other_custom_resources_and_resources_of_unknown_kind_are_ignored()
    {
        var diagnostics = await AnalyzerRun.Diagnostics("""
            using k8s;
            using k8s.Models;

            [KubernetesEntity(Group = "cert-manager.io", ApiVersion = "v1", Kind = "Certificate", PluralName = "certificates")]
            public class Certificate : IKubernetesObject<V1ObjectMeta>
            {
                public string ApiVersion { get; set; }
                public string Kind { get; set; }
                public V1ObjectMeta Metadata { get; set; }
            }

            public class Untyped : KubernetesObject
            {
            }

            public static class Manifests
            {
                public static Certificate Cert() => new Certificate { Metadata = new V1ObjectMeta { Name = "tls" } };

                public static Untyped Unknown(string kind) => new Untyped { Kind = kind };
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task A_compilation_without_the_models_or_manifests_gets_nothing()
    {
        Assert.Empty(await AnalyzerRun.Diagnostics("public static class Empty { }"));
    }

    [Fact]
    public async Task Values_that_are_not_known_at_compile_time_are_left_out_not_guessed()
    {
        var diagnostics = await AnalyzerRun.Diagnostics("""
            using k8s.Models;

            public static class Manifests
            {
                public static V1Service Web(string policy) => new V1Service
                {
                    Metadata = new V1ObjectMeta { Name = "web" },
                    Spec = new V1ServiceSpec { ExternalTrafficPolicy = policy },
                };
            }
            """);

        Assert.DoesNotContain(diagnostics, d => d.Id == "KP4004");
    }

    [Fact]
    public async Task A_workload_built_from_run_time_values_is_not_taken_for_missing_pods()
    {
        var diagnostics = await AnalyzerRun.Diagnostics("""
            using k8s.Models;
            using System.Collections.Generic;

            public static class Manifests
            {
                public static V1Deployment Deployment(string app) => new V1Deployment
                {
                    Metadata = new V1ObjectMeta { Name = app },
                    Spec = new V1DeploymentSpec
                    {
                        Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = app } },
                        Template = new V1PodTemplateSpec { Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = app } } },
                    },
                };

                public static V1Service Service() => new V1Service
                {
                    Metadata = new V1ObjectMeta { Name = "web" },
                    Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "web" }, Ports = new List<V1ServicePort> { new V1ServicePort { Port = 80 } } },
                };
            }
            """);

        // Without the run-time labels, "the selector matches no pod" (KP2001) would be a guess.
        Assert.DoesNotContain(diagnostics, d => d.Id == "KP2001");
    }

    [Fact]
    public async Task A_settings_file_among_the_additional_files_applies_and_its_mistakes_are_located_in_it()
    {
        const string Source = """
            using k8s.Models;

            public static class Manifests
            {
                public static V1Service Web() => new V1Service { Metadata = new V1ObjectMeta { Name = "web" }, Spec = new V1ServiceSpec { ExternalTrafficPolicy = "Local" } };
            }
            """;

        Assert.Empty(await AnalyzerRun.Diagnostics(Source, (".kubepath.yaml", "apiVersion: kubepath.io/v1alpha1\nkind: Config\nrules: {KP4004: off}\n")));

        var diagnostics = await AnalyzerRun.Diagnostics(Source, (".kubepath.yaml", "apiVersion: kubepath.io/v1alpha1\nkind: Config\nprofile: k4s\n"));
        Assert.Equal(["KP4004 Program.cs:5:127 ExternalTrafficPolicy = \"Local\"", "KP9004 .kubepath.yaml:3:10 "], diagnostics.Select(AnalyzerRun.Describe).Order(StringComparer.Ordinal));
    }
}
