using System.Collections.Generic;
using System.Linq;
using Kubepath.Engine.Simulate;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>externalTrafficPolicy Local with node ports: external traffic at a node without a local endpoint is dropped.</summary>
public sealed class KP1003LocalPolicyDropsOnSomeNodes : DatapathRule
{
    public KP1003LocalPolicyDropsOnSomeNodes()
        : base("KP1003")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var services = context.World.Services.Where(s => s.ExternalTrafficPolicy == TrafficPolicy.Local && s.Source.Spec.ExternalTrafficPolicy is not null && !s.IgnoredByKubeProxy).ToList();
        context.ExplainAhead(services, OriginKind.External);
        foreach (var service in services)
        {
            foreach (var port in context.Explain(service, OriginKind.External).Ports.Where(port => port.Port.NodePort != 0))
            {
                var entries = port.Entries.Where(entry => entry.Entry.Kind == EntryKind.NodePort).ToList();
                var dropped = entries
                    .Where(entry => entry.Origins.Any(flow => flow.Origin.Kind == OriginKind.External && flow.Outcomes.All(outcome => outcome.Verdict == FlowVerdict.Dropped)))
                    .Select(entry => entry.Entry.Node!)
                    .ToList();

                // Every node dropping means no endpoint at all is ready, which is another problem than the policy.
                if (dropped.Count == 0 || dropped.Count == entries.Count)
                {
                    continue;
                }

                yield return Report(
                    service.Source.Spec.ExternalTrafficPolicy!.Span,
                    ("service", service.QualifiedName),
                    ("port", port.Port.NodePort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("nodes", string.Join(", ", dropped)),
                    ("name", new Compile.ServicePortName(service.Namespace, service.Name, port.Port.Name).ToString()),
                    ("certainty", Certainty(context.World, service, port.Port)));
            }
        }
    }

    /// <summary>
    /// With placed pods on known nodes: certain when there are fewer endpoints than nodes, otherwise resting on the
    /// placement; with assumed nodes, resting on their number.
    /// </summary>
    private static string Certainty(ClusterWorld world, ServiceView service, ServicePortView port)
    {
        if (!port.Endpoints.Any(endpoint => endpoint.Assumed) && !world.Nodes.Any(node => node.Assumed))
        {
            return string.Empty;
        }

        var ready = port.Endpoints.Count(endpoint => endpoint.Ready);
        if (world.Nodes.Any(node => node.Assumed))
        {
            return " (assuming " + world.Nodes.Count + " nodes, as no node is known: give the profile's nodes or --state)";
        }

        return ready < world.Nodes.Count
            ? " (certain: " + ready + " ready endpoint" + (ready == 1 ? string.Empty : "s") + " cannot cover " + world.Nodes.Count + " nodes, whatever the placement)"
            : " (under Kubepath's assumed placement of the pods; pass --state for the real one)";
    }
}
