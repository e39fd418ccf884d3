using Basic.Reference.Assemblies;
using Kubepath.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Kubepath.Analyzers.Tests;

/// <summary>Microsoft.CodeAnalysis.Testing: each fix on the C# the diagnostic marks, and fix-all over a file.</summary>
public class CodeFixTests
{
    [Fact]
    public Task A_field_without_effect_is_removed() => Verify<RemoveAssignmentWithoutEffect>(
        """
        using k8s.Models;

        public static class Manifests
        {
            public static V1Service Web() => new V1Service
            {
                Metadata = new V1ObjectMeta { Name = "web" },
                Spec = new V1ServiceSpec
                {
                    Type = "ClusterIP",
                    {|#0:ExternalTrafficPolicy = "Local"|},
                },
            };
        }
        """,
        """
        using k8s.Models;

        public static class Manifests
        {
            public static V1Service Web() => new V1Service
            {
                Metadata = new V1ObjectMeta { Name = "web" },
                Spec = new V1ServiceSpec
                {
                    Type = "ClusterIP",
                },
            };
        }
        """,
        new DiagnosticResult("KP4004", DiagnosticSeverity.Warning).WithLocation(0));

    [Fact]
    public Task Fix_all_removes_every_such_assignment_of_the_file() => Verify<RemoveAssignmentWithoutEffect>(
        """
        using k8s.Models;

        public static class Manifests
        {
            public static V1Service A()
            {
                var service = new V1Service { Metadata = new V1ObjectMeta { Name = "a" }, Spec = new V1ServiceSpec() };
                {|#0:service.Spec.ExternalTrafficPolicy = "Local"|};
                return service;
            }

            public static V1Service B() => new V1Service { Metadata = new V1ObjectMeta { Name = "b" }, Spec = new V1ServiceSpec { Type = "ExternalName", {|#1:InternalTrafficPolicy = "Local"|} } };
        }
        """,
        """
        using k8s.Models;

        public static class Manifests
        {
            public static V1Service A()
            {
                var service = new V1Service { Metadata = new V1ObjectMeta { Name = "a" }, Spec = new V1ServiceSpec() };
                return service;
            }

            public static V1Service B() => new V1Service { Metadata = new V1ObjectMeta { Name = "b" }, Spec = new V1ServiceSpec { Type = "ExternalName" } };
        }
        """,
        new DiagnosticResult("KP4004", DiagnosticSeverity.Warning).WithLocation(0),
        new DiagnosticResult("KP4004", DiagnosticSeverity.Warning).WithLocation(1));

    [Fact]
    public Task A_Service_that_needs_the_client_address_gets_the_Local_policy() => Verify<UseLocalExternalTrafficPolicy>(
        Edge("{|#0:Type = \"NodePort\"|},"),
        Edge("Type = \"NodePort\",", "\n            ExternalTrafficPolicy = \"Local\""),
        new DiagnosticResult("KP1002", DiagnosticSeverity.Warning).WithLocation(0));

    [Fact]
    public Task A_targetPort_no_pod_declares_becomes_one_they_do() => Verify<UseDeclaredTargetPort>(
        Web("{|#0:TargetPort = \"http\"|}"),
        Web("TargetPort = \"web\""),
        new DiagnosticResult("KP2002", DiagnosticSeverity.Warning).WithLocation(0));

    [Fact]
    public Task A_deprecated_loadBalancerIP_moves_to_the_MetalLB_annotation() => Verify<MoveLoadBalancerIPToAnnotation>(
        """
        using k8s.Models;

        public static class Manifests
        {
            public static V1Service Vip() => new V1Service
            {
                Metadata = new V1ObjectMeta { Name = "vip" },
                Spec = new V1ServiceSpec
                {
                    Type = "LoadBalancer",
                    {|#0:LoadBalancerIP = "10.123.123.100"|},
                },
            };
        }
        """,
        """
        using k8s.Models;

        public static class Manifests
        {
            public static V1Service Vip() => new V1Service
            {
                Metadata = new V1ObjectMeta { Name = "vip", Annotations = new System.Collections.Generic.Dictionary<string, string>() { ["metallb.universe.tf/loadBalancerIPs"] = "10.123.123.100" } },
                Spec = new V1ServiceSpec
                {
                    Type = "LoadBalancer",
                },
            };
        }
        """,
        [new DiagnosticResult("KP3009", DiagnosticSeverity.Info).WithLocation(0)],
        ("metallb.yaml", "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: pool, namespace: metallb-system}\nspec: {addresses: [10.123.123.64/26]}\n---\napiVersion: metallb.io/v1beta1\nkind: L2Advertisement\nmetadata: {name: l2, namespace: metallb-system}\n"));

