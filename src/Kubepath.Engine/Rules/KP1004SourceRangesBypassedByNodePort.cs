using System.Collections.Generic;
using System.Linq;
using System.Net;
using Kubepath.Engine.Simulate;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>loadBalancerSourceRanges with a node port: a client outside the ranges reaches the endpoints through the node port.</summary>
public sealed class KP1004SourceRangesBypassedByNodePort : DatapathRule
{
    public KP1004SourceRangesBypassedByNodePort()
        : base("KP1004")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var service in context.World.Services.Where(s => s.LoadBalancerSourceRanges.Count > 0 && s.Ports.Any(port => port.NodePort != 0) && s.Source.Spec.LoadBalancerSourceRanges.Count > 0))
        {
            var outsider = Outsider(service.LoadBalancerSourceRanges);
            var port = service.Ports.First(p => p.NodePort != 0);
            var node = context.World.Nodes.FirstOrDefault(candidate => candidate.InternalIPs.Count > 0);
            if (outsider is null || node is null)
            {
                continue;
            }

            var origin = new Origin(OriginKind.External, node.Name, outsider, false);
            var flow = context.Flows.Flow(service, port, new Entry(EntryKind.NodePort, node.InternalIPs[0], port.NodePort, node.Name), origin);
            var delivered = flow.Outcomes.Where(outcome => outcome.Verdict == FlowVerdict.Delivered).ToList();
            if (delivered.Count == 0)
            {
                continue;
            }

            var chain = delivered[0].Path.FirstOrDefault(step => step.StartsWith("KUBE-EXT-", System.StringComparison.Ordinal)) ?? "KUBE-EXT";
            yield return Report(
                service.Source.Spec.LoadBalancerSourceRanges[0].Span,
                ("ranges", string.Join(", ", service.LoadBalancerSourceRanges)),
                ("service", service.QualifiedName),
                ("nodePort", port.NodePort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("chain", chain));
        }
    }

    /// <summary>A documentation address outside every range (TEST-NET-2/3), to play the unwanted client.</summary>
    private static IPAddress? Outsider(IReadOnlyList<Cidr> ranges) =>
        Candidates.FirstOrDefault(ip => !ranges.Any(range => range.Contains(ip)));

    private static readonly IPAddress[] Candidates = { IPAddress.Parse("198.51.100.77"), IPAddress.Parse("203.0.113.77"), IPAddress.Parse("192.0.2.77") };
}
