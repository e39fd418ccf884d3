using BenchmarkDotNet.Attributes;
using Kubepath.Manifests;
using Kubepath.Manifests.Yaml;
using Kubepath.Model;
using YamlDotNet.Core;

namespace Kubepath.Benchmarks;

/// <summary>
/// Loading 10,000 Services and 10,000 Deployments (200 files of 100 objects) into the model, against
/// YamlDotNet's bare parser reading the same text: the physical limit of the YAML dependency. Both run on
/// one thread over in-memory text, so the ratio is the loader's own cost.
/// </summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private IReadOnlyList<(string Path, string Text)> files = Array.Empty<(string, string)>();

    [GlobalSetup]
    public void Setup() => files = GeneratedCorpus.Files(services: 10_000, objectsPerFile: 100);

    [Benchmark(Baseline = true, Description = "YamlDotNet bare parser")]
    public int BareParser()
    {
        var events = 0;
        foreach (var (_, text) in files)
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                events++;
            }
        }

        return events;
    }

    /// <summary>
    /// The same files split over two threads: slower than one, because YamlDotNet's Scalar, TagName and AnchorName
    /// constructors call <c>string.IsInterned</c>, which takes a process-wide lock. The loader therefore reads files
    /// one after another.
    /// </summary>
    [Benchmark(Description = "YamlDotNet bare parser, files on two threads")]
    public int BareParserTwoThreads()
    {
        var events = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, file =>
        {
            var parser = new Parser(new StringReader(file.Text));
            var count = 0;
            while (parser.MoveNext())
            {
                count++;
            }

            Interlocked.Add(ref events, count);
        });

        return events;
    }

    /// <summary>The loader's first stage alone: the parser's events into a document tree (with the YAML 1.2 checks).</summary>
    [Benchmark(Description = "Kubepath document trees only")]
    public int DocumentTrees()
    {
        var documents = 0;
        foreach (var (path, text) in files)
        {
            new YamlStreamReader(new SourceLines(path, text), text, LoadLimits.Default, false, new List<Diagnostic>(), _ => documents++).Read();
        }

        return documents;
    }

    [Benchmark(Description = "Kubepath loader")]
    public int Loader()
    {
        var loader = new ManifestLoader();
        var objects = 0;
        foreach (var (path, text) in files)
        {
            objects += loader.LoadText(path, text).Objects.Count;
        }

        return objects;
    }
}
