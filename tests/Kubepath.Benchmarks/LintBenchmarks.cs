using System.Reflection;
using BenchmarkDotNet.Attributes;
using YamlDotNet.Core;

namespace Kubepath.Benchmarks;

/// <summary>
/// <c>kubepath lint</c> end to end on 20,000 objects in 200 files on disk (the generated corpus: 10,000 Services and
/// 10,000 Deployments), through the command's own entry point: read and parse the files, validate fields, build the
/// world, compile and run kube-proxy's rules for the Services the rules ask about, run every rule, write the text
/// report. Against YamlDotNet's bare parser reading the same files from disk in the same run.
/// </summary>
[MemoryDiagnoser]
public class LintBenchmarks
{
    private string folder = string.Empty;
    private string report = string.Empty;
    private string[] files = Array.Empty<string>();

    [GlobalSetup]
    public void Setup()
    {
        folder = LintCorpus.Write();
        files = Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories);
        report = Path.Combine(Path.GetTempPath(), "kubepath-benchmark-report.txt");
    }

    [Benchmark(Baseline = true, Description = "YamlDotNet bare parser, from disk")]
    public int BareParser() => LintCorpus.Parse(files);

    [Benchmark(Description = "kubepath lint, end to end")]
    public int Lint() => LintCorpus.Lint(folder, report);
}

/// <summary>The corpus on disk and the two things measured on it, shared by the benchmark and the interleaved run.</summary>
public static class LintCorpus
{
    private static readonly MethodInfo Main = typeof(Kubepath.Cli.Commands.LintCommand).Assembly.EntryPoint!;

    public static string Write()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kubepath-benchmark-corpus");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        foreach (var (path, text) in GeneratedCorpus.Files(services: 10_000, objectsPerFile: 100))
        {
            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }

        return folder;
    }

    public static int Parse(string[] files)
    {
        var events = 0;
        foreach (var file in files)
        {
            var parser = new Parser(new StringReader(File.ReadAllText(file)));
            while (parser.MoveNext())
            {
                events++;
            }
        }

        return events;
    }

    public static int Lint(string folder, string report) =>
        (int)Main.Invoke(null, [new[] { "lint", folder, "--output", report, "--fail-on", "none", "--no-color" }])!;
}
