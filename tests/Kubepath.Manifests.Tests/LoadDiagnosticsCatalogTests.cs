using System.Text.RegularExpressions;

namespace Kubepath.Manifests.Tests;

/// <summary>The load diagnostics, their ID range and their documentation stay in step.</summary>
public class LoadDiagnosticsCatalogTests
{
    [Fact]
    public void Ids_are_unique_and_in_the_input_problems_range()
    {
        var ids = LoadDiagnostics.All.Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("KP9000-KP9999  input problems: YAML syntax, types, schema, unreadable input", File.ReadAllLines(Repository.PathOf("rules/ranges.txt")));
        Assert.All(ids, id => Assert.Matches("^KP9[0-9]{3}$", id));
    }

    [Fact]
    public void The_rules_README_lists_every_load_diagnostic_with_its_severity()
    {
        var rows = File.ReadAllLines(Repository.PathOf("rules/README.md"))
            .Select(line => Regex.Match(line, @"^\| (KP9\d{3}) \| (\w+) \|"))
            .Where(m => m.Success)
            .Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}");

        Assert.Equal(
            LoadDiagnostics.All.Select(d => $"{d.Id} {d.DefaultSeverity.ToString().ToLowerInvariant()}"),
            rows);
    }

    [Fact]
    public void Every_load_diagnostic_is_produced_by_some_test_input()
    {
        // Guards against a descriptor nobody reports: each id appears in the bad-input tests.
        var tests = string.Join("\n", Directory.EnumerateFiles(Path.Combine(Repository.Root, "tests", "Kubepath.Manifests.Tests"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.All(
            new[] { nameof(LoadDiagnostics.YamlSyntax), nameof(LoadDiagnostics.NotAnObject), nameof(LoadDiagnostics.WrongValueType), nameof(LoadDiagnostics.InvalidEnumValue), nameof(LoadDiagnostics.RemovedApiVersion), nameof(LoadDiagnostics.UnrenderedTemplate), nameof(LoadDiagnostics.DuplicateKey), nameof(LoadDiagnostics.DuplicateObject), nameof(LoadDiagnostics.UnreadableFile), nameof(LoadDiagnostics.InputLimit), nameof(LoadDiagnostics.PathNotFound), nameof(LoadDiagnostics.WrongApiVersion) },
            name => Assert.Contains("SingleDiagnostic(set, LoadDiagnostics." + name + ")", tests));
        Assert.Equal(12, LoadDiagnostics.All.Count);
    }
}
