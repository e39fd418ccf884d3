using System.Diagnostics;
using Kubepath.Manifests.Tests;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Kubepath.Benchmarks;

/// <summary>
/// What the Kubepath analyzer adds to <c>dotnet build</c>: the generated 1,000-file project
/// (<see cref="GeneratedProject"/>) built from scratch (<c>--no-incremental</c>, restored beforehand) without the
/// Kubepath.Analyzers package and with it, as packed from <c>nuget/Kubepath.Analyzers</c>. The builds are real ones,
/// with the analyzers the SDK runs by default, so the difference is what a team would see. Measured for the project
/// that uses KubernetesClient and for the same project without it, where Kubepath must cost nothing.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AnalyzerBenchmarks
{
    private AnalyzerProject project = null!;

    [Params(true, false)]
    public bool UsesKubernetesClient { get; set; }

    [GlobalSetup]
    public void Setup() => project = AnalyzerProject.Prepare(UsesKubernetesClient);

    [Benchmark(Baseline = true, Description = "dotnet build, without Kubepath")]
    public double Build() => project.Build(withKubepath: false).Seconds;

    [Benchmark(Description = "dotnet build, with Kubepath.Analyzers")]
    public double BuildWithKubepath() => project.Build(withKubepath: true).Seconds;
}

/// <summary>The generated project written twice (without and with the analyzer package) and restored, ready to build.</summary>
public sealed partial class AnalyzerProject
{
    private readonly string without;
    private readonly string with;

    private AnalyzerProject(string without, string with)
    {
        this.without = without;
        this.with = with;
    }

    public static AnalyzerProject Prepare(bool usesKubernetesClient)
    {
        var work = Path.Combine(Path.GetTempPath(), "kubepath-analyzer-benchmark", usesKubernetesClient ? "kubernetes-client" : "plain");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        var feed = Path.Combine(work, "feed");
        Run(Repository.Root, "pack", "nuget/Kubepath.Analyzers", "-c", "Release", "-o", feed, "--nologo");
        var version = Path.GetFileNameWithoutExtension(Directory.GetFiles(feed, "Kubepath.Analyzers.*.nupkg").Single())["Kubepath.Analyzers.".Length..];
        var files = GeneratedProject.Files(1_000, usesKubernetesClient);
        string Write(string name, bool withKubepath)
        {
            var folder = Path.Combine(work, name);
            foreach (var (path, text) in files)
            {
                var file = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, text);
            }

            File.WriteAllText(Path.Combine(folder, "Shop.Manifests.csproj"), $$"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>disable</ImplicitUsings>
                    <Nullable>disable</Nullable>
                    <RestorePackagesPath>{{Path.Combine(work, "packages")}}</RestorePackagesPath>
                    <RestoreAdditionalProjectSources>{{feed}}</RestoreAdditionalProjectSources>
                  </PropertyGroup>
                  <ItemGroup>
                    {{(usesKubernetesClient ? "<PackageReference Include=\"KubernetesClient\" Version=\"21.0.8\" />" : string.Empty)}}
                    {{(withKubepath ? $"<PackageReference Include=\"Kubepath.Analyzers\" Version=\"{version}\" PrivateAssets=\"all\" />" : string.Empty)}}
                  </ItemGroup>
                </Project>
                """);
            Run(folder, "restore", "--nologo");
            return folder;
        }

        return new AnalyzerProject(Write("without", withKubepath: false), Write("with", withKubepath: true));
    }

    /// <summary>
    /// One build from scratch: its wall-clock time, and the seconds the compiler attributes to Kubepath's analyzer
    /// (<c>ReportAnalyzer</c>), or zero without it.
    /// </summary>
    public (double Seconds, double KubepathSeconds) Build(bool withKubepath)
    {
        var watch = Stopwatch.StartNew();
        var output = Run(withKubepath ? with : without, "build", "--no-restore", "--no-incremental", "--nologo", "-p:ReportAnalyzer=true", "-v:d");
        var seconds = watch.Elapsed.TotalSeconds;
        var kubepath = KubepathTime().Match(output);
        return (seconds, kubepath.Success ? double.Parse(kubepath.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
    }

    private static string Run(string folder, params string[] args)
    {
        var (exitCode, output, error) = ProgramRun.In(folder, "dotnet", args);
        return exitCode == 0 ? output : throw new InvalidOperationException($"dotnet {string.Join(' ', args)} failed in {folder}:\n{output}{error}");
    }

    // ReportAnalyzer's line for the analyzer assembly, e.g. "   0.123   12   Kubepath.Analyzers, Version=...".
    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s+\d+\s+Kubepath\.Analyzers,", RegexOptions.Multiline)]
    private static partial Regex KubepathTime();
}
