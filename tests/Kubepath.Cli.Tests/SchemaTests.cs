using NJsonSchema;
using YamlDotNet.Serialization;

namespace Kubepath.Cli.Tests;

/// <summary>The JSON schemas in schemas/ describe what Kubepath writes and reads: checked against real outputs and samples.</summary>
public class SchemaTests
{
    [Fact]
    public async Task Explain_json_output_follows_its_schema()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(MainJobTests.Root, "schemas", "explain.schema.json"));
        var (exitCode, output, _) = MainJobTests.Run("explain", "samples/seed", "--state", "samples/seed-state/cluster-state.yaml", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Empty(schema.Validate(output));
    }

    [Fact]
    public async Task The_sample_profile_follows_the_profile_schema()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(MainJobTests.Root, "schemas", "cluster-profile.schema.json"));
        var yaml = File.ReadAllText(Path.Combine(MainJobTests.Root, "samples", "seed-state", "profile.yaml"));
        var json = new SerializerBuilder().JsonCompatible().Build().Serialize(new DeserializerBuilder().Build().Deserialize<object>(yaml)!);

        Assert.Empty(schema.Validate(json));
    }

    [Fact]
    public async Task The_sample_config_follows_the_config_schema_which_rejects_unknown_fields()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(MainJobTests.Root, "schemas", "config.schema.json"));
        var yaml = File.ReadAllText(Path.Combine(MainJobTests.Root, "samples", "shop", ".kubepath.yaml"));
        var json = new SerializerBuilder().JsonCompatible().Build().Serialize(new DeserializerBuilder().Build().Deserialize<object>(yaml)!);

        Assert.Empty(schema.Validate(json));
        Assert.NotEmpty(schema.Validate("""{"apiVersion": "kubepath.io/v1alpha1", "kind": "Config", "rule": {"KP1002": "warning"}}"""));
        Assert.NotEmpty(schema.Validate("""{"apiVersion": "kubepath.io/v1alpha1", "kind": "Config", "rules": {"KP1002": "loud"}}"""));
    }

    [Fact]
    public async Task The_profile_schema_rejects_an_unknown_field()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(MainJobTests.Root, "schemas", "cluster-profile.schema.json"));
        Assert.NotEmpty(schema.Validate("""{"apiVersion": "kubepath.io/v1alpha1", "kind": "ClusterProfile", "metadata": {}, "spec": {"clusterCidr": "10.0.0.0/8"}}"""));
    }
}
