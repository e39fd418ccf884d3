using Kubepath.Manifests.Tests;

namespace Kubepath.Cli.Tests;

/// <summary>
/// The README's main job, run as a user runs it: <c>kubepath samples/seed</c> from the repository root. Its
/// whole output is compared with the approved file; a change there is a reviewed change.
/// </summary>
public class MainJobTests
{
    internal static readonly string Root = Repository.Root;

    [Fact]
    public void Loading_the_seed_samples_prints_the_approved_report_and_exits_0()
    {
        var (exitCode, output, error) = Run("samples/seed");

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, exitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(Root, "tests", "Kubepath.Cli.Tests", "Approved", "seed.txt")), output);
    }

    [Fact]
    public void Input_with_errors_exits_1_and_reports_them_with_their_positions()
    {
        using var folder = new TemporaryFolder("kubepath-");
        var file = Path.Combine(folder.Path, "bad.yaml");
        File.WriteAllText(file, "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  externalTrafficPolicy: local\n");

        var (exitCode, output, _) = Run(file);

        Assert.Equal(1, exitCode);
        Assert.Contains("     5:26  error KP9004: spec.externalTrafficPolicy: \"local\" is not valid", output);
    }

    [Fact]
    public void Help_explains_the_commands()
    {
        var (exitCode, output, _) = Run("--help");
        Assert.Equal(0, exitCode);
        Assert.Contains("kubepath [<paths>...] [command] [options]", output);
        Assert.Contains("iptables", output);
        Assert.Contains("explain", output);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error()
    {
        var (exitCode, _, error) = Run("iptables", "samples/seed", "--node", "vm1", "--table", "mangle");
        Assert.Equal(2, exitCode);
        Assert.Contains("mangle", error);
    }

    internal static (int ExitCode, string Output, string Error) Run(params string[] args) =>
        RunProgram("dotnet", [Path.Combine(AppContext.BaseDirectory, "kubepath.dll"), .. args]);

    /// <summary>Runs a program from the repository's root, as a user would, and collects what it printed.</summary>
    internal static (int ExitCode, string Output, string Error) RunProgram(string program, params string[] args) =>
        ProgramRun.In(Root, program, args);
}
