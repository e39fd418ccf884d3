using System.Collections.Generic;
using System.Linq;
using Kubepath.Engine.Simulate;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>internalTrafficPolicy Local: pods on nodes without a local endpoint have their cluster-IP connections dropped.</summary>
public sealed class KP1005InternalPolicyDropsClients : DatapathRule
{
    public KP1005InternalPolicyDropsClients()
        : base("KP1005")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var service in context.World.Services.Where(s => s.Source.Spec.InternalTrafficPolicy?.Value == TrafficPolicy.Local && !s.IgnoredByKubeProxy && s.Ports.Count > 0))
        {
            var entry = context.Explain(service, OriginKind.Pod).Ports[0].Entries.FirstOrDefault(e => e.Entry.Kind == EntryKind.ClusterIP);
            if (entry is null)
            {
                continue;
            }

            var pods = entry.Origins.Where(flow => flow.Origin.Kind == OriginKind.Pod).ToList();
            var dropped = pods.Where(flow => flow.Outcomes.All(outcome => outcome.Verdict == FlowVerdict.Dropped)).Select(flow => flow.Origin.Node).ToList();

            // Every node dropping means no endpoint anywhere, which is not the policy's doing.
            if (dropped.Count == 0 || dropped.Count == pods.Count)
            {
                continue;
            }

            var assumed = service.Ports[0].Endpoints.Any(endpoint => endpoint.Assumed) || context.World.Nodes.Any(node => node.Assumed)
                ? " (with Kubepath's assumed nodes and placement; pass --state for the real ones)"
                : string.Empty;
            yield return Report(
                service.Source.Spec.InternalTrafficPolicy!.Span,
                ("nodes", string.Join(", ", dropped)),
                ("service", service.QualifiedName),
                ("address", entry.Entry.Describe().Replace("cluster IP ", string.Empty)),
                ("name", new Compile.ServicePortName(service.Namespace, service.Name, service.Ports[0].Name).ToString()),
                ("assumed", assumed));
        }
    }
}
