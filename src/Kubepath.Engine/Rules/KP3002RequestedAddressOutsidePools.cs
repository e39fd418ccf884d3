using System.Collections.Generic;
using System.Linq;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>A requested load-balancer address no pool holds: MetalLB leaves the Service pending.</summary>
public sealed class KP3002RequestedAddressOutsidePools : DatapathRule
{
    public KP3002RequestedAddressOutsidePools()
        : base("KP3002")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var release = context.World.Profile.MetalLB.Version;
        foreach (var service in context.World.Services.Where(s => s.Allocation?.FailureKind == AllocationFailure.RequestedOutsidePools))
        {
            var annotation = MetalLBAnnotations.Find(service.Source, "loadBalancerIPs", release);
            var field = annotation is { Value.Value.Length: > 0 } ? annotation.Value : service.Source.Spec.LoadBalancerIP;
            var pools = context.World.MetalLB.Pools.Select(pool => pool.Name + " " + string.Join(", ", pool.Ranges));
            yield return Report(
                field?.Span ?? service.Source.Span,
                ("service", service.QualifiedName),
                ("address", field?.Value ?? "?"),
                ("pools", string.Join("; ", pools)),
                ("reason", service.Allocation!.Failure!));
        }
    }
}
