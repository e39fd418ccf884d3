using System;
using System.Collections.Generic;
using System.Linq;
using Kubepath.Engine.World;

namespace Kubepath.Engine.Compile;

/// <summary>The chains and rules kube-proxy writes for one table with <c>iptables-restore</c>, in its order.</summary>
public sealed record TableRules(Table Table, IReadOnlyList<string> Chains, IReadOnlyList<Rule> Rules)
{
    public string Name => Table == Table.Nat ? "nat" : "filter";
}

/// <summary>
/// Everything kube-proxy programs on one node for one IP family: the two tables of its full sync, plus the jumps it
/// ensures in the built-in chains and the chains it creates outside the restore (KUBE-FIREWALL, KUBE-PROXY-CANARY).
/// </summary>
public sealed record NodeRules
{
    public required string NodeName { get; init; }

    public required bool IPv6 { get; init; }

    public required TableRules Filter { get; init; }

    public required TableRules Nat { get; init; }

    /// <summary>Rules in the built-in chains (INPUT, FORWARD, OUTPUT, PREROUTING, POSTROUTING), in their final order.</summary>
    public required IReadOnlyList<(Table Table, Rule Rule)> BuiltInJumps { get; init; }

    /// <summary>Chains kube-proxy creates without filling them in the restore.</summary>
    public required IReadOnlyList<(Table Table, string Chain)> CreatedChains { get; init; }

    /// <summary>The endpoints kube-proxy counted for large-cluster mode.</summary>
    public int TotalEndpoints { get; init; }

    public bool LargeClusterMode { get; init; }

    public TableRules TableOf(Table table) => table == Table.Nat ? Nat : Filter;

    /// <summary>The built-in chains a table has, in iptables-save's order.</summary>
    public static IReadOnlyList<string> BuiltInChains(Table table) => table == Table.Nat
        ? new[] { "PREROUTING", "INPUT", "OUTPUT", "POSTROUTING" }
        : new[] { "INPUT", "FORWARD", "OUTPUT" };

    /// <summary>Every rule of a chain in the order the kernel walks it, built-in chains included.</summary>
    public ChainIndex Index(Table table) => table == Table.Nat ? natIndex.Value : filterIndex.Value;

    private readonly Lazy<ChainIndex> natIndex;
    private readonly Lazy<ChainIndex> filterIndex;

    public NodeRules()
    {
        natIndex = new Lazy<ChainIndex>(() => new ChainIndex(this, Table.Nat));
        filterIndex = new Lazy<ChainIndex>(() => new ChainIndex(this, Table.Filter));
    }
}

/// <summary>The rules of a table grouped by chain, for walking.</summary>
public sealed class ChainIndex
{
    private readonly Dictionary<string, List<Rule>> chains = new(StringComparer.Ordinal);

    internal ChainIndex(NodeRules rules, Table table)
    {
        foreach (var name in NodeRules.BuiltInChains(table).Concat(rules.TableOf(table).Chains).Concat(rules.CreatedChains.Where(entry => entry.Table == table).Select(entry => entry.Chain)))
        {
            if (!chains.ContainsKey(name))
            {
                chains[name] = new List<Rule>();
            }
        }

        foreach (var (ruleTable, rule) in rules.BuiltInJumps)
        {
            if (ruleTable == table)
            {
                chains[rule.Chain].Add(rule);
            }
        }

        foreach (var rule in rules.TableOf(table).Rules)
        {
            chains.AddToList(rule.Chain, rule);
        }
    }

    public IEnumerable<string> ChainNames => chains.Keys;

    public bool Exists(string chain) => chains.ContainsKey(chain);

    public IReadOnlyList<Rule> RulesOf(string chain) => chains.TryGetValue(chain, out var list) ? list : (IReadOnlyList<Rule>)Array.Empty<Rule>();

