using System.Globalization;
using Kubepath.Manifests.Tests.Properties;
using Kubepath.Manifests.Yaml;
using Kubepath.Model;
using YamlDotNet.RepresentationModel;

namespace Kubepath.Manifests.Tests.Yaml;

/// <summary>
/// Manifests written with <see cref="ManifestJsonWriter"/> (what the analyzer hands the loader) read from the writer's
/// trees exactly as their JSON text reads through the YAML reader: the same objects, values, spans and diagnostics.
/// </summary>
public class ManifestJsonWriterTests
{
    [Fact]
    public void The_text_is_JSON_with_one_document_per_object()
    {
        var writer = new ManifestJsonWriter("csharp:Shop.cs");
        writer.BeginDocument();
        writer.BeginObject();
        writer.Key("kind");
        writer.String("Service");
        writer.Key("spec");
        writer.BeginObject();
        writer.Key("ports");
        writer.BeginArray();
        writer.BeginObject();
        writer.Key("port");
        writer.Number(80);
        writer.EndObject();
        writer.EndArray();
        writer.Key("publishNotReadyAddresses");
        writer.Boolean(true);
        writer.EndObject();
        writer.EndObject();
        writer.EndDocument();
        writer.BeginDocument();
        writer.String("a \"quoted\" \\ line\nbreak\t\u00e9");
        writer.EndDocument();

        Assert.Equal(
            "{\"kind\": \"Service\", \"spec\": {\"ports\": [{\"port\": 80}], \"publishNotReadyAddresses\": true}}\n---\n\"a \\\"quoted\\\" \\\\ line\\u000abreak\\u0009\u00e9\"",
            writer.Text);
    }

