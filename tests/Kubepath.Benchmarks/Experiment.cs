using System.Diagnostics;
using Kubepath.Manifests;
using Kubepath.Manifests.Yaml;
using YamlDotNet.Core;

namespace Kubepath.Benchmarks;

public static class Experiment
{
    public static void LoaderOnly()
    {
        var files = GeneratedCorpus.Files(10_000, 100);
        var loader = new ManifestLoader();
        for (var round = 0; round < 4; round++)
        {
            foreach (var (path, text) in files) { loader.LoadText(path, text); }
        }
    }

    public static void Run()
    {
        var files = GeneratedCorpus.Files(10_000, 100);
        var results = new Dictionary<string, List<long>> { ["bare"] = new(), ["tree"] = new(), ["full"] = new(), ["read"] = new() };
        var pauses = new Dictionary<string, double>();
        void Time(string name, Action action)
        {
            GC.Collect();
            var gcs = GC.CollectionCount(0);
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var pause = GC.GetTotalPauseDuration();
            var sw = Stopwatch.StartNew();
            action();
            results[name].Add(sw.ElapsedMilliseconds);
            pauses[name] = pauses.GetValueOrDefault(name) + (GC.GetTotalPauseDuration() - pause).TotalMilliseconds;
            if (results[name].Count == 1) Console.WriteLine($"{name}: {(GC.GetAllocatedBytesForCurrentThread() - bytes) / 1_000_000} MB, gen0 {GC.CollectionCount(0) - gcs}, gen1 {GC.CollectionCount(1)}");
        }

        for (var round = 0; round < 21; round++)
        {
            Time("bare", () => { foreach (var (_, text) in files) { var p = new Parser(new StringReader(text)); while (p.MoveNext()) { } } });
            Time("tree", () => { foreach (var (path, text) in files) { new YamlStreamReader(new Kubepath.Model.SourceLines(path, text), text, LoadLimits.Default, false, new List<Kubepath.Model.Diagnostic>(), _ => { }).Read(); } });
            Time("read", () =>
            {
                foreach (var (path, text) in files)
                {
                    var lines = new Kubepath.Model.SourceLines(path, text);
                    var diagnostics = new List<Kubepath.Model.Diagnostic>();
                    var context = new Kubepath.Manifests.Reading.ReadContext(lines, diagnostics);
                    var objects = new List<Kubepath.Model.ManifestObject>();
                    new YamlStreamReader(lines, text, LoadLimits.Default, false, diagnostics, d => Kubepath.Manifests.Reading.ObjectReader.Read(context, d, objects)).Read();
                }
            });
            Time("full", () => { var loader = new ManifestLoader(); foreach (var (path, text) in files) { loader.LoadText(path, text); } });
        }

        var ratios = results["full"].Zip(results["bare"], (f, b) => (double)f / b).Order().ToList();
        var treeRatios = results["tree"].Zip(results["bare"], (f, b) => (double)f / b).Order().ToList();
        Console.WriteLine($"full/bare per round: median {ratios[ratios.Count / 2]:F2}, quartiles {ratios[ratios.Count / 4]:F2}-{ratios[3 * ratios.Count / 4]:F2}; tree/bare median {treeRatios[treeRatios.Count / 2]:F2}");
        foreach (var (name, times) in results)
        {
            times.Sort();
            Console.WriteLine($"{name}: min {times[0]} ms, median {times[times.Count / 2]} ms, GC pauses {pauses[name] / times.Count:F0} ms per run");
        }
    }
}
