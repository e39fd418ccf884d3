namespace Kubepath.Analyzers.Tests;

/// <summary>
/// The slice of KubernetesClient's k8s.Models the tests compile against: the same type names, JSON names and
/// KubeApiVersion/KubeKind constants as KubernetesClient 21 (the analyzer finds them by metadata name).
/// </summary>
internal static class KubernetesModels
{
    public const string Source = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;

        namespace k8s
        {
            public interface IKubernetesObject
            {
                string ApiVersion { get; set; }
                string Kind { get; set; }
            }

            public interface IKubernetesObject<TMetadata> : IKubernetesObject
            {
                TMetadata Metadata { get; set; }
            }

            public class KubernetesObject : IKubernetesObject
            {
                [JsonPropertyName("apiVersion")] public string ApiVersion { get; set; }
                [JsonPropertyName("kind")] public string Kind { get; set; }
            }
        }

        namespace k8s.Models
        {
            [System.AttributeUsage(System.AttributeTargets.Class)]
            public sealed class KubernetesEntityAttribute : System.Attribute
            {
                public string Kind { get; set; }
                public string Group { get; set; }
                public string ApiVersion { get; set; }
                public string PluralName { get; set; }
            }

            public interface IItems<T>
            {
                IList<T> Items { get; set; }
            }

            public class V1ServiceList : IKubernetesObject<V1ObjectMeta>, IItems<V1Service>
            {
                [JsonPropertyName("apiVersion")] public string ApiVersion { get; set; }
                [JsonPropertyName("kind")] public string Kind { get; set; }
                [JsonPropertyName("metadata")] public V1ObjectMeta Metadata { get; set; }
                [JsonPropertyName("items")] public IList<V1Service> Items { get; set; }
            }

            public class IntOrString
            {
                [JsonPropertyName("value")] public string Value { get; set; }
                public static implicit operator IntOrString(int value) => new IntOrString { Value = value.ToString() };
                public static implicit operator IntOrString(string value) => new IntOrString { Value = value };
            }

            public class V1ObjectMeta
            {
                [JsonPropertyName("name")] public string Name { get; set; }
                [JsonPropertyName("namespace")] public string NamespaceProperty { get; set; }
                [JsonPropertyName("labels")] public IDictionary<string, string> Labels { get; set; }
                [JsonPropertyName("annotations")] public IDictionary<string, string> Annotations { get; set; }
            }

            public class V1ServicePort
            {
                [JsonPropertyName("name")] public string Name { get; set; }
                [JsonPropertyName("port")] public int Port { get; set; }
                [JsonPropertyName("protocol")] public string Protocol { get; set; }
                [JsonPropertyName("targetPort")] public IntOrString TargetPort { get; set; }
                [JsonPropertyName("nodePort")] public int? NodePort { get; set; }
            }

            public class V1ServiceSpec
            {
                [JsonPropertyName("type")] public string Type { get; set; }
                [JsonPropertyName("selector")] public IDictionary<string, string> Selector { get; set; }
                [JsonPropertyName("ports")] public IList<V1ServicePort> Ports { get; set; }
                [JsonPropertyName("externalTrafficPolicy")] public string ExternalTrafficPolicy { get; set; }
                [JsonPropertyName("internalTrafficPolicy")] public string InternalTrafficPolicy { get; set; }
                [JsonPropertyName("loadBalancerIP")] public string LoadBalancerIP { get; set; }
            }

            public class V1Service : IKubernetesObject<V1ObjectMeta>
            {
                public const string KubeApiVersion = "v1";
                public const string KubeKind = "Service";
                public const string KubeGroup = "";
                [JsonPropertyName("apiVersion")] public string ApiVersion { get; set; }
                [JsonPropertyName("kind")] public string Kind { get; set; }
                [JsonPropertyName("metadata")] public V1ObjectMeta Metadata { get; set; }
                [JsonPropertyName("spec")] public V1ServiceSpec Spec { get; set; }
            }

            public class V1ContainerPort
            {
                [JsonPropertyName("name")] public string Name { get; set; }
                [JsonPropertyName("containerPort")] public int ContainerPort { get; set; }
                [JsonPropertyName("protocol")] public string Protocol { get; set; }
            }

            public class V1Container
            {
                [JsonPropertyName("name")] public string Name { get; set; }
                [JsonPropertyName("image")] public string Image { get; set; }
                [JsonPropertyName("ports")] public IList<V1ContainerPort> Ports { get; set; }
            }

            public class V1PodSpec
            {
                [JsonPropertyName("containers")] public IList<V1Container> Containers { get; set; }
            }

            public class V1PodTemplateSpec
            {
                [JsonPropertyName("metadata")] public V1ObjectMeta Metadata { get; set; }
                [JsonPropertyName("spec")] public V1PodSpec Spec { get; set; }
            }

            public class V1LabelSelector
            {
                [JsonPropertyName("matchLabels")] public IDictionary<string, string> MatchLabels { get; set; }
            }

            public class V1DeploymentSpec
            {
                [JsonPropertyName("replicas")] public int? Replicas { get; set; }
                [JsonPropertyName("selector")] public V1LabelSelector Selector { get; set; }
                [JsonPropertyName("template")] public V1PodTemplateSpec Template { get; set; }
            }

            public class V1Deployment : IKubernetesObject<V1ObjectMeta>
            {
                public const string KubeApiVersion = "v1";
                public const string KubeKind = "Deployment";
                public const string KubeGroup = "apps";
                [JsonPropertyName("apiVersion")] public string ApiVersion { get; set; }
                [JsonPropertyName("kind")] public string Kind { get; set; }
                [JsonPropertyName("metadata")] public V1ObjectMeta Metadata { get; set; }
                [JsonPropertyName("spec")] public V1DeploymentSpec Spec { get; set; }
            }
        }
        """;

    /// <summary>MetalLB's resources as a project declares them: KubernetesClient's pattern for custom resources.</summary>
    public const string MetalLBResources = """
        using k8s;
        using k8s.Models;
        using System.Collections.Generic;
        using System.Text.Json.Serialization;

        [KubernetesEntity(Group = "metallb.io", ApiVersion = "v1beta1", Kind = "IPAddressPool", PluralName = "ipaddresspools")]
        public class IPAddressPool : IKubernetesObject<V1ObjectMeta>
        {
            [JsonPropertyName("apiVersion")] public string ApiVersion { get; set; }
            [JsonPropertyName("kind")] public string Kind { get; set; }
            [JsonPropertyName("metadata")] public V1ObjectMeta Metadata { get; set; }
            [JsonPropertyName("spec")] public PoolSpec Spec { get; set; }
        }

        public class PoolSpec
        {
            [JsonPropertyName("addresses")] public List<string> Addresses { get; set; }
            public bool? AutoAssign { get; set; }
        }

        // No attribute: the initializer says what it is.
        public class L2Advertisement : KubernetesObject
        {
            [JsonPropertyName("metadata")] public V1ObjectMeta Metadata { get; set; }
        }

        """;
}
