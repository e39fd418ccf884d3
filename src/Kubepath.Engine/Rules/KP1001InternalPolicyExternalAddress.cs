using System.Collections.Generic;
using System.Linq;
using Kubepath.Engine.Simulate;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>
/// internalTrafficPolicy Local with LoadBalancer or external IPs: pod traffic to those addresses goes through KUBE-EXT
/// to the cluster-wide chain (kube-proxy's "pod traffic for external destinations"), reaching every endpoint.
/// </summary>
public sealed class KP1001InternalPolicyExternalAddress : DatapathRule
{
    public KP1001InternalPolicyExternalAddress()
        : base("KP1001")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var service in context.World.Services.Where(s => s.Source.Spec.InternalTrafficPolicy?.Value == TrafficPolicy.Local && (s.LoadBalancerIngress.Count > 0 || s.ExternalIPs.Count > 0)))
        {
            if (service.Ports.Count == 0)
            {
                continue;
            }

            var flows = context.Explain(service, OriginKind.Pod).Ports[0].Entries
                .Where(entry => entry.Entry.Kind is EntryKind.LoadBalancerIP or EntryKind.ExternalIP)
                .SelectMany(entry => entry.Origins.Where(flow => flow.Origin.Kind == OriginKind.Pod).Select(flow => (entry.Entry, Flow: flow)));
            foreach (var (entry, flow) in flows)
            {
                var reached = flow.Outcomes.Where(outcome => outcome.Verdict == FlowVerdict.Delivered).ToList();
                if (!reached.Any(outcome => outcome.EndpointNode != flow.Origin.Node))
                {
                    continue;
                }

                var chain = reached.SelectMany(outcome => outcome.Path).FirstOrDefault(step => step.StartsWith("KUBE-SVC-", System.StringComparison.Ordinal)) ?? "KUBE-SVC";
                yield return Report(
                    service.Source.Spec.InternalTrafficPolicy!.Span,
                    ("kind", entry.Kind == EntryKind.LoadBalancerIP ? "LoadBalancer IP" : "external IP"),
                    ("address", entry.Address.ToString()),
                    ("node", flow.Origin.Node),
                    ("total", reached.Select(outcome => outcome.Endpoint).Distinct().Count().ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("chain", chain));
                break;
            }
        }
    }
}
