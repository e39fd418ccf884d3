using System.Collections.Generic;
using System.Linq;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>The address-pool annotation names no IPAddressPool: MetalLB leaves the Service pending.</summary>
public sealed class KP3003UnknownAddressPool : DatapathRule
{
    public KP3003UnknownAddressPool()
        : base("KP3003")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var release = context.World.Profile.MetalLB.Version;
        foreach (var service in context.World.Services.Where(s => s.Allocation?.FailureKind == AllocationFailure.UnknownPool))
        {
            var annotation = MetalLBAnnotations.Find(service.Source, "address-pool", release);
            yield return Report(
                annotation?.Value.Span ?? service.Source.Span,
                ("service", service.QualifiedName),
                ("pool", annotation?.Value.Value ?? "?"),
                ("pools", string.Join(", ", context.World.MetalLB.Pools.Select(pool => pool.Name))));
        }
    }
}
