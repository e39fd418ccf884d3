using System;
using System.Collections.Generic;
using System.Linq;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>Why a finding is not held against the input: who suppressed it, and the reason they gave.</summary>
public sealed record Suppression(string Annotation, string Object, string? Reason);

/// <summary>
/// A diagnostic as the user's settings leave it: its severity, the object it lies in (none for a problem outside any
/// object, such as a YAML syntax error), and whether an annotation suppressed it.
/// </summary>
public sealed record Finding(Diagnostic Diagnostic, ManifestObject? Subject = null, Suppression? Suppression = null)
{
    public bool IsSuppressed => Suppression is not null;
}

/// <summary>
/// Applies the settings to every diagnostic (input problems and rule findings alike): rules turned off are dropped,
/// severities replaced, and a finding inside an object annotated <c>kubepath.io/ignore: "KP1001,KP2002"</c> is kept
/// but marked suppressed, so JSON and SARIF can still count it.
/// </summary>
public static class Findings
{
    public const string IgnoreAnnotation = "kubepath.io/ignore";

    public const string IgnoreReasonAnnotation = "kubepath.io/ignore-reason";

    public static IReadOnlyList<Finding> Settle(IEnumerable<Diagnostic> diagnostics, ManifestSet manifests, LintSettings settings)
    {
        var byFile = manifests.Objects
            .GroupBy(obj => obj.Span.File, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
        return diagnostics
            .Where(d => settings.IsEnabled(d.Id))
            .Select(d => d with { Severity = settings.SeverityOf(d.Id, d.Severity) })
            .Select(d => Subject(d, byFile) is { } subject ? new Finding(d, subject, SuppressionOf(d, subject)) : new Finding(d))
            .ToList();
    }

    private static ManifestObject? Subject(Diagnostic diagnostic, Dictionary<string, List<ManifestObject>> byFile) =>
        byFile.TryGetValue(diagnostic.Span.File, out var objects)
            ? objects.FirstOrDefault(obj => obj.Span.StartOffset <= diagnostic.Span.StartOffset && diagnostic.Span.StartOffset < obj.Span.EndOffset)
            : null;

    private static Suppression? SuppressionOf(Diagnostic diagnostic, ManifestObject subject)
    {
        var ids = subject.Metadata.Annotations[IgnoreAnnotation]?.Split(',').Select(id => id.Trim()) ?? Enumerable.Empty<string>();
        return ids.Contains(diagnostic.Id, StringComparer.Ordinal)
            ? new Suppression(IgnoreAnnotation, subject.Kind.Value + " " + subject.QualifiedName, subject.Metadata.Annotations[IgnoreReasonAnnotation])
            : null;
    }
}
