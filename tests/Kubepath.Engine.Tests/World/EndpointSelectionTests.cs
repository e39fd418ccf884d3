using Kubepath.Engine.World;
using Kubepath.Manifests;

namespace Kubepath.Engine.Tests.World;

/// <summary>
/// Which pods a Service's selector picks as endpoints: every label of the selector, in the Service's own namespace,
/// however many other pods share some of its labels.
/// </summary>
public class EndpointSelectionTests
{
    private const string Workloads = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web-front, namespace: shop}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web, tier: front}}
          template:
            metadata: {labels: {app: web, tier: front}}
            spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web-back, namespace: shop}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web, tier: back}}
          template:
            metadata: {labels: {tier: back, app: web}}
            spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web-front, namespace: other}
        spec:
          replicas: 4
          selector: {matchLabels: {app: web, tier: front}}
          template:
            metadata: {labels: {app: web, tier: front}}
            spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
        ---

        """;

    [Theory]
    [InlineData("{app: web, tier: front}", "Deployment shop/web-front", 2)]
    [InlineData("{tier: back, app: web}", "Deployment shop/web-back", 3)]
    [InlineData("{tier: back}", "Deployment shop/web-back", 3)]
    public void Only_pods_with_every_label_of_the_selector_in_the_namespace_are_endpoints(string selector, string owner, int pods)
    {
        var endpoints = Endpoints(selector);

        Assert.Equal(pods, endpoints.Count);
        Assert.All(endpoints, endpoint => Assert.StartsWith(owner + " replica ", endpoint.Origin, StringComparison.Ordinal));
    }

    [Fact]
    public void A_selector_shared_by_two_workloads_picks_the_pods_of_both()
    {
        Assert.Equal(5, Endpoints("{app: web}").Count);
    }

    [Theory]
    [InlineData("{app: web, tier: middle}")]
    [InlineData("{app: api}")]
    [InlineData("{app: web, tier: front, version: v2}")]
    public void A_label_no_pod_has_leaves_no_endpoint(string selector)
    {
        Assert.Empty(Endpoints(selector));
    }

    private static IReadOnlyList<EndpointView> Endpoints(string selector)
    {
        var set = new ManifestLoader().LoadText("shop.yaml", Workloads + $$"""
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec: {selector: {{selector}}, ports: [{port: 80, targetPort: http}]}
            """);
        var world = WorldBuilder.Build(set, BuiltInProfiles.Find("k3s")!);
        return world.Services.Single(service => service.QualifiedName == "shop/web").Ports.Single().Endpoints;
    }
}
