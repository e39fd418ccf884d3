using Kubepath.Model;

namespace Kubepath.Model.Tests;

public class FieldPathTests
{
    [Fact]
    public void Paths_render_as_kubectl_writes_them()
    {
        var path = FieldPath.Root.Key("spec").Key("ports").Index(1).Key("targetPort");
        Assert.Equal("spec.ports[1].targetPort", path.ToString());
    }

    [Fact]
    public void Keys_that_are_not_identifiers_are_quoted()
    {
        var path = FieldPath.Root.Key("metadata").Key("labels").Key("app.kubernetes.io/name");
        Assert.Equal("metadata.labels['app.kubernetes.io/name']", path.ToString());
    }

    [Fact]
    public void The_root_path_is_empty_and_paths_compare_by_text()
    {
        Assert.Equal(string.Empty, FieldPath.Root.ToString());
        Assert.True(FieldPath.Root.IsRoot);
        Assert.Equal(FieldPath.Parse("spec.ports[0].port"), FieldPath.Root.Key("spec").Key("ports").Index(0).Key("port"));
        Assert.Equal("items[3].spec", FieldPath.Parse("items[3].spec").ToString());
    }
}
