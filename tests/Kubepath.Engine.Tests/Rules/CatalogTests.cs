using System.Text.RegularExpressions;
using Kubepath.Engine.Rules;
using NJsonSchema;
using YamlDotNet.Serialization;

namespace Kubepath.Engine.Tests.Rules;

/// <summary>
/// The catalogue keeps its promises: one file, one doc, one class and one test class per rule; unique IDs in their
/// category's range; the index in rules/README.md in step; every file valid against schemas/rule.schema.json; and
/// every example doing what it says.
/// </summary>
public class CatalogTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Fact]
    public void Every_rule_file_is_in_the_catalogue_and_every_rule_class_has_its_file()
    {
        var files = Directory.EnumerateFiles(Repository.PathOf("rules"), "KP*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(files, RuleCatalog.All.Select(rule => rule.Id));
        Assert.Equal(RuleCatalog.All.Select(rule => rule.Id), RuleRunner.All.Select(rule => rule.Descriptor.Id));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void A_rule_has_its_doc_class_and_tests_and_an_id_in_its_range(string id)
    {
        var rule = RuleCatalog.Get(id);
        Assert.Equal("# " + id + ": " + rule.Title, File.ReadLines(Repository.PathOf("rules/" + id + ".md")).First());
        Assert.Equal(RuleDescriptor.HelpBase + id, rule.HelpUri);
        var type = Assert.Single(RuleRunner.All, r => r.Descriptor.Id == id).GetType();
        Assert.StartsWith(id, type.Name, StringComparison.Ordinal);
        Assert.True(File.Exists(Repository.PathOf("src/Kubepath.Engine/Rules/" + type.Name + ".cs")), type.Name + ".cs");
        Assert.True(File.Exists(Repository.PathOf("tests/Kubepath.Engine.Tests/Rules/" + type.Name + "Tests.cs")), type.Name + "Tests.cs");
        Assert.Contains(rule.Examples, example => example.Bad);
        Assert.Contains(rule.Examples, example => !example.Bad);

        var range = File.ReadLines(Repository.PathOf("rules/ranges.txt"))
            .Select(line => Regex.Match(line, @"^KP(\d{4})-KP(\d{4})\s+(.*)$"))
            .Where(match => match.Success)
            .Single(match => int.Parse(match.Groups[1].Value) <= int.Parse(id[2..]) && int.Parse(id[2..]) <= int.Parse(match.Groups[2].Value));
        Assert.Contains(rule.Category, range.Groups[3].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rules_README_lists_every_rule()
    {
        var rows = File.ReadAllLines(Repository.PathOf("rules/README.md"))
            .Select(line => Regex.Match(line, @"^\| \[(KP[0-8]\d{3})\]\(\1\.md\) \| (\w+) \| (.+) \|$"))
            .Where(match => match.Success)
            .Select(match => $"{match.Groups[1].Value} {match.Groups[2].Value} {match.Groups[3].Value}");

        Assert.Equal(RuleCatalog.All.Select(rule => $"{rule.Id} {rule.Severity.ToString().ToLowerInvariant()} {rule.Title}"), rows);
    }

    /// <summary>The analyzer's release tracking (Roslyn's RS2000 family) lists each rule once, shipped or not, as the catalogue describes it.</summary>
    [Fact]
    public void The_analyzer_release_notes_list_every_rule_once()
    {
        static IEnumerable<string> Rows(string file) => File.ReadAllLines(Repository.PathOf("rules/" + file))
            .Select(line => Regex.Match(line, @"^(KP\d{4}) \| ([^|]+) \| (\w+) \| (.+)$"))
            .Where(match => match.Success)
            .Select(match => $"{match.Groups[1].Value} {match.Groups[2].Value.Trim()} {match.Groups[3].Value.ToLowerInvariant()} {match.Groups[4].Value}");

        Assert.StartsWith("; Shipped analyzer releases", File.ReadLines(Repository.PathOf("rules/AnalyzerReleases.Shipped.md")).First(), StringComparison.Ordinal);
        Assert.StartsWith("; Unshipped analyzer release", File.ReadLines(Repository.PathOf("rules/AnalyzerReleases.Unshipped.md")).First(), StringComparison.Ordinal);
        var listed = Rows("AnalyzerReleases.Shipped.md").Concat(Rows("AnalyzerReleases.Unshipped.md")).Order(StringComparer.Ordinal);
        Assert.Equal(RuleCatalog.All.Select(rule => $"{rule.Id} {rule.Category} {rule.Severity.ToString().ToLowerInvariant()} {rule.Title}"), listed);
    }

    [Fact]
    public async Task Every_rule_file_follows_the_rule_schema()
    {
        var schema = await JsonSchema.FromFileAsync(Repository.PathOf("schemas/rule.schema.json"));
        foreach (var file in Directory.EnumerateFiles(Repository.PathOf("rules"), "KP*.yaml"))
        {
            var json = new SerializerBuilder().JsonCompatible().Build().Serialize(new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(file))!);
            Assert.True(schema.Validate(json).Count == 0, file + ": " + string.Join("; ", schema.Validate(json)));
        }
    }

    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var rule in RuleCatalog.All)
        {
            for (var i = 0; i < rule.Examples.Count; i++)
            {
                data.Add(rule.Id, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_bad_example_triggers_its_rule_once_at_its_line_and_a_good_one_never(string id, int index)
    {
        var example = RuleCatalog.Get(id).Examples[index];
        var findings = RuleExamples.Run(id, example.Manifest, example.Profile, example.Kubernetes);

        if (example.Bad)
        {
            var finding = Assert.Single(findings);
            Assert.Equal(example.Line, finding.Span.Start.Line);
        }
        else
        {
            Assert.Empty(findings);
        }
    }
}
