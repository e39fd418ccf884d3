using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using Kubepath.Engine.Compile;
using Kubepath.Engine.World;

namespace Kubepath.Engine.Simulate;

public enum EntryKind
{
    ClusterIP,
    NodePort,
    LoadBalancerIP,
    ExternalIP,
}

/// <summary>An address and port a service answers on; a node port is reached through one node's address.</summary>
public sealed record Entry(EntryKind Kind, IPAddress Address, int Port, string? Node)
{
    public string Describe() => Kind switch
    {
        EntryKind.ClusterIP => "cluster IP " + Addresses.JoinHostPort(Addresses.Format(Address), Port),
        EntryKind.NodePort => "node port " + Addresses.JoinHostPort(Addresses.Format(Address), Port) + " (" + Node + ")",
        EntryKind.LoadBalancerIP => "load-balancer IP " + Addresses.JoinHostPort(Addresses.Format(Address), Port),
        _ => "external IP " + Addresses.JoinHostPort(Addresses.Format(Address), Port),
    };
}

/// <summary>What happens to the first packet of a connection from one origin to one entry.</summary>
public sealed class OriginFlows
{
    private readonly Lazy<IReadOnlyList<string>> assumed;

    public OriginFlows(Origin origin, Entry entry, IReadOnlyList<FlowOutcome> outcomes, Func<IReadOnlyList<string>> assumed)
    {
        Origin = origin;
        Entry = entry;
        Outcomes = outcomes;
        this.assumed = new Lazy<IReadOnlyList<string>>(assumed);
    }

    public Origin Origin { get; }

    public Entry Entry { get; }

    public IReadOnlyList<FlowOutcome> Outcomes { get; }

    /// <summary>
    /// What the prediction takes for granted, for someone reading it: worked out when first asked (an explanation asks,
    /// rules do not, and a lint simulates thousands of flows).
    /// </summary>
    public IReadOnlyList<string> Assumed => assumed.Value;
}

/// <summary>The flows into one entry point; for a load-balancer IP, also who announces it (when MetalLB is configured).</summary>
public sealed record EntryFlows(Entry Entry, IReadOnlyList<OriginFlows> Origins)
{
    public Announcement? Announcement { get; init; }
}

public sealed record PortFlows(ServicePortView Port, IReadOnlyList<EntryFlows> Entries);

public sealed record ServiceFlows(ServiceView Service, IReadOnlyList<PortFlows> Ports);

/// <summary>
/// The flows of a service, computed by running each origin node's compiled rules: pods and host processes on every
/// node to the cluster IP; external clients, pods and hosts to each node port, load-balancer IP and external IP, with
/// the external client arriving at each node in turn (which node receives a VIP is MetalLB's choice).
/// </summary>
public sealed class FlowSimulator
{
    private readonly ClusterWorld world;
    private readonly Dictionary<(string, bool), Lazy<Evaluator>> evaluators = new();
    private readonly bool compileNodesAhead;

    /// <param name="world">The cluster whose flows are simulated.</param>
    /// <param name="compileNodesAhead">Compile the other nodes' rules on the thread pool once one node's are asked for
    /// (the command line, and the analyzer at the end of a compilation).</param>
    public FlowSimulator(ClusterWorld world, bool compileNodesAhead = false)
    {
        this.world = world;
        this.compileNodesAhead = compileNodesAhead;
    }

    /// <summary>
    /// The evaluator of one node's compiled rules for one family, compiled on first use. A flow runs from origins on
    /// every node, so when compiling ahead the first request for a family also starts every other node's compilation.
    /// </summary>
    public Evaluator EvaluatorFor(string node, bool ipv6)
    {
        Lazy<Evaluator>? wanted;
        lock (evaluators)
        {
            if (!evaluators.TryGetValue((node, ipv6), out wanted))
            {
                var clusterNode = world.FindNode(node) ?? throw new ArgumentException("Unknown node " + node, nameof(node));
                wanted = evaluators[(node, ipv6)] = Compiling(clusterNode, ipv6);
                foreach (var other in world.Nodes.Where(other => compileNodesAhead && !evaluators.ContainsKey((other.Name, ipv6))))
                {
                    var lazy = evaluators[(other.Name, ipv6)] = Compiling(other, ipv6);
                    System.Threading.ThreadPool.QueueUserWorkItem(_ => CompileAhead(lazy));
                }
            }
        }

        return wanted.Value;
    }

