using Kubepath.Model;

namespace Kubepath.Manifests.Tests.Kinds;

/// <summary>Kubepath's own settings file, read like any object: every value keeps its position.</summary>
public class ConfigFileTests
{
    [Fact]
    public void Reads_every_setting_with_its_position()
    {
        var config = Manifest.Single<ConfigManifest>("""
            apiVersion: kubepath.io/v1alpha1
            kind: Config
            profile: cluster.yaml
            state: state.yaml
            rules: {KP1002: warning, KP3009: off, KP9013: "off"}
            exclude: ["**/testdata", charts]
            clientIPRequired:
            - {namespace: shop, matchLabels: {tier: edge}}
            - name: ingress
            """);

        Assert.Equal("cluster.yaml", config.Profile!.Value);
        Assert.Equal("state.yaml", config.State!.Value);
        Assert.Equal(["KP1002=warning", "KP3009=off", "KP9013=off"], config.Rules!.Value.Select(entry => entry.Key.Value + "=" + entry.Value.Value));
        Assert.Equal("5:34-5:37 rules.KP3009", Manifest.Where(config.Rules.Value[1].Value.Span));
        Assert.Equal(["**/testdata", "charts"], config.Exclude.Select(pattern => pattern.Value));
        Assert.Equal("shop", config.ClientIPRequired[0].Namespace!.Value);
        Assert.Equal("ingress", config.ClientIPRequired[1].Name!.Value);
        Assert.Null(config.ClientIPRequired[1].MatchLabels);
    }

    [Fact]
    public void Folders_are_walked_without_their_settings_file_and_without_excluded_paths()
    {
        using var folder = new TemporaryFolder("kubepath-walk-");
        var root = folder.Path;
        File.WriteAllText(Path.Combine(root, ".kubepath.yaml"), "apiVersion: kubepath.io/v1alpha1\nkind: Config\n");
        Directory.CreateDirectory(Path.Combine(root, "skip"));
        File.WriteAllText(Path.Combine(root, "skip", "a.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");
        File.WriteAllText(Path.Combine(root, "b.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n");

        var set = new ManifestLoader(excluded: path => path.EndsWith("/skip", StringComparison.Ordinal)).Load(root);

        Assert.Equal(["b"], set.Objects.Select(o => o.Name));
    }
}
