using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using Kubepath.Engine.Compile;
using Kubepath.Engine.World;

namespace Kubepath.Engine.Simulate;

/// <summary>
/// Runs one node's compiled tables for the first packet of a connection, the way netfilter does: nat PREROUTING (or
/// OUTPUT for the node's own processes), the routing decision, filter INPUT / FORWARD / OUTPUT, and nat POSTROUTING
/// where a marked packet is masqueraded to the address of the interface it leaves by. Every branch of a
/// <c>statistic</c> match is followed, so the outcomes carry their probabilities and add up to 1.
/// </summary>
public sealed class Evaluator
{
    private const int MaxDepth = 64;
    private readonly ClusterWorld world;
    private readonly ClusterNode node;
    private readonly ChainIndex nat;
    private readonly ChainIndex filter;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IPAddress, AddressFacts> facts = new();

    public Evaluator(ClusterWorld world, NodeRules rules)
    {
        this.world = world;
        node = world.FindNode(rules.NodeName) ?? throw new ArgumentException("Unknown node " + rules.NodeName, nameof(rules));
        nat = rules.Index(Table.Nat);
        filter = rules.Index(Table.Filter);
    }

    public IReadOnlyList<FlowOutcome> Run(Packet packet)
    {
        var local = packet.Origin.Kind == OriginKind.Host;
        var start = new Branch
        {
            Probability = 1,
            Source = packet.Origin.Source,
            Destination = packet.Destination,
            Port = packet.Port,
            InInterface = InInterfaceOf(packet.Origin),
            Path = ImmutableList.Empty,
        };

        var outcomes = new List<FlowOutcome>();
        foreach (var afterNat in Walk(nat, local ? "OUTPUT" : "PREROUTING", start.Enter(local ? "nat/OUTPUT" : "nat/PREROUTING"), packet, 0))
        {
            var routed = afterNat.Branch;
            if (afterNat.Result == Result.Drop)
            {
                outcomes.Add(Finish(routed, FlowVerdict.Dropped, packet, afterNat.Rule));
                continue;
            }

            var deliveredHere = FactsOf(routed.Destination).Local;
            var filterChain = local ? "OUTPUT" : deliveredHere ? "INPUT" : "FORWARD";
            foreach (var afterFilter in Walk(filter, filterChain, routed.Enter("filter/" + filterChain), packet, 0))
            {
                var branch = afterFilter.Branch;
                if (afterFilter.Result is Result.Drop or Result.Reject)
                {
                    outcomes.Add(Finish(branch, afterFilter.Result == Result.Drop ? FlowVerdict.Dropped : FlowVerdict.Rejected, packet, afterFilter.Rule));
                    continue;
                }

                // A packet for this node that came in from outside is delivered without POSTROUTING (no SNAT).
                if (!local && deliveredHere)
                {
                    outcomes.Add(Finish(branch, VerdictOf(branch), packet, null));
                    continue;
                }

                foreach (var afterPost in Walk(nat, "POSTROUTING", branch.Enter("nat/POSTROUTING"), packet, 0))
                {
                    var final = afterPost.Branch;
                    if (afterPost.Result == Result.Masquerade)
                    {
                        var (address, device) = FactsOf(final.Destination).Egress;
                        final = final with { Source = address, Masqueraded = true, SourceInterface = device };
                    }

                    if (!local || !deliveredHere)
                    {
                        outcomes.Add(Finish(final, VerdictOf(final), packet, afterPost.Result == Result.Drop ? afterPost.Rule : null));
                        continue;
                    }

                    // The node's own packet for a local address comes back in through lo: filter INPUT applies too.
                    foreach (var afterInput in Walk(filter, "INPUT", final.Enter("filter/INPUT"), packet, 0))
                    {
                        var verdict = afterInput.Result switch
                        {
                            Result.Drop => FlowVerdict.Dropped,
                            Result.Reject => FlowVerdict.Rejected,
                            _ => VerdictOf(afterInput.Branch),
                        };
                        outcomes.Add(Finish(afterInput.Branch, verdict, packet, afterInput.Result is Result.Drop or Result.Reject ? afterInput.Rule : null));
                    }
                }
            }
        }

        return outcomes;
    }

