using System.Collections.Generic;
using System.Linq;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary><c>spec.loadBalancerIP</c> on a LoadBalancer Service: deprecated, MetalLB's annotation is the supported request.</summary>
public sealed class KP3009DeprecatedLoadBalancerIP : DatapathRule
{
    public KP3009DeprecatedLoadBalancerIP()
        : base("KP3009")
    {
    }

    /// <summary>Reads only the Service and the release.</summary>
    public override bool ReadsMetalLBConfiguration => false;

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var release = context.World.Profile.MetalLB.Version;
        var prefix = MetalLBAnnotations.ReadsCurrentPrefix(release) ? MetalLBAnnotations.CurrentPrefix : MetalLBAnnotations.OldPrefix;
        foreach (var service in context.World.Services.Where(s => s.Type == ServiceType.LoadBalancer && s.Source.Spec.LoadBalancerIP is { Value.Length: > 0 }))
        {
            yield return Report(service.Source.Spec.LoadBalancerIP!.Span, ("version", release.ToString(3)), ("annotation", prefix + "loadBalancerIPs"));
        }
    }
}
