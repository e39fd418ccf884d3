using System.Text;
using Kubepath.Model;

namespace Kubepath.Cli.Report;

/// <summary>
/// <c>--format github</c>: one workflow command per finding (<c>::warning file=…,line=…,col=…,title=KP1001::…</c>), so
/// GitHub Actions annotates the pull request's lines; infos become notices. Suppressed findings are left out.
/// </summary>
internal static class GithubReport
{
    public static string Render(LintResult result)
    {
        // Annotations name files relative to the repository's root, wherever kubepath runs from.
        var root = RepositoryPaths.Root();
        var text = new StringBuilder();
        foreach (var finding in result.Active)
        {
            var d = finding.Diagnostic;
            var command = d.Severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "notice",
            };
            text.Append("::").Append(command)
                .Append(" file=").Append(Property(RepositoryPaths.Relative(d.Span.File, root) ?? d.Span.File))
                .Append(",line=").Append(d.Span.Start.Line)
                .Append(",col=").Append(d.Span.Start.Column)
                .Append(",endLine=").Append(d.Span.End.Line)
                .Append(",endColumn=").Append(d.Span.End.Column)
                .Append(",title=").Append(Property(d.Id))
                .Append("::").Append(Data(d.Message)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The escaping of the runner's command parser (actions/toolkit's <c>escapeData</c>).</summary>
    private static string Data(string value) => value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>Properties also escape their separators (<c>escapeProperty</c>).</summary>
    private static string Property(string value) => Data(value).Replace(":", "%3A").Replace(",", "%2C");
}
