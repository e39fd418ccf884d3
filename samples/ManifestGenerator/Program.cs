using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

// The seed lab's workloads and MetalLB pools, generated in C#. Four mistakes are deliberate; Kubepath.Analyzers
// reports each one on the line that makes it (see the comments). The Deployments built from parameters have labels
// only known at run time: the analyzer leaves them out and concludes nothing from their absence. The NodePort
// Service's pods are in nginx-np.yaml and the layer 2 announcement in metallb.yaml, which the analyzer reads with the
// C# objects (AdditionalFiles items of the project).
var objects = new List<object>
{
    Nginx.Deployment("nginx", replicas: 3, containerPort: "http"),
    Nginx.ClusterIPService(),
    Nginx.NodePortService(),
    Nginx.LoadBalancerDeployment(),
    Nginx.LoadBalancerService(),
    MetalLB.ExternalPool(),
    MetalLB.SparePool(),
};

Console.Write(KubernetesYaml.SerializeAll(objects));

internal static class Nginx
{
    private const string Image = "nginx:1.27";

    public static V1Deployment Deployment(string app, int replicas, string containerPort) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = new V1ObjectMeta { Name = app },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = app } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = app } },
                Spec = new V1PodSpec
                {
                    Containers = new List<V1Container>
                    {
                        new() { Name = "nginx", Image = Image, Ports = new List<V1ContainerPort> { new() { Name = containerPort, ContainerPort = 8080 } } },
                    },
                },
            },
        },
    };

    public static V1Deployment LoadBalancerDeployment() => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = new V1ObjectMeta { Name = "nginx-mlb" },
        Spec = new V1DeploymentSpec
        {
            Replicas = 6,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "nginx-mlb" } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "nginx-mlb" } },
                Spec = new V1PodSpec
                {
                    Containers = new List<V1Container>
                    {
                        new() { Name = "nginx", Image = Image, Ports = new List<V1ContainerPort> { new() { Name = "web", ContainerPort = 8080 } } },
                    },
                },
            },
        },
    };

    public static V1Service ClusterIPService() => new()
    {
        Metadata = new V1ObjectMeta { Name = "nginx-service" },
        Spec = new V1ServiceSpec
        {
            Selector = new Dictionary<string, string> { ["app"] = "nginx" },
            Ports = new List<V1ServicePort> { new() { Name = "http", Port = 80, TargetPort = 8080 } },
            ExternalTrafficPolicy = "Local", // Mistake 1 (KP4004): no effect on a ClusterIP Service.
        },
    };

    public static V1Service NodePortService()
    {
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta
            {
                Name = "nginx-np-service",
                Annotations = new Dictionary<string, string> { ["kubepath.io/requires-client-ip"] = "true" },
            },
            Spec = new V1ServiceSpec
            {
                Selector = new Dictionary<string, string> { ["app"] = "nginx-np" },
                Ports = new List<V1ServicePort> { new() { Name = "http", Port = 80, TargetPort = 8080, NodePort = 30000 } },
            },
        };
        service.Spec.Type = "NodePort"; // Mistake 2 (KP1002): the backends need the client's address, and Cluster hides it.
        return service;
    }

    public static V1Service LoadBalancerService() => new()
    {
        Metadata = new V1ObjectMeta { Name = "nginx-mlb-l2-service" },
        Spec = new V1ServiceSpec
        {
            Type = "LoadBalancer",
            Selector = new Dictionary<string, string> { ["app"] = "nginx-mlb" },
            Ports = new List<V1ServicePort> { new() { Name = "http", Port = 80, TargetPort = "http" } }, // Mistake 3 (KP2002): the pods name their port "web".
            ExternalTrafficPolicy = "Local",
        },
    };
}

internal static class MetalLB
{
    private const string Namespace = "metallb-system";

    public static IPAddressPool ExternalPool() => new()
    {
        Metadata = new V1ObjectMeta { Name = "external-pool", NamespaceProperty = Namespace },
        Spec = new IPAddressPoolSpec { Addresses = new List<string> { "10.123.123.64/26" } },
    };

    public static IPAddressPool SparePool() => new()
    {
        Metadata = new V1ObjectMeta { Name = "spare-pool", NamespaceProperty = Namespace }, // Mistake 4 (KP3001): no L2Advertisement names it.
        Spec = new IPAddressPoolSpec { Addresses = new List<string> { "10.123.124.0/28" } },
    };
}

// MetalLB's resources have no k8s.Models types: the project declares them, as KubernetesClient suggests for custom
// resources, and the analyzer reads them like the models.
[KubernetesEntity(Group = "metallb.io", ApiVersion = "v1beta1", Kind = "IPAddressPool", PluralName = "ipaddresspools")]
internal sealed class IPAddressPool : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "metallb.io/v1beta1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "IPAddressPool";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public IPAddressPoolSpec Spec { get; set; } = new();
}

internal sealed class IPAddressPoolSpec
{
    [JsonPropertyName("addresses")]
    public IList<string> Addresses { get; set; } = new List<string>();
}
