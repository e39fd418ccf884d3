using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Kubepath.Model;
using YamlDotNet.RepresentationModel;

namespace Kubepath.Engine.Rules;

/// <summary>
/// The rule catalogue: every <c>rules/KPnnnn.yaml</c>, embedded in the engine when it is built, so the engine, the CLI,
/// SARIF and the analyzer read one source.
/// </summary>
public static class RuleCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, RuleDescriptor>> Entries = new(Load);

    public static IReadOnlyCollection<RuleDescriptor> All => Entries.Value.Values.OrderBy(rule => rule.Id, StringComparer.Ordinal).ToList();

    public static RuleDescriptor? Find(string id) => Entries.Value.TryGetValue(id, out var rule) ? rule : null;

    public static RuleDescriptor Get(string id) =>
        Entries.Value.TryGetValue(id, out var rule) ? rule : throw new KeyNotFoundException("No rules/" + id + ".yaml in the catalogue.");

    /// <summary>Reads one catalogue file (the YAML of <c>rules/KPnnnn.yaml</c>).</summary>
    public static RuleDescriptor Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        string Text(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar && scalar.Value is { } value
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

    private static Dictionary<string, RuleDescriptor> Load()
    {
        var assembly = typeof(RuleCatalog).Assembly;
        var result = new Dictionary<string, RuleDescriptor>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(name => name.StartsWith("rules/", StringComparison.Ordinal)).OrderBy(name => name, StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var rule = Parse(reader.ReadToEnd());
            result[rule.Id] = rule;
        }

        return result;
    }
}
