using System.Collections.Generic;
using System.Linq;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>A selector that matches no pod (placed or observed): kube-proxy rejects the Service's traffic.</summary>
public sealed class KP2001SelectorMatchesNothing : DatapathRule
{
    public KP2001SelectorMatchesNothing()
        : base("KP2001")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var service in context.World.Services.Where(s => s.HasClusterIP && s.Source.Spec.Selector?.Value is { Count: > 0 }))
        {
            if (service.EndpointSource is not (EndpointSource.Synthesised or EndpointSource.StatePods) || service.Ports.Any(port => port.Endpoints.Count > 0))
            {
                continue;
            }

            // Only where the manifests show how the namespace's pods are made: no templates, or pod creators Kubepath
            // does not model (an operator's custom resources), and the pods may well exist.
            var templates = context.TemplatesIn(service.Namespace);
            if (templates.Count == 0 || context.World.NamespacesWithUnmodelledPods.Contains(service.Namespace))
            {
                continue;
            }

            var selector = service.Source.Spec.Selector!;
            if (context.TemplatesSelectedBy(service).Count > 0)
            {
                continue;
            }

            // A near miss: all labels but one match (a typo, a renamed value), never a template of some other app.
            var near = selector.Value.Count < 2 ? null : templates.FirstOrDefault(template => selector.Value.Count(entry => template.Labels[entry.Key.Value] != entry.Value.Value) == 1);
            var nearText = near is null ? string.Empty : " (" + near.Owner + " has " + string.Join(", ", selector.Value.Select(entry => entry.Key.Value + "=" + (near.Labels[entry.Key.Value] ?? "(none)"))) + ")";
            yield return Report(
                selector.Span,
                ("service", service.QualifiedName),
                ("selector", string.Join(",", selector.Value.Select(entry => entry.Key.Value + "=" + entry.Value.Value))),
                ("namespace", service.Namespace),
                ("near", nearText),
                ("address", service.ClusterIPs.Count > 0 ? Addresses.Format(service.ClusterIPs[0]) : "its cluster IP"),
                ("name", service.QualifiedName));
        }
    }
}
