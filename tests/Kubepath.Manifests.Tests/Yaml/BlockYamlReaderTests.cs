using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Kubepath.Manifests.Yaml;
using YamlDotNet.Core;

namespace Kubepath.Manifests.Tests.Yaml;

/// <summary>
/// The block-style reader against YamlDotNet's parser: wherever it reads a text, it passes on exactly YamlDotNet's events
/// (kinds, values, styles, offsets, columns); where it gives up, the documents it passed on before are YamlDotNet's first
/// ones. Checked on hand-written cases, the samples, every file of the corpora, and a seeded stream of mutations of them.
/// </summary>
public class BlockYamlReaderTests
{
    [Theory]
    [InlineData("a: 1\nb:\n  c: x  # hi\n  d:\ne:\n- 1\n- k: v\n  l: \"q\"\n\n# end\n")]
    [InlineData("---\nx:\n  - a\n  -\n  - b  \ny:\n- p\nz: q\n---\n# c\n---\nk: []\nm: {}\n\"q k\": 'it''s'\nu: http://a#b c\n")]
    [InlineData("# leading\n\na: 1\n---\nb: 2")]
    [InlineData("- a\n- b\n")]
    [InlineData("a:\n  - x: 1\n    y: 2\n  - z\nb: 1")]
    [InlineData("a:    \n  b: c")]
    [InlineData("a: x:y\nb: :x\nc: ?x\nd: x-\ne: -1\n")]
    [InlineData("a: \"x\\\"y \\\\ \\/ \\n \\t\"\nb: ''\nc: \"\"\n")]
    [InlineData("--- # the first\napiVersion: v1\n---   \nkind: Service\n")]
    [InlineData("  indented: root\n  second: key\n")]
    [InlineData("k:\n  a: 1\n  b:\n  - 1\nc: 2")]
    [InlineData("labels:\n  app.kubernetes.io/name: caf\u00e9\n")]
    [InlineData("a: 1\r\nb:\r\n  - x # c\r\n  -\r\n  - 'y'\r\n---\r\nc: \"z\"  \r\nd:\r\n")]
    public void Block_style_texts_are_read_as_YamlDotNet_reads_them(string text) => AssertReadAsYamlDotNetReadsIt(text);

