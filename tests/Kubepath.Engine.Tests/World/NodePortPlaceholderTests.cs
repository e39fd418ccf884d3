using Kubepath.Engine.World;
using Kubepath.Manifests;

namespace Kubepath.Engine.Tests.World;

/// <summary>
/// A NodePort Service written without node ports gets placeholders from the profile's range, each port once; when the
/// range is full, the rest get none (the API server would refuse them).
/// </summary>
public class NodePortPlaceholderTests
{
    [Fact]
    public void Placeholders_fill_the_range_once_each_and_then_there_are_none()
    {
        var profile = BuiltInProfiles.Find("k3s")! with { NodePortRange = new PortRange(30000, 30002) };
        var yaml = string.Concat(Enumerable.Range(0, 5).Select(i =>
            $"---\napiVersion: v1\nkind: Service\nmetadata: {{name: web-{i}, namespace: shop}}\nspec:\n  type: NodePort\n  selector: {{app: web}}\n  ports:\n  - port: 80\n"));

        var ports = WorldBuilder.Build(new ManifestLoader().LoadText("services.yaml", yaml), profile).Services
            .SelectMany(service => service.Ports)
            .Select(port => port.NodePort)
            .ToList();

        Assert.Equal(5, ports.Count);
        Assert.Equal(new[] { 30000, 30001, 30002 }, ports.Where(port => port != 0).Order());
        Assert.Equal(2, ports.Count(port => port == 0));
    }

    [Fact]
    public void A_node_port_written_in_the_range_is_not_given_again()
    {
        var profile = BuiltInProfiles.Find("k3s")! with { NodePortRange = new PortRange(30000, 30001) };
        const string Yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: fixed, namespace: shop}\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 30001\n"
            + "---\napiVersion: v1\nkind: Service\nmetadata: {name: free, namespace: shop}\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n"
            + "---\napiVersion: v1\nkind: Service\nmetadata: {name: none-left, namespace: shop}\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n";

        var world = WorldBuilder.Build(new ManifestLoader().LoadText("services.yaml", Yaml), profile);

        Assert.Equal(30000, world.Services.Single(s => s.Name == "free").Ports[0].NodePort);
        Assert.Equal(0, world.Services.Single(s => s.Name == "none-left").Ports[0].NodePort);
    }
}
