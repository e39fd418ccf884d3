using System.Collections.Generic;
using System.Linq;
using System.Net;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>A pool entry includes a node's address: MetalLB may allocate it and cause an ARP conflict.</summary>
public sealed class KP3005PoolHoldsUsedAddress : DatapathRule
{
    public KP3005PoolHoldsUsedAddress()
        : base("KP3005")
    {
    }

    public override IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var used = new List<(IPAddress Address, string Owner)>();
        foreach (var node in context.World.Nodes.Where(node => !node.AddressAssumed))
        {
            used.AddRange(node.InternalIPs.Select(ip => (ip, "the internal IP of node " + node.Name)));
            used.AddRange(node.Interfaces.Select(entry => (entry.Address, "the address of " + entry.Interface + " on node " + node.Name)));
        }

        foreach (var pool in context.World.MetalLB.Pools)
        {
            foreach (var field in pool.Source.Addresses)
            {
                if (!AddressRange.TryParse(field.Value, out var range))
                {
                    continue;
                }

                foreach (var (address, owner) in used.Where(entry => range.Contains(entry.Address)))
                {
                    yield return Report(field.Span, ("range", field.Value), ("pool", pool.Name), ("address", Addresses.Format(address)), ("owner", owner));
                }
            }
        }
    }
}
