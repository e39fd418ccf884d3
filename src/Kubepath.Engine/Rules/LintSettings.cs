using System;
using System.Collections.Generic;
using System.Linq;
using Kubepath.Manifests;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>
/// What a <c>.kubepath.yaml</c> asks of the findings: a severity per rule (or none: off) and the Services that need
/// the client's address. Values that cannot be used are reported at their position and left out.
/// </summary>
public sealed record LintSettings
{
    public static readonly LintSettings Default = new();

    /// <summary>A Service that says, itself, that its backends need the client's address.</summary>
    public const string RequiresClientIPAnnotation = "kubepath.io/requires-client-ip";

    private static readonly (string Name, DiagnosticSeverity? Severity)[] SeverityNames =
    {
        ("error", DiagnosticSeverity.Error), ("warning", DiagnosticSeverity.Warning), ("info", DiagnosticSeverity.Info), ("off", null),
    };

    /// <summary>Rule ID to the severity the user chose; null turns the rule off.</summary>
    public IReadOnlyDictionary<string, DiagnosticSeverity?> Severities { get; init; } = new Dictionary<string, DiagnosticSeverity?>();

    public IReadOnlyList<ServiceSelectorEntry> ClientIPRequired { get; init; } = Array.Empty<ServiceSelectorEntry>();

    public bool IsEnabled(string id) => !Severities.TryGetValue(id, out var severity) || severity is not null;

    /// <summary>The severity a finding is reported with: the user's choice for its rule, else what the rule gave it.</summary>
    public DiagnosticSeverity SeverityOf(string id, DiagnosticSeverity given) =>
        Severities.TryGetValue(id, out var severity) && severity is { } chosen ? chosen : given;

    /// <summary>Whether the Service is declared (by annotation or by a <c>clientIPRequired</c> entry) to need the client's address.</summary>
    public string? ClientIPRequiredBy(Service service)
    {
        if (service.Metadata.Annotations[RequiresClientIPAnnotation] == "true")
        {
            return "annotation " + RequiresClientIPAnnotation;
        }

        var entry = ClientIPRequired.FirstOrDefault(selector =>
            (selector.Namespace is null || selector.Namespace.Value == service.Namespace) &&
            (selector.Name is null || selector.Name.Value == service.Name) &&
            (selector.MatchLabels is null || service.Metadata.Labels.Contains(selector.MatchLabels.Value)));
        return entry is null ? null : "clientIPRequired in " + entry.Span.File + ":" + entry.Span.Start.Line;
    }

    public static (LintSettings Settings, IReadOnlyList<Diagnostic> Problems) Read(ConfigManifest config)
    {
        var problems = new List<Diagnostic>();
        var severities = new Dictionary<string, DiagnosticSeverity?>(StringComparer.Ordinal);
        var known = RuleCatalog.All.Select(rule => rule.Id).Concat(LoadDiagnostics.All.Select(descriptor => descriptor.Id)).ToList();
        foreach (var entry in config.Rules?.Value ?? StringMap.Empty)
        {
            var id = entry.Key.Value;
            if (!known.Contains(id, StringComparer.Ordinal))
            {
                var meant = NearestName.Find(id, known);
                problems.Add(LoadDiagnostics.InvalidEnumValue.At(entry.Key.Span, "rules." + id + ": no such rule" + (meant is null ? string.Empty : "; did you mean " + meant + "?") + " (kubepath rules lists them)"));
                continue;
            }

            var value = entry.Value.Value;
            var match = SeverityNames.Where(pair => pair.Name == value).ToList();
            if (match.Count == 0)
            {
                problems.Add(LoadDiagnostics.InvalidEnumValue.At(entry.Value.Span, "rules." + id + ": \"" + value + "\" is not a severity; use one of " + string.Join(", ", SeverityNames.Select(pair => pair.Name))));
                continue;
            }

            severities[id] = match[0].Severity;
        }

        return (new LintSettings { Severities = severities, ClientIPRequired = config.ClientIPRequired }, problems);
    }
}