    /// <summary>A failure is kept by the Lazy and thrown to the caller that asks for the node, never on the pool's thread.</summary>
    private static void CompileAhead(Lazy<Evaluator> evaluator)
    {
        try
        {
            _ = evaluator.Value;
        }
        catch (Exception)
        {
        }
    }

    private Lazy<Evaluator> Compiling(ClusterNode node, bool ipv6) => new(() => new Evaluator(world, ProxierCompiler.Compile(world, node, ipv6)));

    /// <summary>Every flow to the service, or only those from origins of the given kinds (what a rule needs).</summary>
    public ServiceFlows Explain(ServiceView service, params OriginKind[] only)
    {
        bool Wanted(OriginKind kind) => only.Length == 0 || Array.IndexOf(only, kind) >= 0;
        OriginKind[] Kinds(params OriginKind[] kinds) => kinds.Where(Wanted).ToArray();

        var ports = new List<PortFlows>();
        foreach (var port in service.Ports)
        {
            var entries = new List<EntryFlows>();
            foreach (var clusterIP in service.ClusterIPs)
            {
                var entry = new Entry(EntryKind.ClusterIP, clusterIP, port.Port, null);
                entries.Add(Run(service, port, entry, Kinds(OriginKind.Pod, OriginKind.Host)));
            }

            if (port.NodePort != 0)
            {
                foreach (var node in world.Nodes)
                {
                    if (node.InternalIPs.Count > 0)
                    {
                        var entry = new Entry(EntryKind.NodePort, node.InternalIPs[0], port.NodePort, node.Name);
                        entries.Add(RunAt(service, port, entry, node.Name, Kinds(OriginKind.External, OriginKind.Pod, OriginKind.Host)));
                    }
                }
            }

            var announcement = world.MetalLB.Configured && service.LoadBalancerIngress.Count > 0 ? Announcements.For(world, service) : null;
            foreach (var vip in service.LoadBalancerIngress)
            {
                var entry = new Entry(EntryKind.LoadBalancerIP, vip.Address, port.Port, null);
                if (announcement is null)
                {
                    entries.Add(Run(service, port, entry, Kinds(OriginKind.External, OriginKind.Pod, OriginKind.Host)));
                    continue;
                }

                // External traffic enters where MetalLB announces the address: the L2 announcer, or any BGP advertiser (ECMP).
                var external = announcement.EntryNodes
                    .Where(_ => Wanted(OriginKind.External))
                    .Select(name => world.FindNode(name))
                    .OfType<ClusterNode>()
                    .Select(node => OriginOn(OriginKind.External, node, Addresses.IsIPv6(vip.Address)))
                    .OfType<Origin>()
                    .Select(origin => Flow(service, port, entry, origin));
                var inside = Run(service, port, entry, Kinds(OriginKind.Pod, OriginKind.Host)).Origins;
                entries.Add(new EntryFlows(entry, external.Concat(inside).ToList()) { Announcement = announcement });
            }

            foreach (var externalIP in service.ExternalIPs)
            {
                entries.Add(Run(service, port, new Entry(EntryKind.ExternalIP, externalIP, port.Port, null), Kinds(OriginKind.External, OriginKind.Pod, OriginKind.Host)));
            }

            ports.Add(new PortFlows(port, entries));
        }

        return new ServiceFlows(service, ports);
    }

    /// <summary>An origin of each kind on every node.</summary>
    private EntryFlows Run(ServiceView service, ServicePortView port, Entry entry, OriginKind[] kinds)
    {
        var flows = new List<OriginFlows>();
        foreach (var kind in kinds)
        {
            foreach (var node in world.Nodes)
            {
                if (OriginOn(kind, node, Addresses.IsIPv6(entry.Address)) is { } origin)
                {
                    flows.Add(Flow(service, port, entry, origin));
                }
            }
        }

        return new EntryFlows(entry, flows);
    }

