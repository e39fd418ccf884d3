using System.Collections.Generic;
using System.Linq;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>MetalLB refuses to share an address (sharing key, backend key, or a protocol and port in common).</summary>
public sealed class KP3008SharingConflict : DatapathRule
{
    public KP3008SharingConflict()
        : base("KP3008")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var release = context.World.Profile.MetalLB.Version;
        foreach (var service in context.World.Services.Where(s => s.Allocation?.FailureKind == AllocationFailure.Sharing))
        {
            var requested = MetalLBAnnotations.Find(service.Source, "loadBalancerIPs", release);
            var field = requested is { Value.Value.Length: > 0 } ? requested.Value : service.Source.Spec.LoadBalancerIP;
            var key = MetalLBAnnotations.Find(service.Source, "allow-shared-ip", release);
            yield return Report(
                key?.Value.Span ?? field?.Span ?? service.Source.Span,
                ("service", service.QualifiedName),
                ("address", field?.Value ?? "its address"),
                ("reason", service.Allocation!.Failure!));
        }
    }
}