    private static FlowVerdict VerdictOf(Branch branch) => branch.Dnat ? FlowVerdict.Delivered : FlowVerdict.NotTranslated;

    private FlowOutcome Finish(Branch branch, FlowVerdict verdict, Packet packet, Rule? decidedBy)
    {
        var endpointNode = branch.Dnat ? FactsOf(branch.Destination).Owner : null;
        return new FlowOutcome
        {
            Probability = branch.Probability,
            Verdict = verdict,
            Endpoint = branch.Dnat ? Addresses.JoinHostPort(Addresses.Format(branch.Destination), branch.Port) : null,
            EndpointNode = endpointNode,
            Masqueraded = branch.Masqueraded,
            SourceSeen = branch.Source,
            SourceInterface = branch.SourceInterface,
            Path = branch.Path,
            DecidingRule = decidedBy,
            AffinityFirstConnection = branch.AffinityChecked,
        };
    }

    /// <summary>The interface a packet from a pod enters the host by: the bridge, or a veth of the detector's prefix.</summary>
    private string? InInterfaceOf(Origin origin) => origin.Kind switch
    {
        OriginKind.Host => null,
        OriginKind.Pod => world.Profile.KubeProxy.DetectLocalMode == LocalDetectMode.InterfaceNamePrefix
            ? world.Profile.KubeProxy.InterfaceNamePrefix + "0"
            : world.Profile.Cni == Cni.Flannel || world.Profile.KubeProxy.DetectLocalMode == LocalDetectMode.BridgeInterface
                ? world.Profile.KubeProxy.BridgeInterface
                : "veth0",
        _ => "eth0",
    };

    /// <summary>
    /// The routing decision that picks the masquerade address: the bridge for a pod on this node, the overlay for a pod
    /// on another node (flannel), otherwise the node's address on the interface that reaches the destination.
    /// </summary>
    private (IPAddress Address, string Device) EgressAddress(IPAddress destination)
    {
        var ipv6 = Addresses.IsIPv6(destination);
        var cni = world.Profile.Cni;
        var nodeAddress = node.InternalIP(ipv6) ?? (node.InternalIPs.Count > 0 ? node.InternalIPs[0] : IPAddress.None);
        if (node.PodCidrs.Any(cidr => cidr.Contains(destination)) && node.BridgeAddress(cni, ipv6) is { } bridge)
        {
            return (bridge, world.Profile.KubeProxy.BridgeInterface);
        }

        if (world.Nodes.Any(other => other.Name != node.Name && other.PodCidrs.Any(cidr => cidr.Contains(destination))) && node.TunnelAddress(cni, ipv6) is { } tunnel)
        {
            return (tunnel, "flannel.1");
        }

        var onLink = node.Interfaces.FirstOrDefault(entry => entry.Subnet.Contains(destination));
        return onLink is not null ? (onLink.Address, onLink.Interface) : (nodeAddress, "the node's address");
    }

    /// <summary>
    /// What the node's addresses and routes say about an address; the same for every packet, so kept. Looked up before
    /// adding: a lambda that captures the evaluator would otherwise be allocated on every packet's lookups.
    /// </summary>
    private AddressFacts FactsOf(IPAddress address) => facts.TryGetValue(address, out var known)
        ? known
        : facts.GetOrAdd(address, new AddressFacts(node.IsLocal(address, world.Profile.Cni), world.NodeOwning(address)?.Name, EgressAddress(address)));

    private sealed record AddressFacts(bool Local, string? Owner, (IPAddress Address, string Device) Egress);

    private enum Result
    {
        FellOff,
        Return,
        Accept,
        Drop,
        Reject,
        Dnat,
        Masquerade,
    }

    private readonly record struct Step(Branch Branch, Result Result, Rule? Rule);

