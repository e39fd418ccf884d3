using System.Collections.Generic;
using System.Linq;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>Endpoints serve, yet no node may announce the address (advertisement nodeSelectors, speakers, Local policy).</summary>
public sealed class KP3006NoAnnouncer : DatapathRule
{
    public KP3006NoAnnouncer()
        : base("KP3006")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        if (!context.World.MetalLB.Configured)
        {
            yield break;
        }

        foreach (var service in context.World.Services.Where(s => s.Type == ServiceType.LoadBalancer && s.LoadBalancerIngress.Count > 0))
        {
            var announcement = context.Announcement(service);
            // A pool without advertisement is KP3001's; no serving endpoint at all is not MetalLB's doing.
            var pool = context.World.MetalLB.Pools.FirstOrDefault(candidate => candidate.Name == announcement.Pool);
            if (announcement.NotAnnounced is null || pool is null ||
                !context.World.MetalLB.L2Advertisements.Concat<Advertisement>(context.World.MetalLB.BgpAdvertisements).Any(ad => Simulate.Announcements.Covers(ad, pool)) ||
                !service.Ports.SelectMany(port => port.Endpoints).Any(endpoint => endpoint.Ready || endpoint.Serving))
            {
                continue;
            }

            var advertised = announcement.AdvertisedNodes.Count == 0 ? "no node runs a usable speaker the advertisements select" : "the advertisements select " + string.Join(", ", announcement.AdvertisedNodes);
            var why = Local(service)
                ? advertised + " and the endpoints run on " + (announcement.EndpointNodes.Count == 0 ? "no known node" : string.Join(", ", announcement.EndpointNodes)) + " (externalTrafficPolicy: Local)"
                : advertised;
            var span = Local(service) ? service.Source.Spec.ExternalTrafficPolicy!.Span : service.Source.Metadata.Name?.Span ?? service.Source.Span;
            var assumed = service.Ports.SelectMany(port => port.Endpoints).Any(endpoint => endpoint.Assumed) && Local(service)
                ? " (with the pods placed by Kubepath's assumed placement; pass --state for the real one)"
                : string.Empty;
            yield return Report(span, ("service", service.QualifiedName), ("address", string.Join(", ", announcement.Addresses)), ("why", why), ("assumed", assumed));
        }
    }

    private static bool Local(World.ServiceView service) => service.ExternalTrafficPolicy == TrafficPolicy.Local && service.Source.Spec.ExternalTrafficPolicy is not null;
}
