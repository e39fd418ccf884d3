using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Engine.Compile;

/// <summary>
/// The rules kube-proxy's iptables proxier programs on one node: one readable pass in the order of
/// <c>syncProxyRules</c> (pkg/proxy/iptables/proxier.go), for the release the profile names. kube-proxy walks its
/// services in Go map order, which changes every sync; Kubepath walks them by service port name and protocol.
/// </summary>
public static class ProxierCompiler
{
    private const string ServicesChain = "KUBE-SERVICES";
    private const string ExternalServicesChain = "KUBE-EXTERNAL-SERVICES";
    private const string NodePortsChain = "KUBE-NODEPORTS";
    private const string PostroutingChain = "KUBE-POSTROUTING";
    private const string MarkMasqChain = "KUBE-MARK-MASQ";
    private const string ForwardChain = "KUBE-FORWARD";
    private const string ProxyFirewallChain = "KUBE-PROXY-FIREWALL";
    private const string KubeletFirewallChain = "KUBE-FIREWALL";
    private const string CanaryChain = "KUBE-PROXY-CANARY";

    /// <summary>The nfacct counter kube-proxy matches on its INVALID drop rule, when the node has it.</summary>
    public const string InvalidDropCounter = "ct_state_invalid_dropped_pkts";

    /// <summary>The nfacct counter kube-proxy matches on accepted localhost node-port traffic, when the node has it.</summary>
    public const string LocalhostNodePortCounter = "localhost_nps_accepted_pkts";

    public static NodeRules Compile(ClusterWorld world, ClusterNode node, bool ipv6)
    {
        var settings = world.Profile.KubeProxy;
        var writer = new Writer(SharedRulesOfWorld.GetValue(world, _ => new SharedRules()));
        var mark = 1u << Math.Max(0, Math.Min(31, settings.MasqueradeBit));
        var detector = LocalTrafficDetector.For(world.Profile, node, ipv6);
        var nodeIP = node.InternalIP(ipv6);
        var nodePortAddresses = NodePortAddresses.For(settings, node, world.Profile.Cni, ipv6);
        var localhostNodePorts = settings.LocalhostNodePorts && !ipv6 && nodePortAddresses.ContainsIPv4Loopback;

        foreach (var chain in new[] { ServicesChain, ExternalServicesChain, ForwardChain, NodePortsChain, ProxyFirewallChain })
        {
            writer.FilterChain(chain);
        }

        foreach (var chain in new[] { ServicesChain, NodePortsChain, PostroutingChain, MarkMasqChain })
        {
            writer.NatChain(chain);
        }

        writer.Nat(PostroutingChain, new RuleArg[] { new MarkArg(mark, Negated: true) }, new VerdictTarget(Verdict.Return));

        // Clear the mark so a packet that traverses the stack again is not masqueraded twice.
        writer.Nat(PostroutingChain, Array.Empty<RuleArg>(), new MarkTarget(mark, Xor: true));
        writer.Nat(PostroutingChain, new RuleArg[] { new CommentArg("kubernetes service traffic requiring SNAT", true) }, new MasqueradeTarget(settings.RandomFully));
        writer.Nat(MarkMasqChain, Array.Empty<RuleArg>(), new MarkTarget(mark, Xor: false));

        if (localhostNodePorts)
        {
            // route_localnet opens a hole (issue 90259) that this rule, a copy of kubelet's, closes.
            writer.FilterChain(KubeletFirewallChain);
            writer.Filter(KubeletFirewallChain, new RuleArg[]
            {
                new CommentArg("block incoming localnet connections", true),
                Address(false, "127.0.0.0/8", false),
                Address(true, "127.0.0.0/8", true),
                new ConntrackArg("RELATED,ESTABLISHED,DNAT", true),
            }, new VerdictTarget(Verdict.Drop));
        }

        var services = ServicePorts(world, ipv6, settings);
        var endpointsByService = services.ToDictionary(
            service => service,
            service => Endpoints(service, node, settings.Version));
        var totalEndpoints = endpointsByService.Values.Sum(list => list.Count);
        var largeCluster = totalEndpoints > settings.LargeClusterEndpointsThreshold;

        foreach (var svc in services)
        {
            // A node like one compiled before in all that shapes this port's lines takes that node's lines: a lint compiles
            // every node, and most services write the same on each.
            var categories = EndpointCategories.Of(endpointsByService[svc], svc, node, settings);
            var shape = new NodeShape(categories, detector.LocalMatch, localhostNodePorts, largeCluster, svc.SourceRanges.Count > 0 ? nodeIP : null);
            if (svc.WrittenFor(shape) is { } lines)
            {
                writer.Replay(lines);
                continue;
            }

            var keep = svc.KeepsMoreShapes;
            if (keep)
            {
                writer.Record();
            }

            WriteService(writer, svc, categories, nodeIP, detector, settings, largeCluster, localhostNodePorts, ipv6);
            if (keep)
            {
                svc.KeepWritten(shape, writer.Recorded());
            }
        }

        WriteNodePortsJump(writer, nodePortAddresses, localhostNodePorts, ipv6);

        // INVALID packets can reset connections unless conntrack is TCP-liberal (issues 74839, 117924).
        if (!settings.ConntrackTcpLiberal)
        {
            var args = new List<RuleArg> { new ConntrackArg("INVALID", false) };
            if (HasCounter(settings, InvalidDropCounter))
            {
                args.Add(new NfacctArg(InvalidDropCounter));
            }

            writer.Filter(ForwardChain, args, new VerdictTarget(Verdict.Drop));
        }

        writer.Filter(ForwardChain, new RuleArg[] { new CommentArg("kubernetes forwarding rules", true), new MarkArg(mark, false) }, new VerdictTarget(Verdict.Accept));
        writer.Filter(ForwardChain, new RuleArg[] { new CommentArg("kubernetes forwarding conntrack rule", true), new ConntrackArg("RELATED,ESTABLISHED", false) }, new VerdictTarget(Verdict.Accept));

        return new NodeRules
        {
            NodeName = node.Name,
            IPv6 = ipv6,
            Filter = new TableRules(Table.Filter, writer.FilterChains, writer.FilterRules),
            Nat = new TableRules(Table.Nat, writer.NatChains, writer.NatRules),
            BuiltInJumps = BuiltInJumps(),
            CreatedChains = new[]
            {
                (Table.Filter, KubeletFirewallChain),
                (Table.Filter, CanaryChain),
                (Table.Nat, CanaryChain),
            },
            TotalEndpoints = totalEndpoints,
            LargeClusterMode = largeCluster,
        };
    }

