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
        // Guards against a descriptor nobody reports: each one is asserted by a test that produces it. The internal
        // error is the exception: it marks a bug in Kubepath, and no input is known to cause one.
        var tests = string.Join("\n", Directory.EnumerateFiles(Path.Combine(Repository.Root, "tests", "Kubepath.Manifests.Tests"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        var descriptors = typeof(LoadDiagnostics).GetFields()
            .Where(f => f.FieldType == typeof(LoadDiagnosticDescriptor) && f.Name != nameof(LoadDiagnostics.InternalError))
            .ToList();
        Assert.Equal(LoadDiagnostics.All.Count - 1, descriptors.Count);
        Assert.All(descriptors, field => Assert.Contains("SingleDiagnostic(set, LoadDiagnostics." + field.Name + ")", tests));
    }
}
