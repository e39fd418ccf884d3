using System.Globalization;
using System.Text;
using Kubepath.Engine.Rules;
using Kubepath.Model;
using YamlDotNet.RepresentationModel;

namespace Kubepath.Engine.Tests.Rules;

/// <summary>
/// The rule files (<c>rules/KPnnnn.yaml</c>) are compiled into the engine as C#
/// (<c>src/Kubepath.Engine/Rules/RuleCatalog.Written.cs</c>), so that loading the catalogue parses nothing: every compiler
/// that loads the analyzer reads its descriptors, with or without anything to analyse. This test writes that file from the
/// rule files and compares; KUBEPATH_APPROVE=1 writes it.
/// </summary>
public class CompiledCatalogTests
{
    private const string WrittenPath = "src/Kubepath.Engine/Rules/RuleCatalog.Written.cs";

    [Fact]
    public void The_catalogue_compiled_into_the_engine_is_the_rule_files()
    {
        var rules = Directory.EnumerateFiles(Repository.PathOf("rules"), "KP*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => Parse(File.ReadAllText(path)))
            .ToList();
        var expected = Written(rules);
        if (Environment.GetEnvironmentVariable("KUBEPATH_APPROVE") == "1")
        {
            File.WriteAllText(Repository.PathOf(WrittenPath), expected);
        }

        Assert.Equal(expected, File.ReadAllText(Repository.PathOf(WrittenPath)));
        Assert.Equal(expected, Written(RuleCatalog.All.ToList()));
    }

    [Fact]
    public void A_rule_file_without_a_field_or_with_an_unknown_severity_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => Parse("id: KP9999\ntitle: t\n"));
        Assert.Throws<InvalidDataException>(() => Parse("id: KP9999\ntitle: t\nseverity: fatal\ncategory: c\nhelp: h\nmessage: m\nwhy: w\nfix: f\n"));
    }

    /// <summary>One rule file: its fields trimmed, its examples in order.</summary>
    private static RuleDescriptor Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        string Text(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value }
            ? value.Trim()
            : throw new InvalidDataException("rule file without '" + key + "'");

        var examples = new List<RuleExample>();
        if (root.Children.TryGetValue(new YamlScalarNode("examples"), out var list) && list is YamlSequenceNode sequence)
        {
            foreach (var item in sequence.Children.OfType<YamlMappingNode>())
            {
                string? Field(string key) => item.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;
                examples.Add(new RuleExample(
                    Field("kind") == "bad",
                    Field("manifest") ?? string.Empty,
                    int.TryParse(Field("line"), out var line) ? line : 0,
                    Field("profile") ?? "k3s",
                    Field("kubernetes")));
            }
        }

        return new RuleDescriptor
        {
            Id = Text("id"),
            Title = Text("title"),
            Severity = Text("severity") switch
            {
                "error" => DiagnosticSeverity.Error,
                "warning" => DiagnosticSeverity.Warning,
                "info" => DiagnosticSeverity.Info,
                var other => throw new InvalidDataException("unknown severity '" + other + "'"),
            },
            Category = Text("category"),
            HelpUri = Text("help"),
            Message = Text("message"),
            Why = Text("why"),
            Fix = Text("fix"),
            Examples = examples,
        };
    }

    /// <summary>The C# of the catalogue: the rules in ID order, each field a string literal.</summary>
    private static string Written(IReadOnlyList<RuleDescriptor> rules)
    {
        var text = new StringBuilder();
        text.Append("// Written by CompiledCatalogTests from rules/KP*.yaml: edit the rule files, then run the test with KUBEPATH_APPROVE=1.\n");
        text.Append("using Kubepath.Model;\n\n");
        text.Append("namespace Kubepath.Engine.Rules;\n\n");
        text.Append("public static partial class RuleCatalog\n{\n");
        text.Append("    private static RuleDescriptor[] Written() => new[]\n    {\n");
        foreach (var rule in rules.OrderBy(rule => rule.Id, StringComparer.Ordinal))
        {
            text.Append("        new RuleDescriptor\n        {\n");
            foreach (var (name, value) in new[]
            {
                ("Id", Literal(rule.Id)), ("Title", Literal(rule.Title)), ("Severity", "DiagnosticSeverity." + rule.Severity),
                ("Category", Literal(rule.Category)), ("HelpUri", Literal(rule.HelpUri)), ("Message", Literal(rule.Message)),
                ("Why", Literal(rule.Why)), ("Fix", Literal(rule.Fix)),
            })
            {
                text.Append("            ").Append(name).Append(" = ").Append(value).Append(",\n");
            }

            text.Append("            Examples = new[]\n            {\n");
            foreach (var example in rule.Examples)
            {
                text.Append("                new RuleExample(")
                    .Append(example.Bad ? "true" : "false").Append(", ")
                    .Append(Literal(example.Manifest)).Append(", ")
                    .Append(example.Line.ToString(CultureInfo.InvariantCulture)).Append(", ")
                    .Append(Literal(example.Profile)).Append(", ")
                    .Append(example.Kubernetes is null ? "null" : Literal(example.Kubernetes)).Append("),\n");
            }

            text.Append("            },\n        },\n");
        }

        text.Append("    };\n}\n");
        return text.ToString();
    }

    private static string Literal(string value)
    {
        var literal = new StringBuilder("\"");
        foreach (var c in value)
        {
            literal.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || c > '~' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return literal.Append('"').ToString();
    }
}
