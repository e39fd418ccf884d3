using System.Collections.Generic;
using System.Linq;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>
/// A node advertises an aggregate because of one Service's address, and the aggregate covers a Local Service's
/// address that has no endpoint on that node: routers send that Service's traffic where kube-proxy drops it.
/// </summary>
public sealed class KP3011AggregatedLocalRoutes : DatapathRule
{
    public KP3011AggregatedLocalRoutes()
        : base("KP3011")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var services = context.World.Services.Where(s => s.Type == ServiceType.LoadBalancer && s.LoadBalancerIngress.Count > 0).ToList();
        var routes = services.SelectMany(service => context.Announcement(service).Routes.Select(route => (Service: service, Route: route))).ToList();
        foreach (var local in services.Where(s => s.ExternalTrafficPolicy == TrafficPolicy.Local))
        {
            var endpointNodes = new HashSet<string>(local.Ports.SelectMany(port => port.Endpoints).Where(e => e.Ready || e.Serving).Select(e => e.NodeName).OfType<string>());
            foreach (var address in local.LoadBalancerIngress.Select(ingress => ingress.Address))
            {
                var reported = new HashSet<string>();
                foreach (var (owner, route) in routes)
                {
                    var prefix = Cidr.Parse(route.Prefix);
                    if (owner == local || endpointNodes.Contains(route.Node) || !prefix.Contains(address) ||
                        prefix.PrefixLength == (prefix.IsIPv6 ? 128 : 32) || !reported.Add(route.Node))
                    {
                        continue;
                    }

                    var advertisement = context.World.MetalLB.BgpAdvertisements.FirstOrDefault(ad => (prefix.IsIPv6 ? ad.AggregationLengthV6 : ad.AggregationLength)?.Value == prefix.PrefixLength);
                    var length = prefix.IsIPv6 ? advertisement?.AggregationLengthV6 : advertisement?.AggregationLength;
                    yield return Report(
                        length?.Span ?? advertisement?.Span ?? local.Source.Span,
                        ("node", route.Node),
                        ("prefix", route.Prefix),
                        ("length", prefix.PrefixLength.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        ("reason", owner.QualifiedName),
                        ("address", Addresses.Format(address)),
                        ("service", local.QualifiedName));
                }
            }
        }
    }
}
