using System.Net;
using Kubepath.Engine.World;
using Kubepath.Manifests;

namespace Kubepath.Engine.Tests.MetalLB;

/// <summary>Small clusters for MetalLB specifications: two nodes (iris1, iris2, as in MetalLB's own tests) and the manifests given.</summary>
internal static class MetalLBCluster
{
    public const string Nodes = """
        apiVersion: v1
        kind: Node
        metadata: {name: iris1, labels: {kubernetes.io/hostname: iris1}}
        spec: {podCIDR: 10.42.1.0/24}
        status: {addresses: [{type: InternalIP, address: 192.168.0.1}]}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: iris2, labels: {kubernetes.io/hostname: iris2}}
        spec: {podCIDR: 10.42.2.0/24}
        status: {addresses: [{type: InternalIP, address: 192.168.0.2}]}
        """;

    public static ClusterWorld Cluster(string yaml, Version? metallb = null)
    {
        var set = new ManifestLoader().LoadText("metallb.yaml", Nodes + "\n---\n" + yaml);
        Assert.Empty(set.Diagnostics);
        var profile = BuiltInProfiles.K3s with { MetalLB = new MetalLBSettings { Version = metallb ?? MetalLBSettings.Seed } };
        return WorldBuilder.Build(set, profile);
    }

    public static LoadBalancerAllocation Allocation(ClusterWorld world, string service) => world.FindService("default", service)!.Allocation!;

    public static string Pool(string name, string addresses, string extra = "") => $$"""
        apiVersion: metallb.io/v1beta1
        kind: IPAddressPool
        metadata: {name: {{name}}, namespace: metallb-system}
        spec:
          addresses: [{{addresses}}]
        {{extra}}
        """;

    public static string LoadBalancer(string name, string extra = "", string annotations = "{}", string ports = "[{port: 80}]") => $$"""
        apiVersion: v1
        kind: Service
        metadata: {name: {{name}}, annotations: {{annotations}}}
        spec:
          type: LoadBalancer
          ports: {{ports}}
        {{extra}}
        """;

    public static IPAddress Ip(string text) => IPAddress.Parse(text);
}
