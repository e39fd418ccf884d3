using Kubepath.Engine.World;
using Kubepath.Manifests;

namespace Kubepath.Engine.Tests.World;

/// <summary>
/// Which pods a Service's selector picks as endpoints: every label of the selector, in the Service's own namespace,
/// however many other pods share some of its labels.
/// </summary>
public class EndpointSelectionTests
{
    // Two workloads of the shop namespace share app=web; a third, in another namespace, has the same labels as the first.
    private static readonly string Workloads =
        Deployment("shop", "web-front", 2, "{app: web, tier: front}") +
        Deployment("shop", "web-back", 3, "{tier: back, app: web}") +
        Deployment("other", "web-front", 4, "{app: web, tier: front}");

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

    private static string Deployment(string ns, string name, int replicas, string labels) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: {{name}}, namespace: {{ns}}}
        spec:
          replicas: {{replicas}}
          selector: {matchLabels: {{labels}}}
          template:
            metadata: {labels: {{labels}}}
            spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
        ---

        """;

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
