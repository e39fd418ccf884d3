using Kubepath.Manifests.Tests;

namespace Kubepath.Cli.Tests;

/// <summary>
/// The tool package end to end, as a platform team meets it: dotnet pack, dotnet tool install from a folder feed,
/// then kubepath lint on the samples.
/// </summary>
public class PackageTests
{
    [Fact]
    public void The_packed_tool_installs_from_a_folder_feed_and_lints_the_samples()
    {
        using var folder = new TemporaryFolder("kubepath-package-");
        var work = folder.Path;
        var feed = Path.Combine(work, "feed");
        var tools = Path.Combine(work, "tools");

        var pack = MainJobTests.RunProgram("dotnet", "pack", "src/Kubepath.Cli", "-c", "Release", "-o", feed, "--nologo", "-p:ContinuousIntegrationBuild=true");
        Assert.True(pack.ExitCode == 0, pack.Output + pack.Error);
        var package = Assert.Single(Directory.GetFiles(feed, "kubepath.*.nupkg"));
        using (var zip = System.IO.Compression.ZipFile.OpenRead(package))
        {
            Assert.Contains(zip.Entries, entry => entry.FullName == "README.md");
            Assert.Contains(zip.Entries, entry => entry.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
            var nuspec = new StreamReader(zip.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
            Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
        }

        var install = MainJobTests.RunProgram("dotnet", "tool", "install", "kubepath", "--tool-path", tools, "--add-source", feed);
        Assert.True(install.ExitCode == 0, install.Output + install.Error);

        var (exitCode, output, error) = MainJobTests.RunProgram(Path.Combine(tools, "kubepath"), "lint", "samples/seed");
        Assert.Equal(string.Empty, error);
        Assert.Equal(0, exitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(MainJobTests.Root, "tests", "Kubepath.Cli.Tests", "Approved", "seed.txt")), output);
        Assert.Equal(1, MainJobTests.RunProgram(Path.Combine(tools, "kubepath"), "lint", "samples/seed", "--fail-on", "warning").ExitCode);
    }
}