    /// <summary>
    /// The rules of a chain that can match a packet for <paramref name="destination"/> and <paramref name="port"/>, in
    /// order: a rule that requires another host destination (<c>-d a.b.c.d/32</c>) or another destination port
    /// (<c>--dport</c>) cannot, so long chains such as KUBE-SERVICES and KUBE-NODEPORTS are not walked rule by rule.
    /// The result is the chain itself minus rules that could never match; the walk is unchanged.
    /// </summary>
    public IReadOnlyList<Rule> CandidatesOf(string chain, System.Net.IPAddress destination, int port)
    {
        var rules = RulesOf(chain);
        if (rules.Count < LongChain)
        {
            return rules;
        }

        // Built on the first packet that walks the chain: most chains of a node are never indexed. (Looked up before
        // GetOrAdd, whose lambda capturing the rules would be allocated on every call.)
        var index = destinations.TryGetValue(chain, out var built) ? built : destinations.GetOrAdd(chain, new DestinationIndex(rules));
        return index.For(destination, port);
    }

    /// <summary>Chains shorter than this are walked rule by rule.</summary>
    private const int LongChain = 16;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DestinationIndex> destinations = new(StringComparer.Ordinal);

    /// <summary>Rules grouped by the single host and the port they require as destination; the others apply to any.</summary>
    private sealed class DestinationIndex
    {
        private readonly IReadOnlyList<Rule> rules;
        private readonly List<int> anyDestination = new();
        private readonly Dictionary<System.Net.IPAddress, List<int>> byHost = new();
        private readonly Dictionary<int, List<int>> byPort = new();
        private readonly int?[] ports;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(System.Net.IPAddress, int), Rule[]> merged = new();

        public DestinationIndex(IReadOnlyList<Rule> rules)
        {
            this.rules = rules;
            ports = new int?[rules.Count];
            for (var i = 0; i < rules.Count; i++)
            {
                var (host, destinationPort) = DestinationOf(rules[i]);
                ports[i] = destinationPort;
                if (host is not null)
                {
                    byHost.AddToList(host.Cidr.Network, i);
                }
                else if (ports[i] is { } port)
                {
                    byPort.AddToList(port, i);
                }
                else
                {
                    anyDestination.Add(i);
                }
            }
        }

        /// <summary>
        /// The rule's single destination host, if it names one, and its destination port: looked at once per rule of every
        /// chain a node has, so by index, without an iterator per rule.
        /// </summary>
        private static (AddressArg? Host, int? Port) DestinationOf(Rule rule)
        {
            AddressArg? host = null;
            int? port = null;
            for (var j = 0; j < rule.Args.Count; j++)
            {
                switch (rule.Args[j])
                {
                    case AddressArg address when host is null && !address.IsSource && !address.Negated && address.Cidr.PrefixLength == (address.Cidr.IsIPv6 ? 128 : 32):
                        host = address;
                        break;
                    case PortArg portArg when port is null:
                        port = portArg.Port;
                        break;
                }
            }

            return (host, port);
        }

        public Rule[] For(System.Net.IPAddress destination, int port) =>
            merged.TryGetValue((destination, port), out var known) ? known : merged.GetOrAdd((destination, port), Merge(destination, port));

        /// <summary>The rules for any destination, for this host (at this port or any) and for this port, in chain order.</summary>
        private Rule[] Merge(System.Net.IPAddress destination, int port)
        {
            var positions = new List<int>(anyDestination);
            if (byHost.TryGetValue(destination, out var hostRules))
            {
                foreach (var i in hostRules)
                {
                    if (ports[i] is null || ports[i] == port)
                    {
                        positions.Add(i);
                    }
                }
            }

            if (byPort.TryGetValue(port, out var portRules))
            {
                positions.AddRange(portRules);
            }

            positions.Sort();
            var result = new Rule[positions.Count];
            for (var k = 0; k < result.Length; k++)
            {
                result[k] = rules[positions[k]];
            }

            return result;
        }
    }
}
