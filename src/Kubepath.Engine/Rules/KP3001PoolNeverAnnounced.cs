using System.Collections.Generic;
using System.Linq;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>An IPAddressPool no advertisement covers: MetalLB allocates from it, no speaker announces it.</summary>
public sealed class KP3001PoolNeverAnnounced : DatapathRule
{
    public KP3001PoolNeverAnnounced()
        : base("KP3001")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var config = context.World.MetalLB;
        foreach (var pool in config.Pools)
        {
            var covered = config.L2Advertisements.Cast<Advertisement>().Concat(config.BgpAdvertisements).Any(ad => Simulate.Announcements.Covers(ad, pool));
            if (covered)
            {
                continue;
            }

            var users = context.World.Services.Where(service => service.Allocation?.Pool == pool.Name && service.LoadBalancerIngress.Count > 0).ToList();
            var usage = users.Count == 0
                ? string.Empty
                : " (" + string.Join("; ", users.Select(service => service.QualifiedName + " has " + string.Join(", ", service.LoadBalancerIngress.Select(ip => ip.Address)))) + ")";
            yield return Report(pool.Source.Metadata.Name?.Span ?? pool.Source.Span, ("pool", pool.Name), ("usage", usage));
        }
    }
}
