using System.Collections.Generic;
using System.Linq;
using Kubepath.Engine.Simulate;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>externalTrafficPolicy Cluster on an externally reachable Service: external clients arrive masqueraded.</summary>
public sealed class KP1002ClusterPolicyMasquerades : DatapathRule
{
    public KP1002ClusterPolicyMasquerades()
        : base("KP1002")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var services = context.World.Services.Where(s => s.Type is ServiceType.NodePort or ServiceType.LoadBalancer && s.ExternalTrafficPolicy == TrafficPolicy.Cluster && !s.IgnoredByKubeProxy).ToList();
        context.ExplainAhead(services, OriginKind.External);
        foreach (var service in services)
        {
            var sources = context.Explain(service, OriginKind.External).Ports
                .SelectMany(port => port.Entries)
                .SelectMany(entry => entry.Origins.Where(flow => flow.Origin.Kind == OriginKind.External))
                .SelectMany(flow => flow.Outcomes.Where(outcome => outcome.Verdict == FlowVerdict.Delivered && outcome.Masqueraded))
                .Select(outcome => outcome.SourceSeen + (outcome.SourceInterface is { } device ? " (" + device + ")" : string.Empty))
                .Distinct()
                .OrderBy(text => text, System.StringComparer.Ordinal)
                .ToList();
            if (sources.Count == 0)
            {
                continue;
            }

            var span = service.Source.Spec.ExternalTrafficPolicy?.Span ?? service.Source.Spec.Type?.Span ?? service.Source.Span;
            // Information by default; a warning for a Service declared to need the client's address.
            var requiredBy = context.Settings.ClientIPRequiredBy(service.Source);
            yield return ReportAs(
                requiredBy is null ? Descriptor.Severity : DiagnosticSeverity.Warning,
                span,
                ("service", service.QualifiedName),
                ("sources", string.Join(", ", sources.Take(6)) + (sources.Count > 6 ? " and " + (sources.Count - 6) + " more" : string.Empty)),
                ("required", requiredBy is null ? string.Empty : "; the Service is declared to need the client's address (" + requiredBy + "): set externalTrafficPolicy: Local"));
        }
    }
}
