using System;
using System.Collections.Generic;
using System.Linq;
using Kubepath.Engine.Rules;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Cli.Report;

/// <summary>Everything a report shows: the inputs, the predicted world and the findings, in report order.</summary>
internal sealed record LintResult
{
    public LintResult(ManifestSet manifests, ClusterWorld world, IEnumerable<Finding> findings)
    {
        Manifests = manifests;
        World = world;
        Findings = findings
            .OrderBy(f => f.Diagnostic.Span.File, StringComparer.Ordinal)
            .ThenBy(f => f.Diagnostic.Span.Start.Line)
            .ThenBy(f => f.Diagnostic.Span.Start.Column)
            .ThenBy(f => f.Diagnostic.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Diagnostic.Message, StringComparer.Ordinal)
            .ToList();
    }

    public ManifestSet Manifests { get; }

    public ClusterWorld World { get; }

    public IReadOnlyList<Finding> Findings { get; }

    public IEnumerable<Finding> Active => Findings.Where(f => !f.IsSuppressed);

    public int Count(DiagnosticSeverity severity) => Active.Count(f => f.Diagnostic.Severity == severity);

    public int Suppressed => Findings.Count(f => f.IsSuppressed);

    /// <summary>Whether a finding at or above <paramref name="failOn"/> (null: never) stands.</summary>
    public bool Fails(DiagnosticSeverity? failOn) => failOn is { } level && Active.Any(f => f.Diagnostic.Severity >= level);

    /// <summary>"13 objects (4 Deployment, 4 Service, ...) in 6 files".</summary>
    public string Scope()
    {
        var objects = Manifests.Objects.Count;
        var kinds = Manifests.Objects
            .GroupBy(o => o.Kind.Value)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key}");
        return $"{objects} object{(objects == 1 ? string.Empty : "s")}" + (objects == 0 ? string.Empty : $" ({string.Join(", ", kinds)})") +
            $" in {Manifests.Files.Count} file{(Manifests.Files.Count == 1 ? string.Empty : "s")}";
    }

    /// <summary>"0 errors, 2 warnings, 6 infos" (and the suppressed, if any).</summary>
    public string Tally()
    {
        static string Plural(int n, string word) => n + " " + word + (n == 1 ? string.Empty : "s");

        return Plural(Count(DiagnosticSeverity.Error), "error") + ", " + Plural(Count(DiagnosticSeverity.Warning), "warning") + ", " + Plural(Count(DiagnosticSeverity.Info), "info") +
            (Suppressed == 0 ? string.Empty : ", " + Suppressed + " suppressed");
    }
}
