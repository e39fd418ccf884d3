using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Kubepath.Engine.Simulate;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>
/// Pods and nodes that connect to a LoadBalancer IP never reach the load balancer: kube-proxy programs the ingress
/// addresses on every node (KUBE-SERVICES → KUBE-EXT) and DNATs in place, unless the ingress has <c>ipMode: Proxy</c>.
/// </summary>
public sealed class KP1006InClusterTrafficSkipsLoadBalancer : DatapathRule
{
    public KP1006InClusterTrafficSkipsLoadBalancer()
        : base("KP1006")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var service in context.World.Services.Where(s => s.LoadBalancerIngress.Count > 0 && s.Ports.Count > 0))
        {
            var handled = context.Explain(service, OriginKind.Pod).Ports[0].Entries
                .Where(entry => entry.Entry.Kind == EntryKind.LoadBalancerIP)
                .SelectMany(entry => entry.Origins.Where(flow => flow.Origin.Kind == OriginKind.Pod))
                .FirstOrDefault(flow => flow.Outcomes.Any(outcome => outcome.Verdict != FlowVerdict.NotTranslated));
            if (handled is null)
            {
                continue;
            }

            var delivered = handled.Outcomes.Where(outcome => outcome.Verdict == FlowVerdict.Delivered).ToList();
            var result = delivered.Count > 0
                ? "DNATs them to " + delivered.Select(outcome => outcome.Endpoint).Distinct().Count().ToString(CultureInfo.InvariantCulture) + " endpoint(s) itself"
                : "answers them itself (" + string.Join(", ", handled.Outcomes.Select(outcome => outcome.Verdict.ToString().ToLowerInvariant()).Distinct()) + ")";
            yield return Report(
                service.Source.Spec.Type?.Span ?? service.Source.Span,
                ("service", service.QualifiedName),
                ("address", Addresses.Format(handled.Entry.Address)),
                ("node", handled.Origin.Node),
                ("result", result),
                ("skipped", Skipped(context, service)));
        }
    }

    /// <summary>What the load balancer would have done that in-cluster clients miss.</summary>
    private static string Skipped(RuleContext context, ServiceView service)
    {
        var skipped = new List<string>();
        if (context.World.MetalLB.Configured && context.Announcement(service).EntryNodes.Count > 0)
        {
            skipped.Add("MetalLB's announcement from " + string.Join(", ", context.Announcement(service).EntryNodes));
        }

        if (service.ExternalTrafficPolicy == TrafficPolicy.Local)
        {
            skipped.Add("externalTrafficPolicy: Local (they reach endpoints on every node)");
        }

        skipped.Add("any health checking, filtering or proxying the load balancer does");
        return string.Join("; ", skipped);
    }
}
