using Kubepath.Manifests.Tests;

namespace Kubepath.Cli.Tests;

/// <summary>
/// <c>kubepath iptables</c> and <c>kubepath explain</c> on the seed lab (samples/seed with the state and profile written
/// from the notebook): whole outputs against approved files, which are reviewed like code.
/// </summary>
public class PredictionCommandTests
{
    private static readonly string[] SeedLab =
    {
        "samples/seed", "--state", "samples/seed-state/cluster-state.yaml", "--profile", "samples/seed-state/profile.yaml",
    };

    [Theory]
    [InlineData("iptables-vm1-save.txt", "--node", "vm1")]
    [InlineData("iptables-vm2-restore.txt", "--node", "vm2", "--render", "restore")]
    [InlineData("explain-seed.txt")]
    [InlineData("explain-nginx-mlb.json", "--service", "default/nginx-mlb-l2-service", "--format", "json")]
    public void Seed_lab_prediction_matches_the_approved_file(string approved, params string[] options)
    {
        var command = new[] { approved.Split('-')[0] };
        var (exitCode, output, error) = MainJobTests.Run(command.Concat(SeedLab).Concat(options).ToArray());

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, exitCode);
        var path = Path.Combine(MainJobTests.Root, "tests", "Kubepath.Cli.Tests", "Approved", approved);
        if (Environment.GetEnvironmentVariable("KUBEPATH_APPROVE") == "1")
        {
            File.WriteAllText(path, output);
        }

        Assert.Equal(File.ReadAllText(path), output);
    }

    [Fact]
    public void The_same_input_gives_byte_identical_output()
    {
        var first = MainJobTests.Run(new[] { "explain" }.Concat(SeedLab).ToArray()).Output;
        var second = MainJobTests.Run(new[] { "explain" }.Concat(SeedLab).ToArray()).Output;
        Assert.Equal(first, second);
    }

    [Fact]
    public void An_unknown_node_is_a_usage_error_that_names_the_nodes()
    {
        var (exitCode, _, error) = MainJobTests.Run(new[] { "iptables" }.Concat(SeedLab).Concat(new[] { "--node", "vm9" }).ToArray());
        Assert.Equal(2, exitCode);
        Assert.Contains("no node vm9; the nodes are vm1, vm2, vm3", error);
    }

    [Fact]
    public void A_bad_profile_value_is_reported_at_its_position_and_the_rest_still_runs()
    {
        using var folder = new TemporaryFolder("kubepath-");
        var dir = folder.Path;
        var profile = Path.Combine(dir, "profile.yaml");
        File.WriteAllText(profile, "apiVersion: kubepath.io/v1alpha1\nkind: ClusterProfile\nmetadata: {name: p}\nspec:\n  clusterCIDRs: [10.42.0.0/33]\n  cni: weave\n");

        var (exitCode, output, error) = MainJobTests.Run("iptables", "samples/seed", "--profile", profile, "--node", "node-1", "--table", "nat");

        Assert.Equal(1, exitCode);
        Assert.Contains("profile.yaml:5:18: error KP9003: spec.clusterCIDRs: \"10.42.0.0/33\" is not a CIDR", error);
        Assert.Contains("profile.yaml:6:8: error KP9004: spec.cni: \"weave\" is not valid; use one of flannel, kindnet, other", error);
        Assert.Contains("-A KUBE-SERVICES", output);
    }

    [Fact]
    public void A_missing_profile_is_a_usage_error()
    {
        var (exitCode, _, error) = MainJobTests.Run("explain", "samples/seed", "--profile", "no-such-profile");
        Assert.Equal(2, exitCode);
        Assert.Contains("not a built-in profile (k3s, kubeadm, kind) and no such file", error);
    }
}
