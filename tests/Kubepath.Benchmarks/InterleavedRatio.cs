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

    /// <summary><c>kubepath lint</c> end to end against the bare parser over the same files on disk, 11 rounds.</summary>
    public static void RunLint()
    {
        var folder = LintCorpus.Write();
        var files = Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories);
        var report = Path.Combine(Path.GetTempPath(), "kubepath-benchmark-report.txt");
        var ratios = new List<double>();
        var lints = new List<double>();
        for (var round = 0; round < 11; round++)
        {
            var parser = Time(() => LintCorpus.Parse(files));
            var lint = Time(() => LintCorpus.Lint(folder, report));
            ratios.Add(lint / parser);
            lints.Add(lint);
        }

        ratios.Sort();
        lints.Sort();
        Console.WriteLine($"kubepath lint / bare parser, 11 interleaved rounds: median {ratios[5]:F2}, quartiles {ratios[3]:F2}-{ratios[8]:F2}; lint median {lints[5]:F0} ms");
        Console.WriteLine($"peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
    }

    /// <summary>
    /// The generated 1,000-file project built without and with the Kubepath analyzer, back to back, round after round,
    /// for the project that uses KubernetesClient and for the one that does not.
    /// </summary>
    /// <param name="rounds">Rounds per project: more narrow the quartiles on a noisy machine.</param>
    /// <param name="projects">Which generated projects: with KubernetesClient, without it, or both.</param>
    /// <param name="compiler">Through the compiler server or a fresh compiler per build.</param>
    public static void RunAnalyzer(int rounds, bool[] projects, CompilerMode compiler)
    {
        foreach (var usesKubernetesClient in projects)
        {
            var project = AnalyzerProject.Prepare(usesKubernetesClient);
            CompilerServer.Shutdown();

            // A server compiles its code (the compiler's, the analyzers') to its final tier over the first builds, as on a
            // developer's machine after a few builds; a fresh compiler starts cold every time, and one round warms the disk.
            var warmup = compiler == CompilerMode.Server ? 6 : 1;
            for (var round = 0; round < warmup; round++)
            {
                project.Build(withKubepath: false, compiler);
                project.Build(withKubepath: true, compiler);
            }

            // Through the server, its processor time; with a fresh compiler, that of the build's own processes.
            var whose = compiler == CompilerMode.Server ? "the server's" : "the build's processes'";
            var shares = new List<double>();
            var builds = new List<double>();
            var withBuilds = new List<double>();
            var attributed = new List<double>();
            var processor = new List<double>();
            var processorWithout = new List<double>();
            var processorWith = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                // Which build goes first alternates: a build can be slowed by the one before it (its garbage, its files in the
                // disk cache), and that must not always fall on the same side.
                Build build, withKubepath;
                if (round % 2 == 0)
                {
                    build = project.Build(withKubepath: false, compiler);
                    withKubepath = project.Build(withKubepath: true, compiler);
                }
                else
                {
                    withKubepath = project.Build(withKubepath: true, compiler);
                    build = project.Build(withKubepath: false, compiler);
                }

                shares.Add((withKubepath.Seconds - build.Seconds) / build.Seconds * 100);
                builds.Add(build.Seconds);
                withBuilds.Add(withKubepath.Seconds);
                attributed.Add(withKubepath.KubepathSeconds / withKubepath.Seconds * 100);
                if (build.ProcessorSeconds > 0 && withKubepath.ProcessorSeconds > 0)
                {
                    // Zero when the server was not found or restarted between the readings, or where a fresh compiler's
                    // processes cannot be measured: the round says nothing then.
                    processor.Add((withKubepath.ProcessorSeconds - build.ProcessorSeconds) / build.ProcessorSeconds * 100);
                    processorWithout.Add(build.ProcessorSeconds);
                    processorWith.Add(withKubepath.ProcessorSeconds);
                }

                Console.WriteLine(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"round {round + 1}: without {build.Seconds:F2} s ({build.ProcessorSeconds:F2} s of {whose} processor time), with {withKubepath.Seconds:F2} s ({withKubepath.ProcessorSeconds:F2} s), {withKubepath.KubepathSeconds:F3} s attributed"));
            }

            CompilerServer.Shutdown();
            foreach (var list in new[] { shares, builds, withBuilds, attributed, processor, processorWithout, processorWith })
            {
                list.Sort();
            }

            static double At(List<double> sorted, double quantile) => sorted[(int)Math.Round(quantile * (sorted.Count - 1))];

            // A shared machine's noise only ever slows a build down: the fastest quarter of each kind is what the build costs
            // when nothing else gets in the way, so the two kinds' lower quartiles are compared as well as the rounds' medians.
            static string Quickest(List<double> without, List<double> with) => without.Count == 0
                ? "n/a"
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{At(without, 0.25):F2} s without, {At(with, 0.25):F2} s with: {(At(with, 0.25) - At(without, 0.25)) / At(without, 0.25) * 100:F1}%");
            string Processor(double quantile) => processor.Count == 0 ? "n/a" : At(processor, quantile).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + "%";
            Console.WriteLine(
                $"{(usesKubernetesClient ? "with" : "without")} KubernetesClient, {(compiler == CompilerMode.Server ? "through the compiler server" : "a fresh compiler per build")}, " +
                $"{warmup} warm-up and {rounds} interleaved rounds: a build takes {At(builds, 0.5):F1} s without Kubepath; " +
                $"with it, the build takes a median {At(shares, 0.5):F1}% longer (quartiles {At(shares, 0.25):F1}% to {At(shares, 0.75):F1}%), " +
                $"the compiler attributes a median {At(attributed, 0.5):F2}% of the build's time to Kubepath's analyzer, " +
                $"and {(compiler == CompilerMode.Server ? "the compiler server spends" : "the build's processes spend")} a median {Processor(0.5)} more processor time (quartiles {Processor(0.25)} to {Processor(0.75)}; {processor.Count} rounds)");
            Console.WriteLine($"lower quartiles of each kind: wall clock {Quickest(builds, withBuilds)}; {whose} processor time {Quickest(processorWithout, processorWith)}");
            Console.WriteLine(
                $"95% intervals of the medians (10,000 bootstrap resamples of the rounds): wall clock {MedianInterval(shares)}; attributed {MedianInterval(attributed)}; {whose} processor time {MedianInterval(processor)}");
        }
    }

    /// <summary>
    /// How well the rounds pin their median down: the middle 95% of the medians of 10,000 resamples of the rounds, drawn
    /// with replacement. The seed is fixed, so the same rounds always print the same interval.
    /// </summary>
    private static string MedianInterval(List<double> rounds)
    {
        if (rounds.Count == 0)
        {
            return "n/a";
        }

        var random = new Random(1);
        var medians = new double[10_000];
        var sample = new double[rounds.Count];
        for (var i = 0; i < medians.Length; i++)
        {
            for (var j = 0; j < sample.Length; j++)
            {
                sample[j] = rounds[random.Next(rounds.Count)];
            }

            Array.Sort(sample);
            medians[i] = sample[(int)Math.Round(0.5 * (sample.Length - 1))];
        }

        Array.Sort(medians);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{medians[250]:F1}% to {medians[9_749]:F1}%");
    }

    /// <summary>
    /// Where <c>kubepath lint</c>'s time goes, phase by phase, with the phases the command runs: loading (with the
    /// parser ahead on a second thread, as the command loads), the world, the rules, and the bare parser beside them.
    /// </summary>
    public static void RunLintPhases()
    {
        var folder = LintCorpus.Write();
        var files = Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories);
        var profile = Kubepath.Engine.World.BuiltInProfiles.Find("k3s")!;
        var phases = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        void Record(string phase, double milliseconds) =>
            (phases.TryGetValue(phase, out var list) ? list : phases[phase] = new List<double>()).Add(milliseconds);

        for (var round = 0; round < 7; round++)
        {
            Record("bare parser", Time(() => LintCorpus.Parse(files)));
            Kubepath.Model.ManifestSet? manifests = null;
            Record("load", Time(() => manifests = new ManifestLoader { UseEveryCore = true }.Load(folder)));
            Record("load, one thread", Time(() => new ManifestLoader().Load(folder)));

            // What a phase keeps: the heap after a full collection, with the phase's result still held.
            var withManifests = GC.GetTotalMemory(forceFullCollection: true);
            Kubepath.Engine.World.ClusterWorld? world = null;
            Record("world", Time(() => world = Kubepath.Engine.World.WorldBuilder.Build(manifests!, profile)));
            var withWorld = GC.GetTotalMemory(forceFullCollection: true);
            GC.KeepAlive(manifests);
            Record("rules", Time(() => Kubepath.Engine.Rules.RuleRunner.Run(world!, useEveryCore: true)));
            if (round == 0)
            {
                Console.WriteLine($"live heap with the manifests: {withManifests / (1024 * 1024)} MB; with the world too: {withWorld / (1024 * 1024)} MB");
            }
        }

        foreach (var (phase, times) in phases)
        {
            times.Sort();
            Console.WriteLine($"{phase}: median {times[times.Count / 2]:F0} ms (quartiles {times[times.Count / 4]:F0}-{times[times.Count * 3 / 4]:F0})");
        }
    }

    private static double Time(Action action)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }
}
