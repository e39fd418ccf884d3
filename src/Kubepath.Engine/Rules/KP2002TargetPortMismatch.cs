using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>A Service port's targetPort that no container port of a selected pod template matches (name or number, and protocol).</summary>
public sealed class KP2002TargetPortMismatch : DatapathRule
{
    public KP2002TargetPortMismatch()
        : base("KP2002")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var service in context.World.Services.Where(s => s.Source.Spec.Selector?.Value is { Count: > 0 }))
        {
            var templates = context.TemplatesSelectedBy(service);
            foreach (var port in service.Source.Spec.Ports)
            {
                var protocol = port.EffectiveProtocol;
                var target = port.TargetPort?.Value ?? IntOrString.FromNumber(port.Port?.Value ?? 0);
                var label = port.Name?.Value is { Length: > 0 } name ? name : (port.Port?.Value ?? 0).ToString(CultureInfo.InvariantCulture);
                foreach (var template in templates)
                {
                    var declared = template.Spec.Containers.SelectMany(container => container.Ports).ToList();
                    var problem = Problem(target, protocol, declared);
                    if (problem is null)
                    {
                        continue;
                    }

                    yield return Report(
                        port.TargetPort?.Span ?? port.Span,
                        ("service", service.QualifiedName),
                        ("port", label),
                        ("target", target.ToString()),
                        ("problem", problem),
                        ("owner", template.Owner),
                        ("note", target.IsNumber ? " (a numeric targetPort need not be declared, but this template declares its ports and not this one)" : string.Empty));
                }
            }
        }
    }

    private static string? Problem(IntOrString target, Protocol protocol, List<ContainerPort> declared)
    {
        var wire = WireNames.Protocol.NameOf(protocol);
        if (!target.IsNumber)
        {
            var named = declared.Where(port => port.Name?.Value == target.Name).ToList();
            if (named.Count == 0)
            {
                return "names no container port";
            }

            return named.Any(port => port.EffectiveProtocol == protocol) ? null : "names a container port of another protocol than " + wire;
        }

        if (declared.Count == 0)
        {
            return null;
        }

        var numbered = declared.Where(port => port.Number?.Value == target.Number).ToList();
        if (numbered.Count == 0)
        {
            return "matches no declared container port (" + string.Join(", ", declared.Select(port => port.Number?.Value.ToString(CultureInfo.InvariantCulture) + "/" + WireNames.Protocol.NameOf(port.EffectiveProtocol))) + ")";
        }

        return numbered.Any(port => port.EffectiveProtocol == protocol) ? null : "is declared only for another protocol than " + wire;
    }
}
