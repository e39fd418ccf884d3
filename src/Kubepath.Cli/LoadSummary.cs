using System.Collections.Generic;
using System.Linq;
using System.Text;
using Kubepath.Engine.Rules;
using Kubepath.Model;

namespace Kubepath.Cli;

/// <summary>The text report: objects per file, every diagnostic at its position, and a summary line.</summary>
internal static class LoadSummary
{
    /// <summary>
    /// Renders the manifests with <paramref name="findings"/> (the load's and the rules'), each under its file in line
    /// order; suppressed findings are only counted.
    /// </summary>
    public static string Render(ManifestSet set, IReadOnlyList<Finding> findings)
    {
        var diagnostics = findings.Where(f => !f.IsSuppressed).Select(f => f.Diagnostic).ToList();
        var text = new StringBuilder();
        var byFile = set.Objects.GroupBy(o => o.Span.File).ToDictionary(g => g.Key, g => g.ToList());
        var diagnosticsByFile = diagnostics.GroupBy(d => d.Span.File)
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.Span.Start.Line).ThenBy(d => d.Span.Start.Column).ThenBy(d => d.Id, System.StringComparer.Ordinal).ToList());
        var files = set.Files.Select(f => f.Path).Concat(diagnosticsByFile.Keys).Distinct().ToList();
        foreach (var file in files)
        {
            text.Append(file).Append('\n');
            foreach (var obj in byFile.TryGetValue(file, out var objects) ? objects : new List<ManifestObject>())
            {
                text.Append($"  {obj.Span.Start.Line,4}:{obj.Span.Start.Column,-3} {obj.Kind.Value} {Describe(obj)}\n");
            }

            foreach (var diagnostic in diagnosticsByFile.TryGetValue(file, out var inFile) ? inFile : new List<Diagnostic>())
            {
                text.Append($"  {diagnostic.Span.Start.Line,4}:{diagnostic.Span.Start.Column,-3} {Severity(diagnostic.Severity)} {diagnostic.Id}: {diagnostic.Message}\n");
            }
        }

        var suppressed = findings.Count(f => f.IsSuppressed);
        text.Append('\n').Append(Summary(set, diagnostics)).Append(suppressed == 0 ? string.Empty : $" {suppressed} suppressed by {Findings.IgnoreAnnotation}.").Append('\n');
        return text.ToString();
    }

    private static string Describe(ManifestObject obj)
    {
        var name = obj.QualifiedName.Length == 0 || obj.Name.Length == 0 ? "(unnamed)" : obj.QualifiedName;
        return obj switch
        {
            Service service => $"{name} ({(service.Spec.IsHeadless ? "headless " : string.Empty)}{WireNames.ServiceType.NameOf(service.Spec.EffectiveType)}, {service.Spec.Ports.Count} port{(service.Spec.Ports.Count == 1 ? string.Empty : "s")})",
            Deployment deployment => $"{name} ({deployment.Replicas?.Value ?? 1} replicas)",
            StatefulSet statefulSet => $"{name} ({statefulSet.Replicas?.Value ?? 1} replicas)",
            _ => name,
        };
    }

    private static string Summary(ManifestSet set, IReadOnlyList<Diagnostic> diagnostics)
    {
        var kinds = set.Objects
            .GroupBy(o => o.Kind.Value)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, System.StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key}");
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var infos = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info);
        var objects = set.Objects.Count;
        return $"Loaded {objects} object{(objects == 1 ? string.Empty : "s")} from {set.Files.Count} file{(set.Files.Count == 1 ? string.Empty : "s")}" +
            (objects == 0 ? string.Empty : $" ({string.Join(", ", kinds)})") +
            $"; {errors} error{(errors == 1 ? string.Empty : "s")}, {warnings} warning{(warnings == 1 ? string.Empty : "s")}, {infos} info{(infos == 1 ? string.Empty : "s")}.";
    }

    private static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
