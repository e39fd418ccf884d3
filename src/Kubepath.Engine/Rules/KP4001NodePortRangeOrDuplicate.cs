using System;
using System.Collections.Generic;
using System.Linq;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>A written nodePort outside the profile's range, or one another Service port already holds.</summary>
public sealed class KP4001NodePortRangeOrDuplicate : DatapathRule
{
    public KP4001NodePortRangeOrDuplicate()
        : base("KP4001")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var range = context.World.Profile.NodePortRange;
        var holders = new Dictionary<int, string>();
        foreach (var service in context.World.Services)
        {
            foreach (var port in service.Source.Spec.Ports)
            {
                if (port.NodePort is not { } field || field.Value == 0)
                {
                    continue;
                }

                var name = service.QualifiedName;
                var label = (port.Name?.Value is { Length: > 0 } portName ? portName : (port.Port?.Value ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture));
                string? problem = null;
                if (!range.Contains(field.Value))
                {
                    problem = "is outside the cluster's NodePort range " + range + ": the API server refuses the Service";
                }
                else if (holders.TryGetValue(field.Value, out var holder) && holder != name)
                {
                    problem = "is already used by " + holder + ": the API server refuses the second Service (\"provided port is already allocated\")";
                }
                else
                {
                    holders[field.Value] = name;
                }

                if (problem is not null)
                {
                    yield return Report(field.Span, ("service", name), ("port", label), ("nodePort", field.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("problem", problem));
                }
            }
        }
    }
}