    /// <summary>A node port, from an external client, a pod and the host of that node.</summary>
    private EntryFlows RunAt(ServiceView service, ServicePortView port, Entry entry, string nodeName, OriginKind[] kinds)
    {
        var node = world.FindNode(nodeName)!;
        var flows = kinds
            .Select(kind => OriginOn(kind, node, Addresses.IsIPv6(entry.Address)))
            .OfType<Origin>()
            .Select(origin => Flow(service, port, entry, origin))
            .ToList();
        return new EntryFlows(entry, flows);
    }

    public OriginFlows Flow(ServiceView service, ServicePortView port, Entry entry, Origin origin)
    {
        var packet = new Packet(origin, entry.Address, entry.Port, port.Protocol);
        var outcomes = EvaluatorFor(origin.Node, Addresses.IsIPv6(entry.Address)).Run(packet);
        return new OriginFlows(origin, entry, outcomes, () => Assumptions(service, port, entry, origin, outcomes));
    }

    /// <summary>The sender of each kind on a node: a pod the world knows there (observed first), the node's address, the profile's external client.</summary>
    public Origin? OriginOn(OriginKind kind, ClusterNode node, bool ipv6)
    {
        switch (kind)
        {
            case OriginKind.Host:
                return node.InternalIP(ipv6) is { } hostIP ? new Origin(kind, node.Name, hostIP, node.AddressAssumed) : null;
            case OriginKind.External:
                return Addresses.IsIPv6(world.Profile.ExternalClient) == ipv6 ? new Origin(kind, node.Name, world.Profile.ExternalClient, false) : null;
            default:
                var pod = world.Pods
                    .Where(candidate => candidate.Node == node.Name && !candidate.HostNetwork && candidate.Address.IndexOf(':') >= 0 == ipv6)
                    .OrderBy(candidate => candidate.Assumed)
                    .FirstOrDefault();
                if (pod is not null && Addresses.TryParse(pod.Address, out var podIP))
                {
                    return new Origin(kind, node.Name, podIP, pod.Assumed);
                }

                return node.PodCidr(ipv6) is { } cidr ? new Origin(kind, node.Name, cidr.AddressAt(Math.Min(cidr.Size - 2, 254)), true) : null;
        }
    }

    private List<string> Assumptions(ServiceView service, ServicePortView port, Entry entry, Origin origin, IReadOnlyList<FlowOutcome> outcomes)
    {
        var assumed = new List<string>(world.Assumptions);
        if (entry.Kind == EntryKind.ClusterIP && service.ClusterIPAssumed)
        {
            assumed.Add("cluster IP " + Addresses.Format(entry.Address) + " is a placeholder (no state gives it)");
        }

        if (entry.Kind == EntryKind.NodePort && port.NodePortAssumed)
        {
            assumed.Add("node port " + port.NodePort.ToString(CultureInfo.InvariantCulture) + " is a placeholder (no state gives it)");
        }

        if (entry.Kind == EntryKind.LoadBalancerIP && service.LoadBalancerIngress.FirstOrDefault(vip => vip.Address.Equals(entry.Address)) is { Assumed: true } vipEntry)
        {
            assumed.Add("load-balancer IP " + Addresses.Format(entry.Address) + " is " + vipEntry.Origin + ", not observed in a status");
        }

        if (origin.SourceAssumed)
        {
            assumed.Add("the " + origin.Kind.ToString().ToLowerInvariant() + " address " + Addresses.Format(origin.Source) + " on " + origin.Node + " is a placeholder");
        }

        var reached = new HashSet<string>(outcomes.Select(outcome => outcome.Endpoint).OfType<string>(), StringComparer.Ordinal);
        var assumedEndpoints = port.Endpoints.Where(endpoint => endpoint.Assumed && reached.Contains(endpoint.HostPort)).ToList();
        if (assumedEndpoints.Count > 0 || (service.EndpointSource == EndpointSource.Synthesised && port.Endpoints.Count > 0))
        {
            assumed.Add("endpoints are placed by Kubepath's placement rule (no state shows the pods): their addresses and nodes are assumed");
        }

        var node = world.FindNode(origin.Node);
        if (node is not null && (node.Assumed || node.AddressAssumed || node.PodCidrAssumed))
        {
            assumed.Add("node " + node.Name + "'s " + (node.Assumed ? "existence, address and pod CIDR are" : node.AddressAssumed ? "address is" : "pod CIDR is") + " assumed");
        }

        return assumed.Distinct(StringComparer.Ordinal).ToList();
    }
}
