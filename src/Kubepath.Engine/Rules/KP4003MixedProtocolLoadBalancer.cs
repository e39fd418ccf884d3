using System.Collections.Generic;
using System.Linq;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>
/// A LoadBalancer Service with ports of more than one protocol, on a cluster whose API server refuses it
/// (the Service validation "may not contain more than 1 protocol when type is 'LoadBalancer'" before MixedProtocolLBService).
/// </summary>
public sealed class KP4003MixedProtocolLoadBalancer : DatapathRule
{
    /// <summary>MixedProtocolLBService went GA in 1.26; from then on it cannot be turned off.</summary>
    private static readonly KubeVersion AlwaysAccepted = new(1, 26);

    public KP4003MixedProtocolLoadBalancer()
        : base("KP4003")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var settings = context.World.Profile.KubeProxy;
        if (settings.Version >= AlwaysAccepted || FeatureGates.Enabled(settings, FeatureGates.MixedProtocolLBService))
        {
            yield break;
        }

        foreach (var service in context.World.Services.Where(s => s.Type == ServiceType.LoadBalancer))
        {
            var ports = service.Source.Spec.Ports;
            if (ports.Count == 0)
            {
                continue;
            }

            var first = ports[0].EffectiveProtocol;
            if (ports.FirstOrDefault(port => port.EffectiveProtocol != first) is { } other)
            {
                yield return Report(
                    other.Protocol?.Span ?? other.Span,
                    ("service", service.QualifiedName),
                    ("protocols", string.Join(" and ", ports.Select(port => WireNames.Protocol.NameOf(port.EffectiveProtocol)).Distinct())),
                    ("version", settings.Version.ToString()));
            }
        }
    }
}
