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

    [Fact]
    public async Task Problems_in_YAML_additional_files_are_located_in_those_files()
    {
        var diagnostics = await AnalyzerRun.Diagnostics(
            "public static class Empty { }",
            ("deploy/svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  externalTrafficPolcy: Local\n  ports: [{port: 80}]\n"));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("KP9015", diagnostic.Id);
        Assert.Equal("deploy/svc.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
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