    /// <summary>Walks a chain from its first rule: the ways the packet leaves it.</summary>
    private List<Step> Walk(ChainIndex index, string chain, Branch start, Packet packet, int depth)
    {
        var results = new List<Step>(1);
        WalkInto(index, chain, start, packet, depth, results);
        return results;
    }

    /// <summary>
    /// Walks a chain, depth first: a statistic match splits the branch (the part not taken continues at the next rule);
    /// a jump walks the target chain and continues here with what falls off its end or RETURNs. Work lists are pooled
    /// per thread: a packet meets a few hundred rules and must not cost a few hundred allocations.
    /// </summary>
    private void WalkInto(ChainIndex index, string chain, Branch start, Packet packet, int depth, List<Step> results)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException("Chain jumps nest deeper than " + MaxDepth + " at " + chain);
        }

        var rules = index.CandidatesOf(chain, start.Destination, start.Port);
        var work = Pool.RentWork();
        work.Push((start, 0));
        while (work.Count > 0)
        {
            var (branch, from) = work.Pop();
            var ended = false;
            for (var i = from; i < rules.Count && !ended; i++)
            {
                var rule = rules[i];
                var (chance, matched) = Match(rule, branch, packet);
                if (chance <= 0)
                {
                    branch = matched;
                    continue;
                }

                var taken = matched;
                if (chance < 1)
                {
                    work.Push((matched with { Probability = branch.Probability * (1 - chance) }, i + 1));
                    taken = matched with { Probability = branch.Probability * chance };
                }

                switch (rule.Target)
                {
                    case null:
                        branch = taken;
                        break;
                    case JumpTarget jump:
                        var inner = Pool.RentSteps();
                        WalkInto(index, jump.Chain, taken.Enter(jump.Chain), packet, depth + 1, inner);

                        // Continuations go on the stack last first, so they come off in the order the sub-chain gave them.
                        for (var k = inner.Count - 1; k >= 0; k--)
                        {
                            if (inner[k].Result is Result.FellOff or Result.Return)
                            {
                                work.Push((inner[k].Branch, i + 1));
                            }
                        }

                        foreach (var step in inner)
                        {
                            if (step.Result is not (Result.FellOff or Result.Return))
                            {
                                results.Add(step);
                            }
                        }

                        Pool.Return(inner);
                        ended = true;
                        break;
                    case MarkTarget mark:
                        branch = taken with { Mark = mark.Xor ? taken.Mark ^ mark.Mark : taken.Mark | mark.Mark };
                        break;
                    case VerdictTarget verdict:
                        results.Add(new Step(taken, verdict.Verdict switch
                        {
                            Verdict.Accept => Result.Accept,
                            Verdict.Drop => Result.Drop,
                            _ => Result.Return,
                        }, rule));
                        ended = true;
                        break;
                    case RejectTarget:
                        results.Add(new Step(taken, Result.Reject, rule));
                        ended = true;
                        break;
                    case DnatTarget dnat:
                        results.Add(new Step(taken with { Destination = dnat.IP, Port = dnat.Port, Dnat = true }, Result.Dnat, rule));
                        ended = true;
                        break;
                    case MasqueradeTarget:
                        results.Add(new Step(taken, Result.Masquerade, rule));
                        ended = true;
                        break;
                }
            }

            if (!ended)
            {
                results.Add(new Step(branch, Result.FellOff, null));
            }
        }

        Pool.Return(work);
    }

    /// <summary>Per-thread pools of the walk's work lists.</summary>
    private static class Pool
    {
        [ThreadStatic]
        private static Stack<Stack<(Branch, int)>>? works;

        [ThreadStatic]
        private static Stack<List<Step>>? steps;

        public static Stack<(Branch, int)> RentWork() => (works ??= new()).Count > 0 ? works.Pop() : new Stack<(Branch, int)>();

        public static void Return(Stack<(Branch, int)> work)
        {
            work.Clear();
            works!.Push(work);
        }

        public static List<Step> RentSteps() => (steps ??= new()).Count > 0 ? steps.Pop() : new List<Step>();

        public static void Return(List<Step> list)
        {
            list.Clear();
            steps!.Push(list);
        }
    }

    /// <summary>The chance a rule's matches hold for the branch (a statistic match gives its probability), and the branch after them.</summary>
    private (double Chance, Branch Branch) Match(Rule rule, Branch branch, Packet packet)
    {
        var chance = 1.0;
        // By index: a foreach over the interface would allocate an enumerator for every rule a packet meets.
        var args = rule.Args;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case AddressArg address:
                    var subject = address.IsSource ? branch.Source : branch.Destination;
                    var inside = Addresses.IsIPv6(subject) == address.Cidr.IsIPv6 && address.Cidr.Contains(subject);
                    if (inside == address.Negated)
                    {
                        return (0, branch);
                    }

                    break;
                case InInterfaceArg device:
                    var name = branch.InInterface ?? string.Empty;
                    var same = device.Name.EndsWith("+", StringComparison.Ordinal)
                        ? name.StartsWith(device.Name.Substring(0, device.Name.Length - 1), StringComparison.Ordinal) && name.Length > 0
                        : name == device.Name;
                    if (same == device.Negated)
                    {
                        return (0, branch);
                    }

                    break;
                case ProtocolArg protocol when protocol.Protocol != packet.Protocol:
                case ProtocolModuleArg module when module.Protocol != packet.Protocol:
                    return (0, branch);
                case PortArg port when port.Port != branch.Port:
                    return (0, branch);
                case AddrTypeLocalArg addrType:
                    if (!FactsOf(addrType.Source ? branch.Source : branch.Destination).Local)
                    {
                        return (0, branch);
                    }

                    break;
                case MarkArg mark:
                    if (((branch.Mark & mark.Mark) == mark.Mark) == mark.Negated)
                    {
                        return (0, branch);
                    }

                    break;
                case ConntrackArg conntrack:
                    var states = conntrack.StateList;
                    var holds = states.Contains("NEW") || (branch.Dnat && states.Contains("DNAT"));
                    if (holds == conntrack.Negated)
                    {
                        return (0, branch);
                    }

                    break;
                case RecentArg recent when !recent.Set:
                    // A first connection has no affinity entry yet; later ones go where the first one went.
                    return (0, branch with { AffinityChecked = true });
                case StatisticArg statistic:
                    chance *= statistic.Value;
                    break;
            }
        }

        return (chance, branch);
    }

    /// <summary>One way through the tables so far (a value: branches are copied, not shared).</summary>
    private record struct Branch
    {
        public required double Probability { get; init; }

        public required IPAddress Source { get; init; }

        public required IPAddress Destination { get; init; }

        public required int Port { get; init; }

        public string? InInterface { get; init; }

        public uint Mark { get; init; }

        public bool Dnat { get; init; }

        public bool Masqueraded { get; init; }

        public string? SourceInterface { get; init; }

        public bool AffinityChecked { get; init; }

        public required ImmutableList Path { get; init; }

        public Branch Enter(string step) => this with { Path = Path.Add(step) };
    }

    /// <summary>
    /// A persistent list, so branches share their common path; read as a list, it is written out once, when first read
    /// (an explanation reads paths, most rules never do).
    /// </summary>
    private sealed class ImmutableList : IReadOnlyList<string>
    {
        public static readonly ImmutableList Empty = new(null, null, 0);
        private readonly ImmutableList? parent;
        private readonly string? item;
        private string[]? steps;

        private ImmutableList(ImmutableList? parent, string? item, int count)
        {
            this.parent = parent;
            this.item = item;
            Count = count;
        }

        public int Count { get; }

        private string[] Steps => steps ??= WriteOut();

        public string this[int index] => Steps[index];

        public ImmutableList Add(string step) => new(this, step, Count + 1);

        public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)Steps).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private string[] WriteOut()
        {
            var result = new string[Count];
            var current = this;
            for (var i = Count - 1; i >= 0; i--, current = current.parent!)
            {
                result[i] = current.item!;
            }

            return result;
        }
    }
}
