using System.Collections.Generic;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>Two pool entries share addresses: MetalLB's config parser (<c>cidrsOverlap</c>) rejects the configuration.</summary>
public sealed class KP3004OverlappingPools : DatapathRule
{
    public KP3004OverlappingPools()
        : base("KP3004")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var seen = new List<(AddressPool Pool, AddressRange Range, string Text)>();
        foreach (var pool in context.World.MetalLB.Pools)
        {
            foreach (var field in pool.Source.Addresses)
            {
                if (!AddressRange.TryParse(field.Value, out var range))
                {
                    continue;
                }

                var clash = seen.Find(entry => entry.Range.Overlaps(range));
                if (clash.Pool is not null)
                {
                    yield return Report(field.Span, ("range", field.Value), ("pool", pool.Name), ("other", clash.Text), ("otherPool", clash.Pool.Name));
                }

                seen.Add((pool, range, field.Value));
            }
        }
    }
}
