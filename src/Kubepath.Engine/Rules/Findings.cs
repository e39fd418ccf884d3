using System;
using System.Collections.Generic;
using System.Linq;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>Why a finding is not held against the input: who suppressed it, and the reason they gave.</summary>
public sealed record Suppression(string Annotation, string Object, string? Reason);

/// <summary>A diagnostic as the user's settings leave it: its severity, and whether an annotation suppressed it.</summary>
public sealed record Finding(Diagnostic Diagnostic, Suppression? Suppression = null)
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
        var annotated = manifests.Objects
            .Where(obj => obj.Metadata.Annotations.Find(IgnoreAnnotation) is not null)
            .GroupBy(obj => obj.Span.File, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
        return diagnostics
            .Where(d => settings.IsEnabled(d.Id))
            .Select(d => d with { Severity = settings.SeverityOf(d.Id, d.Severity) })
            .Select(d => new Finding(d, SuppressionOf(d, annotated)))
            .ToList();
    }

    private static Suppression? SuppressionOf(Diagnostic diagnostic, Dictionary<string, List<ManifestObject>> annotated)
    {
        if (!annotated.TryGetValue(diagnostic.Span.File, out var objects))
        {
            return null;
        }

        foreach (var obj in objects)
        {
            if (obj.Span.StartOffset > diagnostic.Span.StartOffset || diagnostic.Span.StartOffset >= obj.Span.EndOffset)
            {
                continue;
            }

            var ids = obj.Metadata.Annotations[IgnoreAnnotation]!.Split(',').Select(id => id.Trim());
            if (ids.Contains(diagnostic.Id, StringComparer.Ordinal))
            {
                return new Suppression(IgnoreAnnotation, obj.Kind.Value + " " + obj.QualifiedName, obj.Metadata.Annotations[IgnoreReasonAnnotation]);
            }
        }

        return null;
    }
}
