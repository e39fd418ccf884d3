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
    public double Build() => project.Build(withKubepath: false, CompilerMode.Server).Seconds;

    [Benchmark(Description = "dotnet build, with Kubepath.Analyzers")]
    public double BuildWithKubepath() => project.Build(withKubepath: true, CompilerMode.Server).Seconds;
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
    /// One build from scratch: its wall-clock time, the seconds the compiler attributes to Kubepath's analyzer
    /// (<c>ReportAnalyzer</c>; zero without it), and the processor time spent on it: the compiler server's through the
    /// server; with a fresh compiler, that of the build's own processes (<c>dotnet build</c> and the compiler it starts,
    /// on Linux; zero elsewhere).
    /// </summary>
    /// <param name="withKubepath">Build the copy that references Kubepath.Analyzers.</param>
    /// <param name="compiler">Through the compiler server, as <c>dotnet build</c> compiles by default, or a fresh compiler
    /// process per build. Always said on the command line, so that an environment's <c>UseSharedCompilation</c> cannot
    /// choose silently. A fresh compiler's build runs in one MSBuild process that does not outlive it
    /// (<c>-m:1 -nodeReuse:false</c>, one project either way), so that every process it starts is waited for and counted.</param>
    public Build Build(bool withKubepath, CompilerMode compiler)
    {
        var processor = compiler == CompilerMode.Server ? CompilerServer.ProcessorTime() : BuildProcesses.ProcessorTime();
        var watch = Stopwatch.StartNew();
        string[] arguments = ["build", "--no-restore", "--no-incremental", "--nologo", "-p:ReportAnalyzer=true", "-v:d", "-p:UseSharedCompilation=" + (compiler == CompilerMode.Server ? "true" : "false")];
        var output = Run(withKubepath ? with : without, compiler == CompilerMode.Server ? arguments : [.. arguments, "-m:1", "-nodeReuse:false"]);
        var seconds = watch.Elapsed.TotalSeconds;
        var processorSeconds = compiler == CompilerMode.Server ? (CompilerServer.ProcessorTime() - processor).TotalSeconds : (BuildProcesses.ProcessorTime() - processor).TotalSeconds;
        var kubepath = KubepathTime().Match(output);
        return new Build(seconds, kubepath.Success ? double.Parse(kubepath.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0, processorSeconds);
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

/// <summary>How a benchmark build compiles.</summary>
public enum CompilerMode
{
    /// <summary>Through the compiler server (VBCSCompiler), which keeps the compiler and the analyzers loaded and their code
    /// compiled from build to build: <c>dotnet build</c>'s default, what a developer's machine runs.</summary>
    Server,

    /// <summary>A fresh compiler process per build (<c>UseSharedCompilation=false</c>): every analyzer is loaded and its code
    /// compiled by the JIT in every build, as on a build agent that turns the server off.</summary>
    Fresh,
}

/// <summary>
/// One benchmark build: wall clock, the seconds <c>ReportAnalyzer</c> gives Kubepath, and the processor time (the compiler
/// server's, or the build's own processes' with a fresh compiler; zero when it could not be measured).
/// </summary>
public readonly record struct Build(double Seconds, double KubepathSeconds, double ProcessorSeconds);

/// <summary>The compiler server of this machine's SDK.</summary>
public static class CompilerServer
{
    /// <summary>Stops it, so that a run starts from a server that has compiled nothing yet.</summary>
    public static void Shutdown() => ProgramRun.In(Repository.Root, "dotnet", "build-server", "shutdown", "--vbcscompiler");

    /// <summary>The processor time of the running server processes (zero when none runs).</summary>
    public static TimeSpan ProcessorTime()
    {
        var total = TimeSpan.Zero;
        foreach (var process in Process.GetProcessesByName("VBCSCompiler"))
        {
            using (process)
            {
                try
                {
                    total += process.TotalProcessorTime;
                }
                catch (InvalidOperationException)
                {
                    // It ended while being read.
                }
            }
        }

        return total;
    }
}

/// <summary>The processes a build started and that have ended: <c>dotnet build</c> and, through it, a fresh compiler.</summary>
public static class BuildProcesses
{
    // getrusage's RUSAGE_CHILDREN: the processor time of every ended process this one waited for, and of theirs in turn.
    private const int Children = -1;

    /// <summary>The processor time of the ended processes this one started and their own (zero where not measured: Linux only).</summary>
    public static TimeSpan ProcessorTime()
    {
        if (!OperatingSystem.IsLinux() || GetResourceUsage(Children, out var usage) != 0)
        {
            return TimeSpan.Zero;
        }

        return usage.UserTime.Elapsed + usage.SystemTime.Elapsed;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);

    // Linux's struct timeval on 64-bit platforms.
    private readonly struct TimeValue
    {
        private readonly long seconds;
        private readonly long microseconds;

        public TimeSpan Elapsed => TimeSpan.FromSeconds(seconds) + TimeSpan.FromMicroseconds(microseconds);
    }

    // Linux's struct rusage: the two times, then 14 counters this benchmark does not read.
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private readonly struct ResourceUsage
    {
        public readonly TimeValue UserTime;
        public readonly TimeValue SystemTime;
        private readonly Counters counters;
    }

    [System.Runtime.CompilerServices.InlineArray(14)]
    private struct Counters
    {
        private long first;
    }
}
