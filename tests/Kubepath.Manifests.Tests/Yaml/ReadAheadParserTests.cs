using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Kubepath.Manifests.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kubepath.Manifests.Tests.Yaml;

/// <summary>
/// The parser run ahead on a second thread hands the reader exactly what YamlDotNet's parser gives on the reader's own
/// thread: the same events in the same order, then the same exception at the same place. The loader's output with and
/// without it is the same.
/// </summary>
public class ReadAheadParserTests
{
    [Theory]
    [MemberData(nameof(YamlTestSuiteTests.Cases), MemberType = typeof(YamlTestSuiteTests))]
    public void Every_yaml_test_suite_case_gives_the_same_events_and_error(string id)
    {
        var root = SharedFolder.Require("corpus/yaml-test-suite/data");
        if (root is null || id == "(suite missing)")
        {
            return;
        }

        var text = File.ReadAllText(Path.Combine(root, id, "in.yaml"));
        Assert.Equal(Run(new Parser(new StringReader(text))), Run(new ReadAheadParser(new Parser(new StringReader(text)))));
    }

    [Fact]
    public void A_long_stream_with_an_error_near_its_end_gives_the_same_events_and_error()
    {
        // Many batches of events, then a scanner error: the events before it all arrive, then the error.
        var text = Services(2_000) + "---\nkind: Service\nmetadata: {name: broken\n";
        var direct = Run(new Parser(new StringReader(text)));
        var ahead = Run(new ReadAheadParser(new Parser(new StringReader(text))));

        Assert.True(direct.Count > 10_000);
        Assert.StartsWith("error YamlDotNet.Core.", direct[^1], StringComparison.Ordinal);
        Assert.Equal(direct, ahead);
    }

    [Fact]
    public void A_reader_that_stops_early_stops_the_parser_thread()
    {
        using var parser = new ReadAheadParser(new Parser(new StringReader(Services(5_000))));
        for (var i = 0; i < 10; i++)
        {
            Assert.True(parser.MoveNext());
        }

        // Disposing must not wait for the parser to reach the end, nor leave it blocked: a second dispose is harmless.
        parser.Dispose();
        parser.Dispose();
    }

    [Fact]
    public void Loading_with_the_parser_ahead_gives_the_same_objects_and_diagnostics()
    {
        var text = Services(300) + "---\nkind: Service\nspec:\n  ports: [\n---\n" + Services(300).Replace("port: 80", "port: eighty", StringComparison.Ordinal);
        Assert.True(text.Length > 32 * 1024, "long enough for the loader to parse ahead");

        var alone = new ManifestLoader().LoadText("big.yaml", text);
        var ahead = new ManifestLoader { UseEveryCore = true }.LoadText("big.yaml", text);

        Assert.NotEmpty(alone.Diagnostics);
        Assert.Equal(Describe(alone), Describe(ahead));
    }

    private static string Services(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web-").Append(i)
                .Append("\n  labels: {app: web, tier: \"front\"}\nspec:\n  selector:\n    app: web\n  ports:\n  - name: http\n    port: 80\n    targetPort: &t 8080\n  - name: again\n    port: 81\n    targetPort: *t\n");
        }

        return text.ToString();
    }

    private static List<string> Run(IParser parser)
    {
        var seen = new List<string>();
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                seen.Add($"{e.GetType().Name} {e.Start.Index}-{e.End.Index} {e}");
            }

            Assert.Null(parser.Current);
        }
        catch (Exception e)
        {
            seen.Add($"error {e.GetType().FullName} {e.Message}");
        }
        finally
        {
            (parser as IDisposable)?.Dispose();
        }

        return seen;
    }

    private static List<string> Describe(Kubepath.Model.ManifestSet set) =>
        set.Objects.Select(o => $"{o.Kind.Value} {o.QualifiedName} {o.Span.Start.Line}")
            .Concat(set.Diagnostics.Select(d => $"{d.Id} {d.Span.Start.Line}:{d.Span.Start.Column} {d.Message}"))
            .ToList();
}
