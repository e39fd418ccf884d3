using System.Diagnostics;
using Kubepath.Manifests;
using YamlDotNet.Core;

namespace Kubepath.Benchmarks;

/// <summary>
/// The loader-to-parser ratio measured back to back, round after round, so that a shared machine's slow and
/// fast spells hit both sides alike (BenchmarkDotNet runs one benchmark's iterations, then the next's).
/// Run with <c>--interleaved</c>; it prints the median ratio and its quartiles over 21 rounds.
/// </summary>
public static class InterleavedRatio
{
    public static void Run()
    {
        var files = GeneratedCorpus.Files(services: 10_000, objectsPerFile: 100);
        var ratios = new List<double>();
        for (var round = 0; round < 21; round++)
        {
            var parser = Time(() =>
            {
                foreach (var (_, text) in files)
                {
                    var events = new Parser(new StringReader(text));
                    while (events.MoveNext())
                    {
                    }
                }
            });
            var loader = Time(() =>
            {
                var manifests = new ManifestLoader();
                foreach (var (path, text) in files)
                {
                    manifests.LoadText(path, text);
                }
            });
            ratios.Add(loader / parser);
        }

        ratios.Sort();
        Console.WriteLine($"loader / bare parser, 21 interleaved rounds: median {ratios[10]:F2}, quartiles {ratios[5]:F2}-{ratios[15]:F2}");
    }

    private static double Time(Action action)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }
}