    /// <summary>A Service whose port targets <paramref name="target"/>, and the Deployment it selects, whose container port is named web.</summary>
    private static string Web(string target) => $$"""
        using System.Collections.Generic;
        using k8s.Models;

        public static class Manifests
        {
            public static V1Service Service() => new V1Service
            {
                Metadata = new V1ObjectMeta { Name = "web" },
                Spec = new V1ServiceSpec
                {
                    Selector = new Dictionary<string, string> { ["app"] = "web" },
                    Ports = new List<V1ServicePort> { new V1ServicePort { Name = "http", Port = 80, {{target}} } },
                },
            };

            public static V1Deployment Deployment() => new V1Deployment
            {
                Metadata = new V1ObjectMeta { Name = "web" },
                Spec = new V1DeploymentSpec
                {
                    Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
                    Template = new V1PodTemplateSpec
                    {
                        Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } },
                        Spec = new V1PodSpec { Containers = new List<V1Container> { new V1Container { Name = "web", Image = "nginx", Ports = new List<V1ContainerPort> { new V1ContainerPort { Name = "web", ContainerPort = 8080 } } } } },
                    },
                },
            };
        }
        """;

    /// <summary>A NodePort Service whose annotation says its backends need the client's address, and its 3 pods.</summary>
    private static string Edge(string spec, string end = "") => $$"""
        using System.Collections.Generic;
        using k8s.Models;

        public static class Manifests
        {
            public static V1Service Service() => new V1Service
            {
                Metadata = new V1ObjectMeta { Name = "edge", Annotations = new Dictionary<string, string> { ["kubepath.io/requires-client-ip"] = "true" } },
                Spec = new V1ServiceSpec
                {
                    {{spec}}
                    Selector = new Dictionary<string, string> { ["app"] = "edge" },
                    Ports = new List<V1ServicePort> { new V1ServicePort { Name = "http", Port = 80 } },{{end}}
                },
            };

            public static V1Deployment Deployment() => new V1Deployment
            {
                Metadata = new V1ObjectMeta { Name = "edge" },
                Spec = new V1DeploymentSpec
                {
                    Replicas = 3,
                    Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "edge" } },
                    Template = new V1PodTemplateSpec
                    {
                        Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "edge" } },
                        Spec = new V1PodSpec { Containers = new List<V1Container> { new V1Container { Name = "edge", Image = "nginx" } } },
                    },
                },
            };
        }
        """;

    private static Task Verify<TFix>(string source, string fixedSource, params DiagnosticResult[] expected)
        where TFix : CodeFixProvider, new() => Verify<TFix>(source, fixedSource, expected, []);

    private static async Task Verify<TFix>(string source, string fixedSource, DiagnosticResult[] expected, params (string Path, string Text)[] additionalFiles)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<KubepathAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            // Reference assemblies from a package: no download at test time.
            ReferenceAssemblies = new ReferenceAssemblies("net8.0"),
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.Sources.Add(("Models.cs", KubernetesModels.Source));
        test.FixedState.Sources.Add(("Models.cs", KubernetesModels.Source));
        test.TestState.AdditionalReferences.AddRange(Net80.References.All);
        test.FixedState.AdditionalReferences.AddRange(Net80.References.All);
        test.ExpectedDiagnostics.AddRange(expected);
        foreach (var file in additionalFiles)
        {
            test.TestState.AdditionalFiles.Add((file.Path, file.Text));
            test.FixedState.AdditionalFiles.Add((file.Path, file.Text));
        }

        test.TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck;
        // Kubepath's diagnostics are compilation-end diagnostics (rules read the whole compilation's objects), which
        // the framework calls non-local; IDEs offer fixes for them from the error list.
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        await test.RunAsync();
    }
}
