using System.Globalization;

namespace Kubepath.Benchmarks;

/// <summary>
/// A deterministic C# project of <c>files</c> source files, as a team generating its manifests with KubernetesClient
/// writes them: each file builds one component's Deployment and Service with k8s.Models (object and collection
/// initializers, constants, an assignment after construction) beside the ordinary code such a project also has
/// (records, LINQ, string formatting, a switch). Without KubernetesClient, the same files keep only the ordinary code.
/// </summary>
public static class GeneratedProject
{
    public static IReadOnlyList<(string Path, string Text)> Files(int files, bool usesKubernetesClient)
    {
        var result = new List<(string, string)>(files);
        for (var i = 0; i < files; i++)
        {
            result.Add(($"Components/Component{i:D4}.cs", File(i, usesKubernetesClient)));
        }

        return result;
    }

    private static string File(int i, bool usesKubernetesClient)
    {
        var team = i % 20;
        var name = "component-" + i.ToString("D4", CultureInfo.InvariantCulture);
        var type = (i % 10) switch { 0 => "LoadBalancer", 1 or 2 => "NodePort", _ => "ClusterIP" };
        var manifests = !usesKubernetesClient ? string.Empty : $$"""

                public static V1Deployment Deployment() => new V1Deployment
                {
                    Metadata = new V1ObjectMeta
                    {
                        Name = Name,
                        NamespaceProperty = Namespace,
                        Labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = Name, ["app.kubernetes.io/part-of"] = "shop" },
                    },
                    Spec = new V1DeploymentSpec
                    {
                        Replicas = {{1 + (i % 5)}},
                        Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = Name } },
                        Template = new V1PodTemplateSpec
                        {
                            Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = Name, ["tier"] = "{{(i % 2 == 0 ? "front" : "back")}}" } },
                            Spec = new V1PodSpec
                            {
                                Containers = new List<V1Container>
                                {
                                    new V1Container
                                    {
                                        Name = "app",
                                        Image = $"registry.example.com/{Name}:1.{{i % 10}}.0",
                                        Ports = new List<V1ContainerPort>
                                        {
                                            new V1ContainerPort { Name = "http", ContainerPort = 8080 },
                                            new V1ContainerPort { Name = "metrics", ContainerPort = 9090 },
                                        },
                                    },
                                },
                            },
                        },
                    },
                };

                public static V1Service Service()
                {
                    var service = new V1Service
                    {
                        Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Namespace, Annotations = new Dictionary<string, string> { ["kubepath.io/owner"] = Namespace } },
                        Spec = new V1ServiceSpec
                        {
                            Selector = new Dictionary<string, string> { ["app.kubernetes.io/name"] = Name },
                            Ports = new List<V1ServicePort>
                            {
                                new V1ServicePort { Name = "http", Protocol = "TCP", Port = 80, TargetPort = "http" },
                                new V1ServicePort { Name = "metrics", Port = 9090, TargetPort = 9090 },
                            },
                        },
                    };
                    service.Spec.Type = "{{type}}";
                    service.Spec.ExternalTrafficPolicy = "{{(type == "ClusterIP" ? "Cluster" : i % 3 == 0 ? "Local" : "Cluster")}}";
                    return service;
                }

            """;
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Linq;
            {{(usesKubernetesClient ? "using k8s.Models;\n" : string.Empty)}}
            namespace Shop.Team{{team}};

            public sealed record Order{{i}}(int Id, decimal Amount, string Customer, DateTimeOffset Placed);

            public static class Component{{i:D4}}
            {
                private const string Name = "{{name}}";
                private const string Namespace = "team-{{team}}";
            {{manifests}}
                public static decimal Total(IEnumerable<Order{{i}}> orders) => orders.Where(order => order.Amount > 0).Sum(order => order.Amount);

                public static IReadOnlyDictionary<string, int> CountByCustomer(IEnumerable<Order{{i}}> orders) =>
                    orders.GroupBy(order => order.Customer, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

                public static string Describe(Order{{i}} order) =>
                    string.Create(CultureInfo.InvariantCulture, $"{Name} #{order.Id}: {order.Customer} {order.Amount:F2} on {order.Placed:yyyy-MM-dd}");

                public static string Size(Order{{i}} order) => order.Amount switch
                {
                    < 10m => "small",
                    < 100m => "medium",
                    < 1000m => "large",
                    _ => "huge",
                };

                public static int Checksum(string text)
                {
                    var sum = {{i}};
                    foreach (var c in text)
                    {
                        sum = unchecked((sum * 31) + c);
                    }

                    return sum;
                }
            }

            """;
    }
}
