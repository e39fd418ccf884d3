using System;
using System.Collections.Generic;
using System.Linq;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>A MetalLB Service annotation the profile's MetalLB release does not read.</summary>
public sealed class KP3010IgnoredMetalLBAnnotation : DatapathRule
{
    private static readonly string[] Names = { "loadBalancerIPs", "address-pool", "allow-shared-ip" };

    public KP3010IgnoredMetalLBAnnotation()
        : base("KP3010")
    {
    }

    /// <summary>Reads only the Service's annotations and the release.</summary>
    public override bool ReadsMetalLBConfiguration => false;

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var release = context.World.Profile.MetalLB.Version;
        var current = MetalLBAnnotations.ReadsCurrentPrefix(release);
        foreach (var service in context.World.Services.Where(s => s.Type == ServiceType.LoadBalancer))
        {
            foreach (var name in Names)
            {
                var annotations = service.Source.Metadata.Annotations;
                var newer = annotations.Find(MetalLBAnnotations.CurrentPrefix + name);
                var older = annotations.Find(MetalLBAnnotations.OldPrefix + name);
                if (!current && newer is not null)
                {
                    yield return Report(newer.Key.Span, ("key", newer.Key.Value), ("version", release.ToString(3)), ("why", "releases before 0.14.9 read metallb.universe.tf/" + name + " only"));
                }
                else if (current && newer is not null && older is not null && older.Value.Value != newer.Value.Value)
                {
                    yield return Report(older.Key.Span, ("key", older.Key.Value), ("version", release.ToString(3)), ("why", newer.Key.Value + " is present and wins (\"" + newer.Value.Value + "\")"));
                }
            }
        }
    }
}
