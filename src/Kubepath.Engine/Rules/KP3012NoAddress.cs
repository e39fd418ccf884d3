using System.Collections.Generic;
using System.Linq;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>MetalLB cannot allocate for the Service (exhausted or unusable pools, a contradictory request).</summary>
public sealed class KP3012NoAddress : DatapathRule
{
    public KP3012NoAddress()
        : base("KP3012")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var service in context.World.Services.Where(s => s.Allocation?.FailureKind is AllocationFailure.NoAvailableIPs or AllocationFailure.InvalidRequest))
        {
            var pools = context.World.MetalLB.Pools;
            var why = service.Allocation!.FailureKind == AllocationFailure.NoAvailableIPs && pools.Count > 0 && pools.All(pool => !pool.AutoAssign)
                ? "; every IPAddressPool has autoAssign: false (" + string.Join(", ", pools.Select(pool => pool.Name)) + ")"
                : string.Empty;
            yield return Report(service.Source.Metadata.Name?.Span ?? service.Source.Span, ("service", service.QualifiedName), ("reason", service.Allocation.Failure!), ("why", why));
        }
    }
}
