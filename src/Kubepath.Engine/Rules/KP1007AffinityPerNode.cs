using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Kubepath.Engine.Simulate;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>
/// sessionAffinity ClientIP is an <c>-m recent</c> list in each node's own kernel (kube-proxy's KUBE-SEP
/// <c>--set</c> / KUBE-SVC <c>--rcheck</c> rules): when routers spread one client's connections over several entry
/// nodes (MetalLB BGP, ECMP per flow), each node pins the client to its own choice.
/// </summary>
public sealed class KP1007AffinityPerNode : DatapathRule
{
    public KP1007AffinityPerNode()
        : base("KP1007")
    {
    }

    /// <summary>Who advertises the address over BGP comes from the BGPAdvertisements.</summary>
    public override bool ReadsMetalLBConfiguration => true;

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var service in context.World.Services.Where(s => s.ClientIPAffinity && s.LoadBalancerIngress.Count > 0 && s.Ports.Count > 0 && context.World.MetalLB.Configured))
        {
            foreach (var entry in context.Explain(service, OriginKind.External).Ports[0].Entries.Where(e => e.Entry.Kind == EntryKind.LoadBalancerIP && e.Announcement is { BgpAdvertisers.Count: > 1 }))
            {
                var chosen = entry.Origins
                    .Where(flow => flow.Origin.Kind == OriginKind.External)
                    .Select(flow => (flow.Origin.Node, Endpoints: flow.Outcomes.Where(o => o.Verdict == FlowVerdict.Delivered).Select(o => o.Endpoint).Distinct().ToList()))
                    .Where(choice => choice.Endpoints.Count > 0)
                    .ToList();
                var endpoints = chosen.SelectMany(choice => choice.Endpoints).Distinct().Count();
                if (chosen.Count < 2 || endpoints < 2)
                {
                    continue;
                }

                yield return Report(
                    service.Source.Spec.SessionAffinity!.Span,
                    ("service", service.QualifiedName),
                    ("address", Addresses.Format(entry.Entry.Address)),
                    ("count", chosen.Count.ToString(CultureInfo.InvariantCulture)),
                    ("nodes", string.Join(", ", chosen.Select(choice => choice.Node))),
                    ("endpoints", endpoints.ToString(CultureInfo.InvariantCulture)));
                break;
            }
        }
    }
}
