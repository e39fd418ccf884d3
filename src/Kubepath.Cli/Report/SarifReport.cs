using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kubepath.Engine.Rules;
using Kubepath.Manifests;
using Kubepath.Model;

namespace Kubepath.Cli.Report;

/// <summary>
/// <c>--format sarif</c>: SARIF 2.1.0 as GitHub code scanning reads it. Every rule Kubepath has is described (title,
/// why, fix, help link); every result has a region, a path relative to the repository's root (<c>%SRCROOT%</c>) and a
/// fingerprint that survives lines moving (rule, file, object and field, not the line).
/// </summary>
internal static class SarifReport
{
    private const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Render(LintResult result, string toolVersion)
    {
        var rules = Descriptors();
        var index = rules.Select((rule, i) => (rule.Id, i)).ToDictionary(pair => pair.Id, pair => pair.i, StringComparer.Ordinal);
        var root = RepositoryPaths.Root();
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "Kubepath");
            json.WriteString("semanticVersion", toolVersion);
            json.WriteString("informationUri", "https://kubepath.io");
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                WriteRule(json, rule);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var finding in result.Findings)
            {
                // What the finding is about, not its line or wording; an ordinal tells apart several findings of one rule on one field.
                var about = About(finding, Uri(finding.Diagnostic.Span.File, root).Uri);
                seen[about] = seen.TryGetValue(about, out var count) ? count + 1 : 0;
                WriteResult(json, finding, index, root, Fingerprint(about + "\n" + seen[about].ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            json.WriteEndArray();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private sealed record SarifRule(string Id, string Title, DiagnosticSeverity Severity, string Why, string Fix, string HelpUri, string Category);

    private static List<SarifRule> Descriptors() =>
        RuleCatalog.All.Select(rule => new SarifRule(rule.Id, rule.Title, rule.Severity, rule.Why, rule.Fix, rule.HelpUri, rule.Category))
            .Concat(LoadDiagnostics.All.Select(d => new SarifRule(d.Id, d.Title, d.DefaultSeverity, d.Title + ".", "Correct the input at the reported position.", RuleDescriptor.HelpBase, "input")))
            .OrderBy(rule => rule.Id, StringComparer.Ordinal)
            .ToList();

    private static void WriteRule(Utf8JsonWriter json, SarifRule rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", string.Concat(rule.Title.Split(' ', '-').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1))).Replace("'", string.Empty));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", rule.Why.Trim());
        json.WriteEndObject();
        json.WriteString("helpUri", rule.HelpUri);
        json.WriteStartObject("help");
        json.WriteString("text", rule.Fix.Trim() + " See " + rule.HelpUri);
        json.WriteString("markdown", "**Why:** " + rule.Why.Trim() + "\n\n**Fix:** " + rule.Fix.Trim() + "\n\n[" + rule.Id + "](" + rule.HelpUri + ")");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.Severity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue("kubernetes");
        json.WriteStringValue(rule.Category);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, Dictionary<string, int> index, string? root, string fingerprint)
    {
        var d = finding.Diagnostic;
        json.WriteStartObject();
        json.WriteString("ruleId", d.Id);
        if (index.TryGetValue(d.Id, out var ruleIndex))
        {
            json.WriteNumber("ruleIndex", ruleIndex);
        }

        json.WriteString("level", Level(d.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", d.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        var (uri, inRepository) = Uri(d.Span.File, root);
        json.WriteString("uri", uri);
        if (inRepository)
        {
            json.WriteString("uriBaseId", "%SRCROOT%");
        }

        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", d.Span.Start.Line);
        json.WriteNumber("startColumn", d.Span.Start.Column);
        json.WriteNumber("endLine", d.Span.End.Line);
        json.WriteNumber("endColumn", Math.Max(d.Span.End.Column, d.Span.End.Line == d.Span.Start.Line ? d.Span.Start.Column + 1 : 1));
        json.WriteEndObject();
        json.WriteEndObject();
        if (finding.Subject is { } subject)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", subject.Kind.Value + "/" + subject.QualifiedName);
            json.WriteString("kind", "object");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString("kubepath/v1", fingerprint);
        json.WriteEndObject();
        if (finding.Suppression is { } suppression)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "inSource");
            json.WriteString("status", "accepted");
            json.WriteString("justification", suppression.Reason ?? suppression.Annotation + " on " + suppression.Object);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>Rule, file, object and field: what a finding is about, not where its line happens to be nor how its message reads.</summary>
    private static string About(Finding finding, string uri)
    {
        var d = finding.Diagnostic;
        var about = finding.Subject is { } subject
            ? subject.Kind.Value + "/" + subject.QualifiedName + "#" + d.Span.Path
            : "line " + d.Span.Start.Line;
        return d.Id + "\n" + uri + "\n" + about;
    }

    private static string Fingerprint(string about) =>
        string.Concat(SHA256.HashData(Encoding.UTF8.GetBytes(about)).Take(16).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// A file as SARIF names it: relative to the repository's root and percent-encoded inside it; outside it (a state
    /// file in /tmp), an absolute file URI with no base.
    /// </summary>
    private static (string Uri, bool InRepository) Uri(string file, string? root)
    {
        if (file == "<stdin>")
        {
            return (System.Uri.EscapeDataString(file), true);
        }

        var relative = RepositoryPaths.Relative(file, root);
        return relative is not null
            ? (string.Join("/", relative.Split('/').Select(System.Uri.EscapeDataString)), true)
            : (new System.Uri(Path.GetFullPath(file)).AbsoluteUri, false);
    }
}
