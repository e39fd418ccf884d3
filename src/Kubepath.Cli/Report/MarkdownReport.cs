using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Kubepath.Engine.Rules;
using Kubepath.Engine.Simulate;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Cli.Report;

/// <summary>
/// <c>--format markdown</c>: the comment a bot posts on a pull request. A summary table by rule, the findings grouped
/// by the Service (or other object) they are about, and for each affected Service its predicted datapath as a
/// Mermaid diagram. Every string from a manifest goes through <see cref="MarkdownText"/>.
/// </summary>
internal static class MarkdownReport
{
    /// <summary>More entry points than this make a diagram nobody reads; the rest are counted.</summary>
    private const int MaxEntries = 12;

    /// <summary>GitHub refuses comments over 65,536 characters; the report stops short of it, saying what it left out.</summary>
    private const int MaxLength = 60_000;

    public static string Render(LintResult result)
    {
        var text = new StringBuilder();
        text.Append("## Kubepath: ").Append(result.Tally()).Append("\n\n");
        text.Append("Checked ").Append(MarkdownText.Escape(result.Scope())).Append(" on profile ").Append(MarkdownText.Code(result.World.Profile.Name))
            .Append(" (kube-proxy ").Append(result.World.Profile.KubeProxy.Version).Append(").\n\n");
        var active = result.Active.ToList();
        if (active.Count == 0)
        {
            text.Append("No findings.\n");
            return text.ToString();
        }

        text.Append("| Rule | Severity | Title | Findings |\n|---|---|---|---:|\n");
        foreach (var group in active.GroupBy(f => f.Diagnostic.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rule = RuleCatalog.Find(group.Key);
            var severities = string.Join(", ", group.Select(f => f.Diagnostic.Severity).Distinct().OrderByDescending(s => s).Select(Severity));
            text.Append("| ").Append(RuleLink(group.Key)).Append(" | ").Append(severities).Append(" | ")
                .Append(rule is null ? "input problem" : MarkdownText.Escape(rule.Title)).Append(" | ").Append(group.Count()).Append(" |\n");
        }

        var simulator = new FlowSimulator(result.World, compileNodesAhead: true);
        var sections = active.GroupBy(f => SubjectKey(f.Subject), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        for (var i = 0; i < sections.Count; i++)
        {
            if (text.Length > MaxLength)
            {
                var left = sections.Skip(i).Sum(section => section.Count());
                text.Append("\n…and ").Append(left).Append(left == 1 ? " more finding" : " more findings").Append(" on ").Append(sections.Count - i)
                    .Append(" more objects, left out to keep this comment within GitHub's size limit; the SARIF or JSON report has them all.\n");
                break;
            }

            var subject = sections[i];
            var first = subject.First().Subject;
            text.Append("\n### ").Append(first is null ? "Input" : MarkdownText.Escape(first.Kind.Value) + " " + MarkdownText.Code(first.QualifiedName)).Append("\n\n");
            text.Append("| | Rule | Where | Finding |\n|---|---|---|---|\n");
            foreach (var finding in subject)
            {
                var d = finding.Diagnostic;
                text.Append("| ").Append(Severity(d.Severity)).Append(" | ").Append(RuleLink(d.Id)).Append(" | ")
                    .Append(MarkdownText.Code(d.Span.File + ":" + d.Span.Start.Line.ToString(CultureInfo.InvariantCulture))).Append(" | ")
                    .Append(MarkdownText.Escape(d.Message)).Append(" |\n");
            }

            if (first is Service service && result.World.FindService(service.Namespace, service.Name) is { HasClusterIP: true } view)
            {
                text.Append("\n<details><summary>Predicted datapath</summary>\n\n```mermaid\n").Append(Diagram(simulator.Explain(view))).Append("```\n\n</details>\n");
            }
        }

        return text.ToString();
    }

    private static string SubjectKey(ManifestObject? subject) => subject is null ? "~" : (subject is Service ? "0 " : "1 ") + subject.Kind.Value + " " + subject.QualifiedName;

    private static string RuleLink(string id) =>
        RuleCatalog.Find(id) is { } rule ? "[" + id + "](" + rule.HelpUri + ")" : id;

    private static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "🛑 error",
        DiagnosticSeverity.Warning => "⚠️ warning",
        _ => "ℹ️ info",
    };

    /// <summary>Entry points on the left, endpoints on the right; each edge says which origins take it, and SNAT where the endpoint sees a rewritten source (from every node of that origin, or from some).</summary>
    private static string Diagram(ServiceFlows flows)
    {
        var text = new StringBuilder("flowchart LR\n");
        var endpoints = new Dictionary<string, string>(StringComparer.Ordinal);
        var entryCount = 0;
        var omitted = 0;
        foreach (var port in flows.Ports)
        {
            foreach (var entry in port.Entries)
            {
                if (entryCount == MaxEntries)
                {
                    omitted++;
                    continue;
                }

                var entryId = "e" + entryCount++;
                text.Append("  ").Append(entryId).Append("[\"").Append(MarkdownText.Mermaid(entry.Entry.Describe())).Append("\"]\n");
                var edges = entry.Origins
                    .SelectMany(flow => flow.Outcomes.Select(outcome => (Target: Target(outcome), Origin: OriginName(flow.Origin.Kind), outcome.Masqueraded)))
                    .GroupBy(edge => edge.Target, StringComparer.Ordinal)
                    .OrderBy(group => group.Key, StringComparer.Ordinal);
                foreach (var edge in edges)
                {
                    if (!endpoints.TryGetValue(edge.Key, out var targetId))
                    {
                        targetId = endpoints[edge.Key] = "t" + endpoints.Count;
                        text.Append("  ").Append(targetId).Append("([\"").Append(MarkdownText.Mermaid(edge.Key)).Append("\"])\n");
                    }

                    var label = string.Join(", ", edge.GroupBy(e => e.Origin).OrderBy(g => g.Key, StringComparer.Ordinal)
                        .Select(g => g.Key + (g.All(e => e.Masqueraded) ? " SNAT" : g.Any(e => e.Masqueraded) ? " (SNAT from some nodes)" : string.Empty)));
                    text.Append("  ").Append(entryId).Append(" -->|\"").Append(MarkdownText.Mermaid(label)).Append("\"| ").Append(targetId).Append('\n');
                }
            }
        }

        if (omitted > 0)
        {
            text.Append("  more[\"").Append(omitted).Append(" more entry points\"]\n");
        }

        return text.ToString();
    }

    private static string Target(FlowOutcome outcome) => outcome.Verdict switch
    {
        FlowVerdict.Delivered => (outcome.Endpoint ?? "endpoint") + (outcome.EndpointNode is { } node ? " on " + node : string.Empty),
        FlowVerdict.Dropped => "dropped",
        FlowVerdict.Rejected => "rejected",
        _ => "not translated",
    };

    private static string OriginName(OriginKind kind) => kind switch
    {
        OriginKind.Pod => "pods",
        OriginKind.Host => "hosts",
        _ => "external",
    };
}
