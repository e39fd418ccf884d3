using System;
using System.Collections.Generic;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>Ports the API server's Service validation refuses: unnamed ports among several, duplicate names, duplicate (port, protocol).</summary>
public sealed class KP4002InvalidServicePorts : DatapathRule
{
    public KP4002InvalidServicePorts()
        : base("KP4002")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var service in context.World.Services)
        {
            var ports = service.Source.Spec.Ports;
            var names = new HashSet<string>(StringComparer.Ordinal);
            var pairs = new HashSet<(int, Protocol)>();
            for (var i = 0; i < ports.Count; i++)
            {
                var port = ports[i];
                var name = port.Name?.Value ?? string.Empty;
                string? problem = null;
                if (ports.Count > 1 && name.Length == 0)
                {
                    problem = "spec.ports[" + i + "].name: Required value: a Service with several ports must name each one; the API server refuses it";
                }
                else if (name.Length > 0 && !names.Add(name))
                {
                    problem = "spec.ports[" + i + "].name: Duplicate value \"" + name + "\"; the API server refuses it";
                }
                else if (!pairs.Add((port.Port?.Value ?? 0, port.EffectiveProtocol)))
                {
                    problem = "spec.ports[" + i + "]: Duplicate value: port " + (port.Port?.Value ?? 0) + "/" + WireNames.Protocol.NameOf(port.EffectiveProtocol) + " is listed twice; the API server refuses it";
                }

                if (problem is not null)
                {
                    yield return Report(port.Span, ("service", service.QualifiedName), ("problem", problem));
                    break;
                }
            }
        }
    }
}
