using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kubepath.Engine.Rules;

namespace Kubepath.Cli.Report;

/// <summary>
/// <c>--format json</c>, described by schemas/lint.schema.json: every finding, suppressed ones included (with who
/// suppressed them and why), and the counts.
/// </summary>
internal static class JsonReport
{
    public static string Render(LintResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("tool", "kubepath");
            json.WriteNumber("version", 1);
            json.WriteStartObject("summary");
            json.WriteNumber("files", result.Manifests.Files.Count);
            json.WriteNumber("objects", result.Manifests.Objects.Count);
            json.WriteNumber("errors", result.Count(Model.DiagnosticSeverity.Error));
            json.WriteNumber("warnings", result.Count(Model.DiagnosticSeverity.Warning));
            json.WriteNumber("infos", result.Count(Model.DiagnosticSeverity.Info));
            json.WriteNumber("suppressed", result.Suppressed);
            json.WriteEndObject();
            json.WriteStartArray("findings");
            foreach (var finding in result.Findings)
            {
                Write(json, finding);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Write(Utf8JsonWriter json, Finding finding)
    {
        var d = finding.Diagnostic;
        json.WriteStartObject();
        json.WriteString("id", d.Id);
        json.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
        json.WriteString("message", d.Message);
        json.WriteStartObject("location");
        json.WriteString("file", d.Span.File);
        json.WriteNumber("line", d.Span.Start.Line);
        json.WriteNumber("column", d.Span.Start.Column);
        json.WriteNumber("endLine", d.Span.End.Line);
        json.WriteNumber("endColumn", d.Span.End.Column);
        if (d.Span.Path.ToString() is { Length: > 0 } path)
        {
            json.WriteString("field", path);
        }

        json.WriteEndObject();
        if (finding.Subject is { } subject)
        {
            json.WriteStartObject("object");
            json.WriteString("apiVersion", subject.ApiVersion.Value);
            json.WriteString("kind", subject.Kind.Value);
            if (subject.IsNamespaced)
            {
                json.WriteString("namespace", subject.Namespace);
            }

            json.WriteString("name", subject.Name);
            json.WriteEndObject();
        }

        if (RuleCatalog.Find(d.Id) is { } rule)
        {
            json.WriteString("title", rule.Title);
            json.WriteString("help", rule.HelpUri);
        }

        if (finding.Suppression is { } suppression)
        {
            json.WriteStartObject("suppressed");
            json.WriteString("by", suppression.Annotation + " on " + suppression.Object);
            if (suppression.Reason is { } reason)
            {
                json.WriteString("reason", reason);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