    [Theory]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("a: !!str 1\n")]
    [InlineData("a: |\n  text\n")]
    [InlineData("a: x\n  continued\n")]
    [InlineData("a: [1, 2]\n")]
    [InlineData("a: 1\rb: 2\r")]
    [InlineData("a:\tb\n")]
    [InlineData("%YAML 1.2\n---\na: 1\n")]
    [InlineData("a: 1\n...\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: \"open\n")]
    [InlineData("? complex\n: key\n")]
    [InlineData("a : spaced\n")]
    [InlineData("just a scalar\n")]
    [InlineData("---\n")]
    [InlineData("- x *y: z\n")]
    [InlineData("a:\n  b *c: d\n")]
    [InlineData("a *b: c\nd: e\n")]
    [InlineData("a: {}#c\n")]
    [InlineData("a: b\u00a0c\n")]
    [InlineData("a: b\u0000c\n")]
    [InlineData("a: b\u2028c\n")]
    public void Anything_else_is_left_to_YamlDotNet(string text) => Assert.Null(ReadBlockStyle(text));

    [Theory]
    [InlineData("schedule: 0 * * * *\n")]
    [InlineData("a: x *y\nb: 1\n")]
    public void Words_starting_with_a_star_are_read_when_no_colon_follows(string text) => AssertReadAsYamlDotNetReadsIt(text);

    [Theory]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void Keys_up_to_1000_characters_are_read(int length, bool read)
    {
        var text = new string('k', length) + ": v\n";

        Assert.Equal(read, ReadBlockStyle(text) is not null);
        Compare(text, $"a key of {length} characters");
    }

    [Fact]
    public void A_file_that_leaves_the_block_style_midway_loads_each_document_once()
    {
        // The third document has an anchor: YamlDotNet reads it, from its ---, after the block-style reader read the two before.
        const string Service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: {0}\nspec:\n  ports:\n  - port: 80\n";
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, Service, "a") + "---\n"
            + string.Format(System.Globalization.CultureInfo.InvariantCulture, Service, "b") + "---\n"
            + string.Format(System.Globalization.CultureInfo.InvariantCulture, Service, "c").Replace("port: 80", "port: &p 80", StringComparison.Ordinal);

        var set = new ManifestLoader().LoadText("three.yaml", text);

        Assert.Equal(new[] { "a", "b", "c" }, set.Objects.Select(o => o.Name));
        Assert.Equal(new[] { 1, 9, 17 }, set.Objects.Select(o => o.Span.Start.Line));
        Assert.Empty(set.Diagnostics);
    }

    [Fact]
    public void A_document_YamlDotNet_cannot_read_is_reported_once_and_the_others_load_once()
    {
        // "a *b: c" is one plain scalar to YamlDotNet, so the first document is a syntax error; the block-style reader
        // must not have passed it on.
        var text = "a *b: c\nd: e\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\ny: &a 1\n";

        var set = new ManifestLoader().LoadText("mixed.yaml", text);

        Assert.Single(set.Objects, o => o.Name == "shop");
        Assert.Single(set.Diagnostics, d => d.Id == LoadDiagnostics.YamlSyntax.Id);
        Assert.DoesNotContain(set.Diagnostics, d => d.Id == LoadDiagnostics.DuplicateObject.Id);
    }

    [Fact]
    public void Documents_before_the_first_it_cannot_read_are_passed_on_first()
    {
        var text = "a: 1\n---\nb: 2\n---\nc: &anchor 3\n";
        var recorder = new Recorder();

        Assert.False(BlockYamlReader.TryRead(text, recorder, out _, out var resumeAt));
        Assert.Equal(2, recorder.CompleteDocuments);
        Assert.Equal(text.LastIndexOf("---", StringComparison.Ordinal), resumeAt);
        Assert.Equal(ReadWithYamlDotNet(text).Events.Take(recorder.EventsOfCompleteDocuments), recorder.Events.Take(recorder.EventsOfCompleteDocuments));
    }

    [Fact]
    public void Files_are_read_as_YamlDotNet_reads_them()
    {
        var files = Directory.EnumerateFiles(Repository.PathOf("samples"), "*.y*ml", SearchOption.AllDirectories).ToList();
        var corpus = SharedFolder.Require("corpus");
        if (corpus is null)
        {
            return;
        }

        files.AddRange(Directory.EnumerateFiles(corpus, "*.y*ml", SearchOption.AllDirectories));
        var read = 0;
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            read += Compare(text, file) ? 1 : 0;

            // The same file as written on Windows.
            Compare(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal), file + " with CRLF line breaks");
        }

        // Most real manifests are in the block style: a reader that gives up on them would be slow, not wrong.
        var manifests = files.Count(file => file.Contains("corpus/k8s", StringComparison.Ordinal) && !file.Contains("templated", StringComparison.Ordinal));
        Console.WriteLine($"the block-style reader read {read} of {files.Count} files");
        Assert.True(read > manifests / 2, $"the block-style reader read only {read} of {files.Count} files");
    }

    [Fact]
    public void Mutated_files_are_read_as_YamlDotNet_reads_them_or_left_to_it()
    {
        var corpus = SharedFolder.Require("corpus/k8s");
        if (corpus is null)
        {
            return;
        }

        var files = Directory.EnumerateFiles(corpus, "*.y*ml", SearchOption.AllDirectories)
            .Where(file => !file.Contains("templated", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .Where(text => text.Length < 20_000)
            .ToList();
        var random = new Random(20261128);
        var read = 0;
        for (var i = 0; i < 4000; i++)
        {
            var text = files[random.Next(files.Count)];
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                text = Mutate(text, random);
            }

            read += Compare(text, $"mutation {i}:\n{text}") ? 1 : 0;
        }

        Assert.True(read > 1000, $"only {read} of 4000 mutations were read in the block style");
    }

    /// <summary>Checks the reader against YamlDotNet on one text; returns whether the reader read it.</summary>
    private static bool Compare(string text, string what)
    {
        var expected = ReadWithYamlDotNet(text);
        var recorder = new Recorder();
        if (BlockYamlReader.TryRead(text, recorder, out _, out var resumeAt))
        {
            Assert.True(expected.Error is null, $"YamlDotNet fails on what the block-style reader read ({expected.Error}): {what}");
            AssertSameEvents(expected.Events, recorder.Events, what);
            return true;
        }

        // YamlDotNet reads on from the start of the document the reader gave up in: the text's start or that document's ---.
        var atItsStart = recorder.CompleteDocuments == 0 ? resumeAt == 0 : string.CompareOrdinal(text, resumeAt, "---", 0, 3) == 0;
        Assert.True(atItsStart, $"resumes at {resumeAt} after {recorder.CompleteDocuments} documents, in {what}");
        var passedOn = recorder.Events.Take(recorder.EventsOfCompleteDocuments).ToList();
        AssertSameEvents(expected.Events.Take(passedOn.Count).ToList(), passedOn, what);
        return false;
    }

    private static void AssertSameEvents(List<string> expected, List<string> actual, string what)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            Assert.True(expected[i] == actual[i], $"event {i}: YamlDotNet {expected[i]}, block-style reader {actual[i]}, in {what}");
        }

        Assert.True(expected.Count == actual.Count, $"YamlDotNet has {expected.Count} events, the block-style reader {actual.Count}, in {what}");
    }

    /// <summary>One random edit of the kind people make: a character added or removed, a line repeated, dropped or re-indented.</summary>
    private static string Mutate(string text, Random random)
    {
        if (text.Length == 0)
        {
            return "a: 1\n";
        }

        var at = random.Next(text.Length);
        const string Inserted = " :-#\"'\n\r[]{}&*!|>%?,.a1\\";
        var lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        var lineEnd = text.IndexOf('\n', at) is var end and >= 0 ? end + 1 : text.Length;
        return random.Next(6) switch
        {
            0 => text.Insert(at, Inserted[random.Next(Inserted.Length)].ToString()),
            1 => text.Remove(at, 1),
            2 => text.Insert(lineStart, text.Substring(lineStart, lineEnd - lineStart)),
            3 => text.Remove(lineStart, lineEnd - lineStart),
            4 => text.Insert(lineStart, new string(' ', random.Next(1, 4))),
            _ => text.Insert(at, "\n" + new string(' ', random.Next(0, 6))),
        };
    }

    private static void AssertReadAsYamlDotNetReadsIt(string text)
    {
        var block = ReadBlockStyle(text);

        Assert.NotNull(block);
        Assert.Equal(ReadWithYamlDotNet(text).Events, block!.Events);
    }

    private static Recorder? ReadBlockStyle(string text)
    {
        var recorder = new Recorder();
        return BlockYamlReader.TryRead(text, recorder, out _, out _) ? recorder : null;
    }

    private static (List<string> Events, string? Error) ReadWithYamlDotNet(string text)
    {
        var recorder = new Recorder();
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                YamlDotNetEvents.Dispatch(parser.Current!, 0, recorder);
            }

            return (recorder.Events, null);
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or FormatException or OverflowException)
        {
            // What the loader reports as a syntax error (YamlStreamReader), the parser's own invariants broken included.
            return (recorder.Events, e.Message);
        }
    }

    /// <summary>Events as text, to compare and to print.</summary>
    private sealed class Recorder : IYamlEvents
    {
        public List<string> Events { get; } = new();

        public int CompleteDocuments { get; private set; }

        public int EventsOfCompleteDocuments { get; private set; }

        public (int Offset, string Message)? DocumentStart(bool isImplicit, int start, int end) =>
            Add($"document {(isImplicit ? "implicit" : "explicit")} {start}..{end}");

        public void DocumentEnd(int end)
        {
            Add($"end of document {end}");
            CompleteDocuments++;
            EventsOfCompleteDocuments = Events.Count;
        }

        public (int Offset, string Message)? Scalar(string value, ScalarStyle style, int start, int end, bool multiLine, string? tag, string? anchor) =>
            Add($"scalar {Escape(value)} {style} {start}..{end}{(multiLine ? " multi-line" : string.Empty)} tag {tag} anchor {anchor}");

        public (int Offset, string Message)? CollectionStart(YamlNodeKind kind, bool flow, int start, int column, string? tag, string? anchor) =>
            Add($"{kind} {(flow ? "flow" : "block")} {start} column {column} tag {tag} anchor {anchor}");

        public (int Offset, string Message)? CollectionEnd(int end) => Add($"end {end}");

        public void Alias(string name, int start, int end) => Add($"alias {name} {start}..{end}");

        private (int Offset, string Message)? Add(string e)
        {
            Events.Add(e);
            return null;
        }

        private static string Escape(string value)
        {
            var text = new StringBuilder("'");
            foreach (var c in value)
            {
                text.Append(c is < ' ' or '\'' or '\\' ? $"\\u{(int)c:x4}" : c.ToString());
            }

            return text.Append('\'').ToString();
        }
    }
}
