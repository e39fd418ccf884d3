using System.Collections.Generic;
using System.Linq;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>
/// Layer 2 and externalTrafficPolicy Local: external traffic enters at the elected node only, and kube-proxy's
/// KUBE-EXT chain there sends it to that node's endpoints only.
/// </summary>
public sealed class KP3007LocalPolicyOneNode : DatapathRule
{
    public KP3007LocalPolicyOneNode()
        : base("KP3007")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var service in context.World.Services.Where(s => s.Type == ServiceType.LoadBalancer && s.ExternalTrafficPolicy == TrafficPolicy.Local && s.LoadBalancerIngress.Count > 0))
        {
            if (!context.World.MetalLB.Configured || context.Announcement(service) is not { Layer2Announcer: { } node, BgpAdvertisers.Count: 0 } announcement)
            {
                continue;
            }

            var endpoints = service.Ports.Count == 0 ? new List<World.EndpointView>() : service.Ports[0].Endpoints.Where(endpoint => endpoint.Ready).ToList();
            var local = endpoints.Where(endpoint => endpoint.NodeName == node).ToList();
            if (local.Count == 0 || local.Count == endpoints.Count)
            {
                continue;
            }

            yield return Report(
                service.Source.Spec.ExternalTrafficPolicy!.Span,
                ("address", string.Join(", ", announcement.Addresses)),
                ("node", node),
                ("local", local.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("total", endpoints.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("endpoints", string.Join(", ", local.Select(endpoint => endpoint.Address))),
                ("others", (endpoints.Count - local.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("assumed", endpoints.Any(endpoint => endpoint.Assumed) || context.World.Nodes.Any(n => n.Assumed)
                    ? " (with the pods placed by Kubepath's assumed placement; pass --state for the real one)"
                    : string.Empty));
        }
    }
}