    [Fact]
    public void Objects_with_every_kind_of_value_and_mistake_read_alike_from_trees_and_from_text()
    {
        var writer = new ManifestJsonWriter("csharp:src/Shop.cs");
        Write(writer, Parse("""
            apiVersion: v1
            kind: Service
            metadata: {name: web, labels: {app: web}, annotations: {"kubepath.io/requires-client-ip": "true", note: "say \"hi\"\\\n\u00e9\U0001F600", "breaks\N\L\P": "next\Nline\Lsep\Ppara"}}
            spec:
              type: LoadBalancer
              externalTrafficPolcy: Local
              selector: {app: web}
              ports: [{name: http, port: 80, targetPort: http}, {port: eighty}, {port: 70000, protocol: SCTP}]
              loadBalancerIP: 192.168.1.240
              ipFamilies: []
              sessionAffinityConfig: {}
              healthCheckNodePort: -3
              ratio: 1E+20
            """));
        Write(writer, Parse("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 2
              paused: false
              progressDeadlineSeconds: 1.5
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: "nginx:1.27", ports: [{containerPort: 8080, name: http}]}]}
            """));
        Write(writer, Parse("kind: Service\nmetadata: {name: no-version}\n"));

        AssertSameTrees(writer);
        var (fromTrees, fromText) = LoadBothWays(writer);

        Assert.Contains(fromTrees.Diagnostics, d => d.Message.Contains("externalTrafficPolicy", StringComparison.Ordinal));
        AssertAlike(fromText, fromTrees);
    }

    [Fact]
    public void Real_manifests_written_again_read_alike_from_trees_and_from_text()
    {
        var corpus = SharedFolder.Require("corpus/k8s");
        if (corpus is null)
        {
            return;
        }

        var files = Directory.EnumerateFiles(Repository.PathOf("samples"), "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(corpus, "*.yaml", SearchOption.AllDirectories).Where(file => !file.Contains("templated", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
        var documents = 0;
        foreach (var file in files)
        {
            var writer = new ManifestJsonWriter(file);
            foreach (var document in ParseAll(File.ReadAllText(file)))
            {
                Write(writer, document);
                documents++;
            }

            AssertSameTrees(writer);
            var (fromTrees, fromText) = LoadBothWays(writer);
            AssertAlike(fromText, fromTrees);
        }

        Assert.True(documents > 1000, $"only {documents} documents were written again");
    }

    [Fact]
    public void Written_objects_load_before_the_texts_beside_them()
    {
        var writer = new ManifestJsonWriter("csharp:Shop.cs");
        Write(writer, Parse("apiVersion: v1\nkind: Namespace\nmetadata: {name: from-csharp}\n"));

        var loader = new ManifestLoader();
        var read = loader.Read(writer);
        var set = loader.LoadTexts(new[] { read }, new[] { ("deploy/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: from-yaml}\n") });

        Assert.Equal("csharp:Shop.cs", read.Path);

        Assert.Equal(new[] { "from-csharp", "from-yaml" }, set.Objects.Select(o => o.Name));
        Assert.Equal(new[] { "csharp:Shop.cs", "deploy/ns.yaml" }, set.Files.Select(f => f.Path));
    }

    [Fact]
    public void A_restarted_writer_writes_and_reads_as_a_new_one_and_leaves_what_was_read_before_as_it_was()
    {
        const string First = "apiVersion: v1\nkind: Service\nmetadata: {name: first, labels: {app: first}}\nspec: {ports: [{port: 80}, {port: 81}]}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n";
        const string Second = "apiVersion: v1\nkind: Service\nmetadata: {name: second}\nspec: {type: NodePort, ports: [{port: 443}]}\n";
        var loader = new ManifestLoader();
        var reused = Written(new ManifestJsonWriter("csharp:First.cs"), First);
        var first = loader.Read(reused);

        // Left half-written, as a failure midway would leave it.
        reused.Restart("csharp:Broken.cs");
        reused.BeginDocument();
        reused.BeginObject();
        reused.Key("kind");

        reused.Restart("csharp:Second.cs");
        Written(reused, Second);
        var fresh = Written(new ManifestJsonWriter("csharp:Second.cs"), Second);

        Assert.Equal(fresh.Text, reused.Text);
        var fromReused = loader.LoadTexts(new[] { first, loader.Read(reused) }, Array.Empty<(string, string)>());
        var fromNew = new ManifestLoader().LoadTexts(new[] { new ManifestLoader().Read(Written(new ManifestJsonWriter("csharp:First.cs"), First)), new ManifestLoader().Read(fresh) }, Array.Empty<(string, string)>());
        Assert.Equal(new[] { "first", "shop", "second" }, fromReused.Objects.Select(o => o.Name));
        AssertSameLines(Describe(fromNew), Describe(fromReused), "new writers", "one writer restarted");

        static ManifestJsonWriter Written(ManifestJsonWriter writer, string yaml)
        {
            foreach (var document in ParseAll(yaml))
            {
                Write(writer, document);
            }

            return writer;
        }
    }

    [Fact]
    public void Writing_out_of_order_is_refused()
    {
        var writer = new ManifestJsonWriter("csharp:Shop.cs");
        Assert.Throws<InvalidOperationException>(() => writer.String("outside a document"));
        writer.BeginDocument();
        Assert.Throws<InvalidOperationException>(() => writer.Key("outside an object"));
        writer.BeginObject();
        Assert.Throws<InvalidOperationException>(() => writer.String("a value without a key"));
        Assert.Throws<InvalidOperationException>(() => writer.EndArray());
        writer.Key("kind");
        Assert.Throws<InvalidOperationException>(() => writer.Key("a second key before a value"));
        Assert.Throws<InvalidOperationException>(() => writer.EndObject());
        writer.String("Service");
        Assert.Throws<InvalidOperationException>(() => writer.Key("kind"));
        Assert.Throws<InvalidOperationException>(() => writer.EndDocument());
        writer.EndObject();
        Assert.Throws<InvalidOperationException>(() => writer.String("a second value"));
        Assert.Throws<InvalidOperationException>(() => writer.BeginDocument());
        Assert.Throws<InvalidOperationException>(() => new ManifestLoader().Read(writer));
        writer.EndDocument();

        Assert.Equal("{\"kind\": \"Service\"}", writer.Text);
    }

    private static (ManifestSet FromTrees, ManifestSet FromText) LoadBothWays(ManifestJsonWriter writer) =>
        (new ManifestLoader().LoadTexts(new[] { new ManifestLoader().Read(writer) }, Array.Empty<(string, string)>()), new ManifestLoader().LoadText(writer.Path, writer.Text));

    /// <summary>
    /// Each document's nodes as YAML's reader builds them from the writer's text, and as the writer built them: kinds,
    /// values, styles, offsets and links. The documents' own offsets differ on purpose (the writer's start at the value).
    /// </summary>
    private static void AssertSameTrees(ManifestJsonWriter writer)
    {
        var text = writer.Text;
        var read = new List<string>();
        var problems = new List<Diagnostic>();
        new YamlStreamReader(new SourceLines(writer.Path, text), text, LoadLimits.Default, recordQuotedScalars: false, problems, document => read.AddRange(Nodes(document))).Read();
        Assert.Empty(problems);
        AssertSameLines(read, writer.Documents.SelectMany(Nodes).ToList(), "read", "written");
    }

    private static IEnumerable<string> Nodes(Kubepath.Manifests.Yaml.YamlDocument document)
    {
        var tree = document.Tree;
        return Enumerable.Range(0, tree.Count)
            .Select(i => $"{i} {tree.Kind(i)} {tree.Start(i)}-{tree.End(i)} plain={tree.IsPlain(i)} complete={tree.IsComplete(i)} weight={tree.Weight(i)} " +
                $"first={tree.FirstChild(i)} next={tree.Next(i)} children={tree.ChildCount(i)} '{tree.Value(i)}'")
            .Prepend($"document, root {document.Root}")
            .ToList();
    }

    /// <summary>The first line that differs, in full: the lists are long and alike up to it.</summary>
    private static void AssertSameLines(List<string> expected, List<string> actual, string expectedName, string actualName)
    {
        var first = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(i => expected[i] != actual[i], -1);
        Assert.True(first < 0, first < 0 ? null : $"{expectedName}: {expected[first]}\n{actualName}: {actual[first]}");
        Assert.Equal(expected.Count, actual.Count);
    }

    /// <summary>The first line that differs, in full: the sets are long and alike up to it.</summary>
    private static void AssertAlike(ManifestSet fromText, ManifestSet fromTrees)
    {
        AssertSameLines(Describe(fromText), Describe(fromTrees), "from text", "from trees");
    }

    private static List<string> Describe(ManifestSet set) =>
        set.Objects.SelectMany(SpanWalker.Describe)
            .Concat(set.Diagnostics.Select(d => $"{d.Id} {d.Span.File}@{d.Span.StartOffset}-{d.Span.EndOffset} {d.Span.Path} {d.Message}"))
            .ToList();

    private static YamlNode Parse(string yaml) => ParseAll(yaml).Single();

    /// <summary>The documents YamlDotNet's own model reads from a file; none when it cannot (the writer needs a whole structure).</summary>
    private static List<YamlNode> ParseAll(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Select(document => document.RootNode).Where(IsWritable).ToList();
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or ArgumentException)
        {
            // A syntax error, or a repeated key (the model's mappings are dictionaries).
            return new List<YamlNode>();
        }
    }

    /// <summary>JSON has string keys only, each once in its object.</summary>
    private static bool IsWritable(YamlNode node) => node switch
    {
        YamlMappingNode mapping => mapping.Children.All(entry => entry.Key is YamlScalarNode && IsWritable(entry.Value)) &&
            mapping.Children.Keys.Select(key => ((YamlScalarNode)key).Value).Distinct(StringComparer.Ordinal).Count() == mapping.Children.Count,
        YamlSequenceNode sequence => sequence.Children.All(IsWritable),
        YamlScalarNode => true,
        _ => false,
    };

    private static void Write(ManifestJsonWriter writer, YamlNode root)
    {
        writer.BeginDocument();
        WriteValue(writer, root);
        writer.EndDocument();
    }

    private static void WriteValue(ManifestJsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.BeginObject();
                foreach (var (key, value) in mapping.Children)
                {
                    writer.Key(((YamlScalarNode)key).Value ?? string.Empty);
                    WriteValue(writer, value);
                }

                writer.EndObject();
                break;
            case YamlSequenceNode sequence:
                writer.BeginArray();
                foreach (var item in sequence.Children)
                {
                    WriteValue(writer, item);
                }

                writer.EndArray();
                break;
            case YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } flag:
                writer.Boolean(flag.Value == "true");
                break;
            case YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } plain when long.TryParse(plain.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                writer.Number(integer);
                break;
            case YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } plain when double.TryParse(plain.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real):
                writer.Number(real);
                break;
            case YamlScalarNode scalar:
                writer.String(scalar.Value ?? string.Empty);
                break;
        }
    }
}