    /// <summary>The service ports this family's proxier holds: those with a cluster IP of the family, not owned by another proxy.</summary>
    // kube-proxy's settings are the profile's, so every node of a world holds the same service ports (and chain names,
    // each a SHA-256): they are built once per world and IP family, not once per node.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ClusterWorld, List<ServicePortInfo>?[]> ServicePortsOfWorld = new();

    // Most of what kube-proxy writes for a service is the same on every node (its KUBE-SERVICES, KUBE-SVC and REJECT
    // rules): the nodes of a world share one instance of each rule, as a lint holds every node's rules at once.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ClusterWorld, SharedRules> SharedRulesOfWorld = new();

    private static List<ServicePortInfo> ServicePorts(ClusterWorld world, bool ipv6, KubeProxySettings settings)
    {
        var families = ServicePortsOfWorld.GetValue(world, _ => new List<ServicePortInfo>?[2]);
        var family = ipv6 ? 1 : 0;
        lock (families)
        {
            return families[family] ??= BuildServicePorts(world, ipv6, settings);
        }
    }

    private static List<ServicePortInfo> BuildServicePorts(ClusterWorld world, bool ipv6, KubeProxySettings settings) =>
        world.Services
            .Where(service => service.HasClusterIP && !service.IgnoredByKubeProxy)
            .SelectMany(service =>
            {
                var clusterIP = service.ClusterIPs.FirstOrDefault(ip => Addresses.IsIPv6(ip) == ipv6);
                return clusterIP is null
                    ? Enumerable.Empty<ServicePortInfo>()
                    : service.Ports.Select(port => new ServicePortInfo(service, port, Addresses.Format(clusterIP), ipv6, settings));
            })
            .GroupBy(info => (info.NameString, info.Protocol))
            .Select(group => group.Last())
            .OrderBy(info => info.NameString, StringComparer.Ordinal)
            .ThenBy(info => info.ProtocolText, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The EndpointSliceCache's list for the port: this family only, one entry per ip:port, sorted by ip:port as text.
    /// Of duplicates a local one wins, and from 1.36 a non-terminating one (kubernetes PR 135593).
    /// </summary>
    private static List<EndpointInfo> Endpoints(ServicePortInfo service, ClusterNode node, KubeVersion version)
    {
        var preferServing = version.AtLeast(1, 36);
        var endpoints = new List<EndpointInfo>(service.Endpoints.Count);
        foreach (var endpoint in service.Endpoints)
        {
            var isLocal = endpoint.View.NodeName == node.Name;
            if (endpoints.Count > 0 && endpoints[endpoints.Count - 1].HostPort == endpoint.HostPort)
            {
                if (preferServing ? !endpoint.View.Terminating : isLocal)
                {
                    endpoints[endpoints.Count - 1] = new EndpointInfo(endpoint, isLocal);
                }

                continue;
            }

            endpoints.Add(new EndpointInfo(endpoint, isLocal));
        }

        return endpoints;
    }

    private static void WriteService(
        Writer writer,
        ServicePortInfo svc,
        EndpointCategories categories,
        IPAddress? nodeIP,
        LocalTrafficDetector detector,
        KubeProxySettings settings,
        bool largeCluster,
        bool localhostNodePorts,
        bool ipv6)
    {
        var name = svc.NameString;
        var hasEndpoints = categories.HasAnyEndpoints;
        var usesClusterPolicyChain = categories.Cluster.Count > 0 && svc.UsesClusterEndpoints;
        var usesLocalPolicyChain = categories.Local.Count > 0 && svc.UsesLocalEndpoints;

        var internalTrafficChain = svc.ClusterPolicyChain;
        var hasInternalEndpoints = hasEndpoints;
        if (svc.InternalPolicyLocal)
        {
            internalTrafficChain = svc.LocalPolicyChain;
            hasInternalEndpoints &= categories.Local.Count > 0;
        }

        var externalPolicyChain = svc.ClusterPolicyChain;
        var hasExternalEndpoints = hasEndpoints;
        if (svc.ExternalPolicyLocal)
        {
            externalPolicyChain = svc.LocalPolicyChain;
            hasExternalEndpoints &= categories.Local.Count > 0;
        }

        var externalTrafficChain = svc.ExternalChain;

        // The EXT chain is needed even without external endpoints, for the short-circuit rules of local traffic.
        var usesExternalTrafficChain = hasEndpoints && svc.ExternallyAccessible;
        var usesFirewallChain = hasEndpoints && svc.LoadBalancerVIPs.Count > 0 && svc.SourceRanges.Count > 0;
        var loadBalancerTrafficChain = usesFirewallChain ? svc.FirewallChain : externalTrafficChain;

        RuleTarget internalFilterTarget = new VerdictTarget(Verdict.Drop);
        RuleTarget externalFilterTarget = internalFilterTarget;
        string internalFilterComment = name + " has no local endpoints";
        string externalFilterComment = internalFilterComment;
        if (!hasEndpoints)
        {
            internalFilterTarget = externalFilterTarget = new RejectTarget(ipv6);
            internalFilterComment = externalFilterComment = name + " has no endpoints";
        }

        var port = svc.Port.Port;
        RuleArg[] Destination(string address, int destinationPort) => new RuleArg[]
        {
            new ProtocolModuleArg(svc.Protocol), new ProtocolArg(svc.Protocol), Address(false, address, false), new PortArg(destinationPort),
        };

        // Capture the cluster IP.
        if (hasInternalEndpoints)
        {
            writer.Nat(ServicesChain, Args(new CommentArg(name + " cluster IP", true), Destination(svc.ClusterIP, port)), new JumpTarget(internalTrafficChain));
        }
        else
        {
            writer.Filter(ServicesChain, Args(new CommentArg(internalFilterComment, true), Destination(svc.ClusterIP, port)), internalFilterTarget);
        }

        // Capture external IPs.
        foreach (var externalIP in svc.ExternalIPs)
        {
            if (hasEndpoints)
            {
                writer.Nat(ServicesChain, Args(new CommentArg(name + " external IP", true), Destination(externalIP, port)), new JumpTarget(externalTrafficChain));
            }

            if (!hasExternalEndpoints)
            {
                writer.Filter(ExternalServicesChain, Args(new CommentArg(externalFilterComment, true), Destination(externalIP, port)), externalFilterTarget);
            }
        }

        // Capture load-balancer ingress.
        foreach (var vip in svc.LoadBalancerVIPs)
        {
            if (hasEndpoints)
            {
                writer.Nat(ServicesChain, Args(new CommentArg(name + " loadbalancer IP", true), Destination(vip, port)), new JumpTarget(loadBalancerTrafficChain));
            }

            if (usesFirewallChain)
            {
                writer.Filter(
                    ProxyFirewallChain,
                    Args(new CommentArg(name + " traffic not accepted by " + svc.FirewallChain, true), Destination(vip, port)),
                    new VerdictTarget(Verdict.Drop));
            }
        }

        if (!hasExternalEndpoints)
        {
            foreach (var vip in svc.LoadBalancerVIPs)
            {
                writer.Filter(ExternalServicesChain, Args(new CommentArg(externalFilterComment, true), Destination(vip, port)), externalFilterTarget);
            }
        }

        // Capture node ports (never subject to loadBalancerSourceRanges).
        if (svc.NodePort != 0)
        {
            var nodePortMatch = new RuleArg[] { new ProtocolModuleArg(svc.Protocol), new ProtocolArg(svc.Protocol), new PortArg(svc.NodePort) };
            if (hasEndpoints)
            {
                // Since 1.31 localhost node-port traffic is counted first, when the node has the counter.
                if (localhostNodePorts && !ipv6 && HasCounter(settings, LocalhostNodePortCounter))
                {
                    writer.Nat(
                        NodePortsChain,
                        new RuleArg[]
                        {
                            new CommentArg(name, false), new ProtocolModuleArg(svc.Protocol), new ProtocolArg(svc.Protocol), Address(false, "127.0.0.0/8", false),
                            new PortArg(svc.NodePort), new NfacctArg(LocalhostNodePortCounter),
                        },
                        new JumpTarget(externalTrafficChain));
                }

                writer.Nat(NodePortsChain, Args(new CommentArg(name, false), nodePortMatch), new JumpTarget(externalTrafficChain));
            }

            if (!hasExternalEndpoints)
            {
                writer.Filter(
                    ExternalServicesChain,
                    Args(new CommentArg(externalFilterComment, true), new RuleArg[] { new AddrTypeLocalArg(Source: false) }.Concat(nodePortMatch).ToArray()),
                    externalFilterTarget);
            }
        }

        // Health-check node ports are accepted whether or not this node has local endpoints.
        if (svc.Service.HealthCheckNodePort != 0)
        {
            writer.Filter(
                NodePortsChain,
                new RuleArg[]
                {
                    new CommentArg(name + " health check node port", true), new ProtocolModuleArg(Protocol.Tcp), new ProtocolArg(Protocol.Tcp),
                    new PortArg(svc.Service.HealthCheckNodePort),
                },
                new VerdictTarget(Verdict.Accept));
        }

        // Internal traffic: masquerade what comes from outside the cluster (a static route to the service CIDR).
        if (hasInternalEndpoints)
        {
            var match = Args(new CommentArg(name + " cluster IP", true), Destination(svc.ClusterIP, port));
            if (settings.MasqueradeAll)
            {
                writer.Nat(internalTrafficChain, match, new JumpTarget(MarkMasqChain));
            }
            else if (detector.IsImplemented)
            {
                writer.Nat(internalTrafficChain, match.Concat(detector.IfNotLocal()).ToArray(), new JumpTarget(MarkMasqChain));
            }
        }

        if (usesExternalTrafficChain)
        {
            writer.NatChain(externalTrafficChain);
            if (!svc.ExternalPolicyLocal)
            {
                // Endpoints may be on other nodes: masquerade so replies come back through this one.
                writer.Nat(externalTrafficChain, new RuleArg[] { new CommentArg("masquerade traffic for " + name + " external destinations", true) }, new JumpTarget(MarkMasqChain));
            }
            else
            {
                if (detector.IsImplemented)
                {
                    // Pods reaching an external address are treated as if they went out to the load balancer and back: Cluster policy.
                    writer.Nat(
                        externalTrafficChain,
                        new RuleArg[] { new CommentArg("pod traffic for " + name + " external destinations", true) }.Concat(detector.IfLocal()).ToArray(),
                        new JumpTarget(svc.ClusterPolicyChain));
                }

                // The node itself: its source would be the VIP or node IP, so masquerade, and use Cluster policy.
                writer.Nat(
                    externalTrafficChain,
                    new RuleArg[] { new CommentArg("masquerade LOCAL traffic for " + name + " external destinations", true), new AddrTypeLocalArg(Source: true) },
                    new JumpTarget(MarkMasqChain));
                writer.Nat(
                    externalTrafficChain,
                    new RuleArg[] { new CommentArg("route LOCAL traffic for " + name + " external destinations", true), new AddrTypeLocalArg(Source: true) },
                    new JumpTarget(svc.ClusterPolicyChain));
            }

            if (hasExternalEndpoints)
            {
                writer.Nat(externalTrafficChain, Array.Empty<RuleArg>(), new JumpTarget(externalPolicyChain));
            }
        }

        if (usesFirewallChain)
        {
            writer.NatChain(svc.FirewallChain);
            var comment = new CommentArg(name + " loadbalancer IP", true);
            var allowFromNode = false;
            foreach (var range in svc.SourceRanges)
            {
                writer.Nat(svc.FirewallChain, new RuleArg[] { comment, Address(true, range.ToString(), false) }, new JumpTarget(externalTrafficChain));
                allowFromNode |= nodeIP is not null && range.Contains(nodeIP);
            }

            // A request from the node to the VIP loops back with the VIP as source; let it through.
            if (allowFromNode)
            {
                foreach (var vip in svc.LoadBalancerVIPs)
                {
                    writer.Nat(svc.FirewallChain, new RuleArg[] { comment, Address(true, vip, false) }, new JumpTarget(externalTrafficChain));
                }
            }

            writer.Nat(svc.FirewallChain, new RuleArg[] { new CommentArg("other traffic to " + name + " will be dropped by KUBE-PROXY-FIREWALL", true) }, null);
        }

        if (usesClusterPolicyChain)
        {
            writer.NatChain(svc.ClusterPolicyChain);
            WriteServiceToEndpointRules(writer, svc, svc.ClusterPolicyChain, categories.Cluster, largeCluster, ipv6);
        }

        if (usesLocalPolicyChain)
        {
            writer.NatChain(svc.LocalPolicyChain);
            WriteServiceToEndpointRules(writer, svc, svc.LocalPolicyChain, categories.Local, largeCluster, ipv6);
        }

        foreach (var ep in categories.AllReachable)
        {
            writer.NatChain(ep.ChainName);
            var rules = ep.Endpoint.ChainRules(largeCluster) ?? ep.Endpoint.Keep(largeCluster, EndpointChainRules(svc, ep.Endpoint, largeCluster, ipv6));
            foreach (var rule in rules)
            {
                writer.Nat(rule);
            }
        }
    }

    /// <summary>An endpoint's KUBE-SEP chain: the same on every node, so written once and shared by every node's rules.</summary>
    private static Rule[] EndpointChainRules(ServicePortInfo svc, PortEndpoint ep, bool largeCluster, bool ipv6)
    {
        var comment = largeCluster ? Array.Empty<RuleArg>() : new RuleArg[] { new CommentArg(svc.NameString, false) };

        // Traffic that loops back to the pod it came from needs SNAT.
        var masquerade = new Rule(ep.ChainName, comment.Concat(new[] { Address(true, ep.View.Address, false) }).ToArray(), new JumpTarget(MarkMasqChain));
        var dnat = new List<RuleArg>(comment);
        if (svc.Service.ClientIPAffinity)
        {
            dnat.Add(new RecentArg(ep.ChainName, Set: true, 0, ipv6));
        }

        dnat.Add(new ProtocolModuleArg(svc.Protocol));
        dnat.Add(new ProtocolArg(svc.Protocol));
        return new[] { masquerade, new Rule(ep.ChainName, dnat.ToArray(), new DnatTarget(ep.View.Address, ep.View.Port)) };
    }

    /// <summary><c>writeServiceToEndpointRules</c>: affinity checks first, then one probabilistic jump per endpoint, the last one certain.</summary>
    private static void WriteServiceToEndpointRules(Writer writer, ServicePortInfo svc, string chain, IReadOnlyList<EndpointInfo> endpoints, bool largeCluster, bool ipv6)
    {
        RuleArg[] Comment(EndpointInfo ep) =>
            largeCluster ? Array.Empty<RuleArg>() : new RuleArg[] { new CommentArg(svc.NameString + " -> " + ep.HostPort, true) };

        if (svc.Service.ClientIPAffinity)
        {
            foreach (var ep in endpoints)
            {
                writer.Nat(chain, Comment(ep).Concat(new RuleArg[] { new RecentArg(ep.ChainName, Set: false, svc.Service.AffinityTimeoutSeconds, ipv6) }).ToArray(), new JumpTarget(ep.ChainName));
            }
        }

        for (var i = 0; i < endpoints.Count; i++)
        {
            var ep = endpoints[i];
            var args = Comment(ep);
            if (i < endpoints.Count - 1)
            {
                args = args.Concat(new RuleArg[] { new StatisticArg(Probability.OneIn(endpoints.Count - i)) }).ToArray();
            }

            writer.Nat(chain, args, new JumpTarget(ep.ChainName));
        }
    }

    /// <summary>The tail call to KUBE-NODEPORTS, which must be the last rule of KUBE-SERVICES.</summary>
    private static void WriteNodePortsJump(Writer writer, NodePortAddresses addresses, bool localhostNodePorts, bool ipv6)
    {
        var comment = new CommentArg("kubernetes service nodeports; NOTE: this must be the last rule in this chain", true);
        if (addresses.MatchAll)
        {
            var destinations = new List<RuleArg> { comment, new AddrTypeLocalArg(Source: false) };
            if (ipv6)
            {
                destinations.Add(Address(false, "::1/128", true));
            }
            else if (!localhostNodePorts)
            {
                destinations.Add(Address(false, "127.0.0.0/8", true));
            }

            writer.Nat(ServicesChain, destinations, new JumpTarget(NodePortsChain));
            return;
        }

        foreach (var ip in addresses.NodeIPs)
        {
            if (IPAddress.IsLoopback(ip) && (ipv6 || !localhostNodePorts))
            {
                continue;
            }

            writer.Nat(ServicesChain, new RuleArg[] { comment, Address(false, Addresses.Format(ip), false) }, new JumpTarget(NodePortsChain));
        }
    }

    /// <summary>
    /// The jumps from the built-in chains, as EnsureRule(Prepend) leaves them on a node where kube-proxy created them:
    /// each prepend goes first, so a chain lists them in the reverse of kube-proxy's <c>iptablesJumpChains</c> order.
    /// </summary>
    private static List<(Table, Rule)> BuiltInJumps()
    {
        var newConnections = new RuleArg[] { new ConntrackArg("NEW", false) };
        var jumps = new (Table Table, string From, string To, string Comment, RuleArg[] Extra)[]
        {
            (Table.Filter, "INPUT", ExternalServicesChain, "kubernetes externally-visible service portals", newConnections),
            (Table.Filter, "FORWARD", ExternalServicesChain, "kubernetes externally-visible service portals", newConnections),
            (Table.Filter, "INPUT", NodePortsChain, "kubernetes health check service ports", Array.Empty<RuleArg>()),
            (Table.Filter, "FORWARD", ServicesChain, "kubernetes service portals", newConnections),
            (Table.Filter, "OUTPUT", ServicesChain, "kubernetes service portals", newConnections),
            (Table.Filter, "FORWARD", ForwardChain, "kubernetes forwarding rules", Array.Empty<RuleArg>()),
            (Table.Filter, "INPUT", ProxyFirewallChain, "kubernetes load balancer firewall", newConnections),
            (Table.Filter, "OUTPUT", ProxyFirewallChain, "kubernetes load balancer firewall", newConnections),
            (Table.Filter, "FORWARD", ProxyFirewallChain, "kubernetes load balancer firewall", newConnections),
            (Table.Nat, "OUTPUT", ServicesChain, "kubernetes service portals", Array.Empty<RuleArg>()),
            (Table.Nat, "PREROUTING", ServicesChain, "kubernetes service portals", Array.Empty<RuleArg>()),
            (Table.Nat, "POSTROUTING", PostroutingChain, "kubernetes postrouting rules", Array.Empty<RuleArg>()),
            (Table.Filter, "INPUT", KubeletFirewallChain, string.Empty, Array.Empty<RuleArg>()),
            (Table.Filter, "OUTPUT", KubeletFirewallChain, string.Empty, Array.Empty<RuleArg>()),
        };

        var result = new List<(Table, Rule)>();
        foreach (var jump in jumps)
        {
            var args = jump.Comment.Length == 0 ? jump.Extra : jump.Extra.Concat(new RuleArg[] { new CommentArg(jump.Comment, true) }).ToArray();
            result.Insert(0, (jump.Table, new Rule(jump.From, args, new JumpTarget(jump.To))));
        }

        return result;
    }

    /// <summary>nfacct matches exist since 1.31, and only for counters kube-proxy could create on the node.</summary>
    private static bool HasCounter(KubeProxySettings settings, string counter) =>
        settings.Version.AtLeast(1, 31) && settings.NfacctCounters.Contains(counter);

    internal static AddressArg Address(bool source, string text, bool negated) => new(source, text, negated);

    private static RuleArg[] Args(RuleArg first, RuleArg[] rest)
    {
        var args = new RuleArg[rest.Length + 1];
        args[0] = first;
        Array.Copy(rest, 0, args, 1, rest.Length);
        return args;
    }

    /// <summary>kube-proxy's four line buffers: chain lines and rules, for filter and nat; it can record what it is given, to replay.</summary>
    private sealed class Writer
    {
        private readonly HashSet<string> natChainSet = new(StringComparer.Ordinal);
        private readonly SharedRules shared;
        private readonly List<WrittenLine> recorded = new();
        private bool recording;

        public Writer(SharedRules shared) => this.shared = shared;

        public List<string> FilterChains { get; } = new();

        public List<Rule> FilterRules { get; } = new();

        public List<string> NatChains { get; } = new();

        public List<Rule> NatRules { get; } = new();

        public void FilterChain(string name) => FilterChains.Add(name);

        public void NatChain(string name)
        {
            Keep(new WrittenLine(Table.Nat, null, name));
            if (natChainSet.Add(name))
            {
                NatChains.Add(name);
            }
        }

        public void Filter(string chain, IReadOnlyList<RuleArg> args, RuleTarget? target) => Filter(shared.Of(new Rule(chain, args, target)));

        public void Nat(string chain, IReadOnlyList<RuleArg> args, RuleTarget? target) => Nat(shared.Of(new Rule(chain, args, target)));

        public void Nat(Rule rule)
        {
            Keep(new WrittenLine(Table.Nat, rule, null));
            NatRules.Add(rule);
        }

        /// <summary>From now on, keeps what it is given, until <see cref="Recorded"/>.</summary>
        public void Record()
        {
            recorded.Clear();
            recording = true;
        }

        public WrittenLine[] Recorded()
        {
            recording = false;
            return recorded.ToArray();
        }

        /// <summary>Takes the lines as it took them when they were recorded.</summary>
        public void Replay(WrittenLine[] lines)
        {
            foreach (var line in lines)
            {
                if (line.NatChain is { } chain)
                {
                    NatChain(chain);
                }
                else if (line.Table == Table.Filter)
                {
                    Filter(line.Rule!);
                }
                else
                {
                    Nat(line.Rule!);
                }
            }
        }

        private void Filter(Rule rule)
        {
            Keep(new WrittenLine(Table.Filter, rule, null));
            FilterRules.Add(rule);
        }

        private void Keep(WrittenLine line)
        {
            if (recording)
            {
                recorded.Add(line);
            }
        }
    }

    /// <summary>One instance of each rule, by value, for the nodes of one world (compiled side by side).</summary>
    private sealed class SharedRules : IEqualityComparer<Rule>
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Rule, Rule> rules;

        public SharedRules() => rules = new(this);

        public Rule Of(Rule rule) => rules.GetOrAdd(rule, rule);

        public bool Equals(Rule? x, Rule? y)
        {
            if (x is null || y is null || x.Chain != y.Chain || !object.Equals(x.Target, y.Target) || x.Args.Count != y.Args.Count)
            {
                return ReferenceEquals(x, y);
            }

            for (var i = 0; i < x.Args.Count; i++)
            {
                if (!x.Args[i].Equals(y.Args[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(Rule rule)
        {
            var hash = (StringComparer.Ordinal.GetHashCode(rule.Chain) * 31) + (rule.Target?.GetHashCode() ?? 0);
            for (var i = 0; i < rule.Args.Count; i++)
            {
                hash = (hash * 31) + rule.Args[i].GetHashCode();
            }

            return hash;
        }
    }
}
