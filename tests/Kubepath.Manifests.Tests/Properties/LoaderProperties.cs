using System.Text;
using CsCheck;
using Kubepath.Model;

namespace Kubepath.Manifests.Tests.Properties;

/// <summary>
/// Properties of the loader over real manifests (the seed lab's samples) and random mutations of them:
/// it never throws, every span lies inside its file in order, and line endings or a byte order mark do not
/// move any line or column.
/// </summary>
public class LoaderProperties
{
    private static readonly string[] Seeds = Directory
        .EnumerateFiles(Repository.PathOf("samples"), "*.yaml", SearchOption.AllDirectories)
        .Concat(CorpusSeeds())
        .Order(StringComparer.Ordinal)
        .Select(File.ReadAllText)
        .Append(ServiceWithEverything)
        .ToArray();

    private const string ServiceWithEverything = """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Service
          metadata: {name: "s", labels: {a: b}, annotations: {"x/y": '1'}}
          spec:
            type: LoadBalancer
            ports: [{name: http, port: 80, targetPort: http, nodePort: 30080, protocol: UDP}]
            externalTrafficPolicy: Local
            selector: &sel {app: web}
          status: {loadBalancer: {ingress: [{ip: 10.0.0.1, ipMode: VIP}]}}
        - apiVersion: discovery.k8s.io/v1
          kind: EndpointSlice
          metadata: {name: s-1, labels: {kubernetes.io/service-name: s}}
          addressType: IPv4
          endpoints: [{addresses: [10.42.0.1], conditions: {ready: true}, nodeName: vm1}]
        """;

    private static readonly Gen<string> AnySeed = Gen.Int[0, Seeds.Length - 1].Select(i => Seeds[i]);

    private static readonly Gen<string> Mutated =
        from seed in AnySeed
        from edits in Gen.Select(Gen.Int[0, 4], Gen.Double[0, 1], Gen.Char["-:{}[]&*!|>'\"#%@` \t\r\n\u00e9\u0000ab1"]).Array[1, 6]
        select Apply(seed, edits);

    [Fact]
    public void Mutated_manifests_never_throw_and_every_span_lies_inside_its_file()
    {
        Mutated.Sample(text => AssertSpansInBounds(new ManifestLoader().LoadText("m.yaml", text), text), iter: 400, threads: 1);
    }

    [Fact]
    public void Mutated_bytes_never_throw()
    {
        Gen.Select(AnySeed, Gen.Int[0, 1000], Gen.Byte)
            .Sample(t =>
            {
                var bytes = Encoding.UTF8.GetBytes(t.Item1);
                bytes[t.Item2 % bytes.Length] = t.Item3;
                var set = new ManifestLoader().LoadBytes("b.yaml", bytes);
                Assert.NotNull(set);
            }, iter: 300, threads: 1);
    }

    [Fact]
    public void LF_CRLF_and_a_byte_order_mark_give_the_same_lines_and_columns()
    {
        Gen.OneOf(AnySeed, Mutated).Sample(text =>
        {
            var lf = text.Replace("\r\n", "\n").Replace("\r", "\n");
            var crlf = lf.Replace("\n", "\r\n");
            var expected = Positions(new ManifestLoader().LoadBytes("e.yaml", Encoding.UTF8.GetBytes(lf)));
            Assert.Equal(expected, Positions(new ManifestLoader().LoadBytes("e.yaml", Encoding.UTF8.GetBytes(crlf))));
            Assert.Equal(expected, Positions(new ManifestLoader().LoadBytes("e.yaml", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(crlf)).ToArray())));
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void Loading_is_deterministic()
    {
        var first = Describe(new ManifestLoader().Load(Repository.PathOf("samples")));
        var second = Describe(new ManifestLoader().Load(Repository.PathOf("samples")));
        Assert.Equal(first, second);
    }

    /// <summary>Real manifests from the shared corpus, when it is there (the samples alone otherwise).</summary>
    private static IEnumerable<string> CorpusSeeds()
    {
        var corpus = SharedFolder.Find("corpus/k8s");
        return corpus is null
            ? Enumerable.Empty<string>()
            : new[] { "metallb/configsamples", "kubernetes-website", "cloud-provider-kind" }
                .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(corpus, folder), "*.yaml", SearchOption.AllDirectories));
    }

    private static string Apply(string seed, (int Kind, double Where, char Char)[] edits)
    {
        var text = new StringBuilder(seed);
        foreach (var (kind, where, c) in edits)
        {
            var at = (int)(where * text.Length);
            switch (kind)
            {
                case 0:
                    text.Insert(at, c);
                    break;
                case 1 when at < text.Length:
                    text.Remove(at, 1);
                    break;
                case 2 when at < text.Length:
                    text[at] = c;
                    break;
                case 3:
                    text.Length = at;
                    break;
                default:
                    var lineStart = text.ToString().LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
                    var lineEnd = text.ToString().IndexOf('\n', lineStart);
                    var line = text.ToString(lineStart, (lineEnd < 0 ? text.Length : lineEnd) - lineStart);
                    text.Insert(lineStart, line + "\n");
                    break;
            }
        }

        return text.ToString();
    }

    private static void AssertSpansInBounds(ManifestSet set, string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var spans = set.Objects.SelectMany(SpanWalker.All).Concat(set.Diagnostics.Select(d => d.Span)).ToList();
        foreach (var span in spans)
        {
            Assert.Equal("m.yaml", span.File);
            Assert.InRange(span.Start.Line, 1, lines.Length);
            Assert.InRange(span.End.Line, span.Start.Line, lines.Length);
            Assert.InRange(span.Start.Column, 1, lines[span.Start.Line - 1].Length + 1);
            Assert.InRange(span.End.Column, 1, lines[span.End.Line - 1].Length + 1);
            Assert.InRange(span.Start.Offset, 0, text.Length);
            Assert.InRange(span.End.Offset, span.Start.Offset, text.Length);
        }

        var starts = set.Objects.Select(o => o.Span.Start.Offset).ToList();
        Assert.Equal(starts.Order(), starts);
    }

    private static List<string> Positions(ManifestSet set) =>
        set.Objects.SelectMany(SpanWalker.All).Concat(set.Diagnostics.Select(d => d.Span))
            .Select(s => $"{s.Start.Line}:{s.Start.Column}-{s.End.Line}:{s.End.Column} {s.Path}")
            .Concat(set.Diagnostics.Select(d => d.Id + " " + d.Message))
            .ToList();

    private static string Describe(ManifestSet set) =>
        string.Join("\n", set.Objects.Select(o => $"{o.Span} {o.Kind.Value} {o.QualifiedName}").Concat(set.Diagnostics.Select(d => d.ToString())));
}
