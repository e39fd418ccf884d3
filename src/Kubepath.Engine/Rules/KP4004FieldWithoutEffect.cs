using System.Collections.Generic;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>A Service field the Service's type makes meaningless (ignored by kube-proxy, or refused by the API server).</summary>
public sealed class KP4004FieldWithoutEffect : DatapathRule
{
    public KP4004FieldWithoutEffect()
        : base("KP4004")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var view in context.World.Services)
        {
            var spec = view.Source.Spec;
            var type = spec.EffectiveType;
            var name = view.QualifiedName;
            var externallyReachable = type is ServiceType.NodePort or ServiceType.LoadBalancer || (type == ServiceType.ClusterIP && spec.ExternalIPs.Count > 0);
            var noProxy = type == ServiceType.ExternalName || spec.IsHeadless;
            var typeName = spec.IsHeadless ? "a headless Service" : "type " + WireNames.ServiceType.NameOf(type);

            if (spec.ExternalTrafficPolicy is { } etp && !externallyReachable)
            {
                yield return Report(etp.Span, ("service", name), ("field", "externalTrafficPolicy"), ("effect", "applies to NodePort, LoadBalancer and external-IP traffic only: the API server refuses it for " + typeName));
            }

            if (spec.HealthCheckNodePort is { } healthCheck && !(type == ServiceType.LoadBalancer && spec.ExternalTrafficPolicy?.Value == TrafficPolicy.Local))
            {
                yield return Report(healthCheck.Span, ("service", name), ("field", "healthCheckNodePort"), ("effect", "exists only for LoadBalancer Services with externalTrafficPolicy Local: the API server refuses it here"));
            }

            if (type != ServiceType.LoadBalancer)
            {
                foreach (var (field, span) in LoadBalancerFields(spec))
                {
                    yield return Report(span, ("service", name), ("field", field), ("effect", "only matters for type LoadBalancer; it is ignored for " + typeName));
                }
            }

            if (noProxy && spec.SessionAffinity is { Value: SessionAffinity.ClientIP } affinity)
            {
                yield return Report(affinity.Span, ("service", name), ("field", "sessionAffinity: ClientIP"), ("effect", "has no effect for " + typeName + ": kube-proxy writes no rules for it, so clients resolve and connect to pods directly"));
            }

            if (noProxy && spec.InternalTrafficPolicy is { } itp)
            {
                yield return Report(itp.Span, ("service", name), ("field", "internalTrafficPolicy"), ("effect", "has no effect for " + typeName + ": kube-proxy writes no rules for it"));
            }
        }
    }

    private static IEnumerable<(string Field, SourceSpan Span)> LoadBalancerFields(ServiceSpec spec)
    {
        if (spec.LoadBalancerSourceRanges.Count > 0)
        {
            yield return ("loadBalancerSourceRanges", spec.LoadBalancerSourceRanges[0].Span);
        }

        if (spec.LoadBalancerIP is { Value.Length: > 0 } ip)
        {
            yield return ("loadBalancerIP", ip.Span);
        }

        if (spec.LoadBalancerClass is { } lbClass)
        {
            yield return ("loadBalancerClass", lbClass.Span);
        }

        if (spec.AllocateLoadBalancerNodePorts is { } allocate)
        {
            yield return ("allocateLoadBalancerNodePorts", allocate.Span);
        }
    }
}
