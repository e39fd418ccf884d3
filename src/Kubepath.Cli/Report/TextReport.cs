using System;
using System.Linq;
using System.Text;
using Kubepath.Engine.Rules;
using Kubepath.Model;

namespace Kubepath.Cli.Report;

/// <summary>
/// The terminal report: findings grouped by file, each with its source line and a caret under the span, then a
/// summary line. Colour only when asked (a terminal, no NO_COLOR, no --no-color).
/// </summary>
internal static class TextReport
{
    public static string Render(LintResult result, bool color, bool listObjects)
    {
        var paint = new Paint(color);
        var excerpt = new SourceExcerpt(result.Manifests.Files);
        var text = new StringBuilder();
        var objectsByFile = result.Manifests.Objects.ToLookup(o => o.Span.File, StringComparer.Ordinal);
        var findingsByFile = result.Active.ToLookup(f => f.Diagnostic.Span.File, StringComparer.Ordinal);
        var files = result.Manifests.Files.Select(f => f.Path)
            .Concat(findingsByFile.Select(g => g.Key))
            .Distinct(StringComparer.Ordinal)
            .Where(file => findingsByFile[file].Any() || (listObjects && objectsByFile[file].Any()))
            .OrderBy(file => file, StringComparer.Ordinal);
        foreach (var file in files)
        {
            text.Append(paint.Bold(Printable(file))).Append('\n');
            if (listObjects)
            {
                foreach (var obj in objectsByFile[file])
                {
                    text.Append($"  {obj.Span.Start.Line,4}:{obj.Span.Start.Column,-3} {Printable(obj.Kind.Value)} {Printable(Describe(obj))}\n");
                }
            }

            foreach (var finding in findingsByFile[file])
            {
                RenderFinding(text, finding, excerpt, paint);
            }

            text.Append('\n');
        }

        text.Append("Checked ").Append(result.Scope()).Append(": ").Append(result.Tally()).Append(".\n");
        return text.ToString();
    }

    private static void RenderFinding(StringBuilder text, Finding finding, SourceExcerpt excerpt, Paint paint)
    {
        var d = finding.Diagnostic;
        var start = d.Span.Start;
        text.Append($"  {start.Line,4}:{start.Column,-3} ").Append(paint.Severity(d.Severity)).Append(' ').Append(paint.Bold(d.Id)).Append(": ").Append(Printable(d.Message)).Append('\n');
        if (excerpt.Line(d.Span.File, start.Line) is not { } line)
        {
            return;
        }

        var end = d.Span.End;
        var column = Math.Min(start.Column - 1, line.Length);
        var width = end.Line == start.Line ? Math.Max(1, end.Column - start.Column) : Math.Max(1, line.TrimEnd().Length - column);
        // Tabs stay tabs in the caret line's indent, so the caret sits under the span in any terminal.
        var indent = new string(line.Take(column).Select(c => c == '\t' ? '\t' : ' ').ToArray());
        var gutter = new string(' ', start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        text.Append("       ").Append(paint.Dim(start.Line + " | ")).Append(Printable(line.TrimEnd(), keepTabs: true)).Append('\n');
        text.Append("       ").Append(paint.Dim(gutter + " | ")).Append(indent).Append(paint.Caret(d.Severity, new string('^', width))).Append('\n');
    }

    /// <summary>
    /// Text from the input made safe to print: control characters (line breaks, ESC) shown as \uXXXX, so a name cannot
    /// start a line of its own (a CI runner's <c>::command::</c>) or send terminal escape sequences.
    /// </summary>
    private static string Printable(string text, bool keepTabs = false)
    {
        if (!text.Any(c => char.IsControl(c) && !(keepTabs && c == '\t')))
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsControl(c) && !(keepTabs && c == '\t'))
            {
                result.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
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

    /// <summary>ANSI colours, or none.</summary>
    private sealed class Paint(bool on)
    {
        public string Bold(string text) => Wrap("1", text);

        public string Dim(string text) => Wrap("2", text);

        public string Severity(DiagnosticSeverity severity) => Wrap(Code(severity), severity.ToString().ToLowerInvariant());

        public string Caret(DiagnosticSeverity severity, string text) => Wrap(Code(severity), text);

        private static string Code(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "31",
            DiagnosticSeverity.Warning => "33",
            _ => "36",
        };

        private string Wrap(string code, string text) => on ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
