using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>
/// A selector that picks the pods of several workloads whose named targetPort resolves to different numbers: the
/// EndpointSlice controller resolves the name per pod, so one Service port leads to different container ports.
/// </summary>
public sealed class KP2003SelectorSpansWorkloadsWithDifferentPorts : DatapathRule
{
    public KP2003SelectorSpansWorkloadsWithDifferentPorts()
        : base("KP2003")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var service in context.World.Services.Where(s => s.Source.Spec.Selector?.Value is { Count: > 0 }))
        {
            var templates = context.TemplatesSelectedBy(service)
                .GroupBy(template => template.Owner, System.StringComparer.Ordinal)
                .Select(group => group.First())
                .ToList();
            if (templates.Count < 2)
            {
                continue;
            }

            foreach (var port in service.Source.Spec.Ports.Where(p => p.TargetPort?.Value is { IsNumber: false }))
            {
                var name = port.TargetPort!.Value.Name ?? string.Empty;
                var resolved = templates
                    .Select(template => (template.Owner, Number: template.Spec.Containers.SelectMany(container => container.Ports)
                        .FirstOrDefault(declared => declared.Name?.Value == name && declared.EffectiveProtocol == port.EffectiveProtocol)?.Number?.Value))
                    .Where(entry => entry.Number is not null)
                    .OrderBy(entry => entry.Owner, System.StringComparer.Ordinal)
                    .ToList();
                if (resolved.Select(entry => entry.Number).Distinct().Count() < 2)
                {
                    continue;
                }

                yield return Report(
                    port.TargetPort.Span,
                    ("service", service.QualifiedName),
                    ("port", port.Name?.Value is { Length: > 0 } portName ? portName : (port.Port?.Value ?? 0).ToString(CultureInfo.InvariantCulture)),
                    ("target", name),
                    ("count", resolved.Count.ToString(CultureInfo.InvariantCulture)),
                    ("resolved", string.Join(", ", resolved.Select(entry => entry.Owner + " → " + entry.Number!.Value.ToString(CultureInfo.InvariantCulture)))));
            }
        }
    }
}
