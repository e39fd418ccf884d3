using System.IO;
using System.Text.RegularExpressions;
using Kubepath.Manifests.Tests;

namespace Kubepath.Analyzers.Tests;

/// <summary>
/// The Kubepath.Analyzers package end to end, as a team meets it: dotnet pack, then samples/ManifestGenerator (a
/// program that builds the seed lab's objects with KubernetesClient, its MetalLB pools as its own custom-resource
/// classes, with four deliberate mistakes) restored from a folder feed and built; the build must report each mistake
/// on its line.
/// </summary>
public class PackageTests
{
    private static readonly string Root = Repository.Root;

    [Fact]
    public void The_packed_analyzer_reports_the_sample_generator_s_mistakes_on_their_lines()
    {
        using var folder = new TemporaryFolder("kubepath-analyzer-package-");
        var work = folder.Path;
        var feed = Path.Combine(work, "feed");
        var pack = Run("dotnet", Root, "pack", "nuget/Kubepath.Analyzers", "-c", "Release", "-o", feed, "--nologo");
        Assert.True(pack.ExitCode == 0, pack.Output);

        // A copy, so the build writes nothing into the repository; a package folder of its own, so no older copy of
        // the analyzer package is taken from the machine's cache.
        var sample = Path.Combine(work, "ManifestGenerator");
        Directory.CreateDirectory(sample);
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "samples", "ManifestGenerator")))
        {
            File.Copy(file, Path.Combine(sample, Path.GetFileName(file)));
        }

        var build = Run("dotnet", sample, "build", "--nologo", "-p:RestoreAdditionalProjectSources=" + feed, "-p:RestorePackagesPath=" + Path.Combine(work, "packages"));
        Assert.True(build.ExitCode == 0, build.Output);

        var program = File.ReadAllLines(Path.Combine(sample, "Program.cs"));
        int LineOf(string mistake) => Array.FindIndex(program, line => line.Contains(mistake, StringComparison.Ordinal)) + 1;
        var warnings = Regex.Matches(build.Output, @"Program\.cs\((\d+),\d+\): warning (KP\d{4})")
            .Select(m => m.Groups[2].Value + "@" + m.Groups[1].Value)
            .Distinct()
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            new[] { "KP1002@" + LineOf("Mistake 2"), "KP2002@" + LineOf("Mistake 3"), "KP3001@" + LineOf("Mistake 4"), "KP4004@" + LineOf("Mistake 1") }.Order(StringComparer.Ordinal),
            warnings);

        // Severities are the project's to set, as for any analyzer.
        File.WriteAllText(Path.Combine(sample, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.KP4004.severity = error\ndotnet_diagnostic.KP1002.severity = none\n");
        var strict = Run("dotnet", sample, "build", "--nologo", "--no-restore", "-p:RestorePackagesPath=" + Path.Combine(work, "packages"));
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("Program.cs(" + LineOf("Mistake 1") + ",", strict.Output, StringComparison.Ordinal);
        Assert.Matches(@"Program\.cs\(\d+,\d+\): error KP4004", strict.Output);
        Assert.DoesNotContain("KP1002", strict.Output, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output) Run(string program, string folder, params string[] args)
    {
        var (exitCode, output, error) = ProgramRun.In(folder, program, args);
        return (exitCode, output + error);
    }
}
