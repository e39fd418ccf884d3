using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using Kubepath.Model;

namespace Kubepath.Engine.World;

/// <summary>
/// The cluster a prediction is made for: the manifests, completed by the profile and the state. Every value
/// that was neither written nor observed is marked as assumed, so a prediction can say what it rests on.
/// </summary>
public sealed record ClusterWorld
{
    public required ClusterProfile Profile { get; init; }

    /// <summary>Nodes by name.</summary>
    public required IReadOnlyList<ClusterNode> Nodes { get; init; }

    /// <summary>Services by namespace and name.</summary>
    public required IReadOnlyList<ServiceView> Services { get; init; }

    /// <summary>MetalLB's configuration, from the manifests and the state; empty when the cluster has none.</summary>
    public MetalLBConfig MetalLB { get; init; } = MetalLBConfig.Empty;

    /// <summary>Pods with an address: the state's, then those Kubepath placed for the manifests' workloads.</summary>
    public IReadOnlyList<PodView> Pods { get; init; } = Array.Empty<PodView>();

    /// <summary>The pod labels selectors can match: each workload's template, each Pod of the manifests and the state.</summary>
    public IReadOnlyList<PodTemplateView> PodTemplates { get; init; } = Array.Empty<PodTemplateView>();

    /// <summary>
    /// Namespaces holding objects that create pods Kubepath does not model (ReplicationControllers, CronJobs, custom
    /// resources an operator turns into pods): there a selector may match pods the manifests do not show.
    /// </summary>
    public IReadOnlyCollection<string> NamespacesWithUnmodelledPods { get; init; } = Array.Empty<string>();

    /// <summary>Facts about the world as a whole that were assumed (no nodes known, say).</summary>
    public IReadOnlyList<string> Assumptions { get; init; } = Array.Empty<string>();

    /// <summary>The files of the state: what the cluster runs, which informs predictions but is not what is linted.</summary>
    public IReadOnlyCollection<string> StateFiles { get; init; } = Array.Empty<string>();

    public ClusterNode? FindNode(string name) => Nodes.FirstOrDefault(node => node.Name == name);

    public ServiceView? FindService(string ns, string name) => Services.FirstOrDefault(service => service.Namespace == ns && service.Name == name);

    /// <summary>The node whose pod CIDR holds <paramref name="address"/>, or whose address it is.</summary>
    public ClusterNode? NodeOwning(IPAddress address) =>
        Nodes.FirstOrDefault(node => node.PodCidrs.Any(cidr => cidr.Contains(address))) ??
        Nodes.FirstOrDefault(node => node.HasAddress(address));
}

/// <summary>A node: its addresses, pod CIDRs and labels, and the CNI interfaces those imply.</summary>
public sealed record ClusterNode
{
    public required string Name { get; init; }

    public IReadOnlyList<IPAddress> InternalIPs { get; init; } = Array.Empty<IPAddress>();

    public IReadOnlyList<Cidr> PodCidrs { get; init; } = Array.Empty<Cidr>();

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<InterfaceAddress> Interfaces { get; init; } = Array.Empty<InterfaceAddress>();

    public IReadOnlyList<NodeTaint> Taints { get; init; } = Array.Empty<NodeTaint>();

    /// <summary>The node reports <c>NetworkUnavailable=True</c>.</summary>
    public bool NetworkUnavailable { get; init; }

    /// <summary>Nothing named this node: Kubepath invented it to place pods on.</summary>
    public bool Assumed { get; init; }

    /// <summary>Its internal IP was not given and is a placeholder.</summary>
    public bool AddressAssumed { get; init; }

    /// <summary>Its pod CIDR was not given and is a placeholder.</summary>
    public bool PodCidrAssumed { get; init; }

    public IPAddress? InternalIP(bool ipv6)
    {
        foreach (var ip in InternalIPs)
        {
            if (Addresses.IsIPv6(ip) == ipv6)
            {
                return ip;
            }
        }

        return null;
    }

    public Cidr? PodCidr(bool ipv6)
    {
        // A loop: asked for every packet a flow sends, where a lambda capturing the family would allocate.
        foreach (var cidr in PodCidrs)
        {
            if (cidr.IsIPv6 == ipv6)
            {
                return cidr;
            }
        }

        return null;
    }

    /// <summary>The address of the bridge local pods hang off (flannel's <c>cni0</c>: .1 of the pod CIDR).</summary>
    public IPAddress? BridgeAddress(Cni cni, bool ipv6) =>
        cni == Cni.Flannel && PodCidr(ipv6) is { } cidr ? cidr.AddressAt(1) : null;

    /// <summary>The address of the overlay interface towards other nodes' pods (flannel's <c>flannel.1</c>: .0 of the pod CIDR).</summary>
    public IPAddress? TunnelAddress(Cni cni, bool ipv6) =>
        cni == Cni.Flannel && PodCidr(ipv6) is { } cidr ? cidr.AddressAt(0) : null;

    /// <summary>An address the node owns (what <c>-m addrtype --src-type LOCAL</c> matches), loopback excepted.</summary>
    public bool HasAddress(IPAddress address) =>
        InternalIPs.Contains(address) || Interfaces.Any(entry => entry.Address.Equals(address));

    /// <summary><c>addrtype LOCAL</c>: the node's addresses, its CNI interfaces' addresses and loopback.</summary>
    public bool IsLocal(IPAddress address, Cni cni) =>
        IPAddress.IsLoopback(address) || HasAddress(address) ||
        address.Equals(BridgeAddress(cni, Addresses.IsIPv6(address))) || address.Equals(TunnelAddress(cni, Addresses.IsIPv6(address)));
}

/// <summary>Labels pods carry, and what gives them (<c>Deployment default/web</c>, <c>Pod default/test</c>).</summary>
public sealed record PodTemplateView(string Namespace, string Owner, StringMap Labels, PodSpec Spec);

/// <summary>A pod with its node and address; <see cref="Assumed"/> when Kubepath placed it.</summary>
public sealed record PodView(string Name, string Node, string Address, bool HostNetwork, bool Assumed);

public sealed record NodeTaint(string Key, string Value, TaintEffect Effect);

/// <summary>A Service as kube-proxy sees it: addresses allocated, ports resolved, endpoints known or synthesised.</summary>
public sealed record ServiceView
{
    /// <summary>The object the service comes from (the manifest when there is one, else the state), for positions.</summary>
    public required Service Source { get; init; }

    public string Namespace => Source.Namespace;

    public string Name => Source.Name;

    public ServiceType Type => Source.Spec.EffectiveType;

    public IReadOnlyList<IPAddress> ClusterIPs { get; init; } = Array.Empty<IPAddress>();

    public bool ClusterIPAssumed { get; init; }

    public IReadOnlyList<ServicePortView> Ports { get; init; } = Array.Empty<ServicePortView>();

    public IReadOnlyList<IPAddress> ExternalIPs { get; init; } = Array.Empty<IPAddress>();

    public IReadOnlyList<LoadBalancerAddress> LoadBalancerIngress { get; init; } = Array.Empty<LoadBalancerAddress>();

    /// <summary>What MetalLB does for the service, when the cluster has IPAddressPools.</summary>
    public LoadBalancerAllocation? Allocation { get; init; }

    public IReadOnlyList<Cidr> LoadBalancerSourceRanges { get; init; } = Array.Empty<Cidr>();

    public TrafficPolicy ExternalTrafficPolicy => Source.Spec.ExternalTrafficPolicy?.Value ?? TrafficPolicy.Cluster;

    public TrafficPolicy InternalTrafficPolicy => Source.Spec.InternalTrafficPolicy?.Value ?? TrafficPolicy.Cluster;

    public bool ClientIPAffinity => Source.Spec.SessionAffinity?.Value == SessionAffinity.ClientIP;

    /// <summary><c>sessionAffinityConfig.clientIP.timeoutSeconds</c>, 10800 by default.</summary>
    public int AffinityTimeoutSeconds => Source.Spec.SessionAffinityTimeoutSeconds?.Value ?? 10800;

    public int HealthCheckNodePort { get; init; }

    public bool HealthCheckNodePortAssumed { get; init; }

    /// <summary>Where the endpoints come from.</summary>
    public EndpointSource EndpointSource { get; init; }

    /// <summary>
    /// kube-proxy's informer skips services labelled <c>service.kubernetes.io/service-proxy-name</c> (another proxy owns
    /// them) or <c>service.kubernetes.io/headless</c>.
    /// </summary>
    public bool IgnoredByKubeProxy =>
        Source.Metadata.Labels.Find("service.kubernetes.io/service-proxy-name") is not null ||
        Source.Metadata.Labels.Find("service.kubernetes.io/headless") is not null;

    /// <summary>A cluster IP (not headless, not ExternalName): the precondition for kube-proxy to write any rule.</summary>
    public bool HasClusterIP => ClusterIPs.Count > 0;

    public string QualifiedName => Namespace + "/" + Name;
}

/// <summary>A LoadBalancer ingress IP, with its <c>ipMode</c> (<c>VIP</c> when unset).</summary>
public sealed record LoadBalancerAddress(IPAddress Address, LoadBalancerIPMode? Mode, bool Assumed, string Origin);

public enum EndpointSource
{
    /// <summary>The service has no selector and no EndpointSlice names it.</summary>
    None,

    /// <summary>EndpointSlices from the state file.</summary>
    State,

    /// <summary>EndpointSlices written in the manifests.</summary>
    Manifests,

    /// <summary>Pods from the state matched by the selector.</summary>
    StatePods,

    /// <summary>Pods Kubepath placed for the workloads the selector matches.</summary>
    Synthesised,
}

/// <summary>One port of a service, with the endpoints kube-proxy would receive for it.</summary>
public sealed record ServicePortView
{
    public string Name { get; init; } = string.Empty;

    public Protocol Protocol { get; init; } = Protocol.Tcp;

    public int Port { get; init; }

    /// <summary>0 when the port has none.</summary>
    public int NodePort { get; init; }

    public bool NodePortAssumed { get; init; }

    public IntOrString TargetPort { get; init; }

    public IReadOnlyList<EndpointView> Endpoints { get; init; } = Array.Empty<EndpointView>();

    public ServicePort? Source { get; init; }
}

/// <summary>An endpoint of a service port, as an EndpointSlice would carry it.</summary>
public sealed record EndpointView
{
    public required string Address { get; init; }

    public required int Port { get; init; }

    public string? NodeName { get; init; }

    public bool Ready { get; init; } = true;

    public bool Serving { get; init; } = true;

    public bool Terminating { get; init; }

    public string? Zone { get; init; }

    public IReadOnlyList<string> HintZones { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> HintNodes { get; init; } = Array.Empty<string>();

    /// <summary>What the endpoint stands for (<c>Pod default/web-0</c>, <c>Deployment default/web replica 2</c>).</summary>
    public string Origin { get; init; } = string.Empty;

    /// <summary>Its address, node or readiness was assumed rather than observed.</summary>
    public bool Assumed { get; init; }

    /// <summary>A hostNetwork pod: the address is its node's.</summary>
    public bool HostNetwork { get; init; }

    /// <summary>kube-proxy's endpoint string, <c>ip:port</c>.</summary>
    public string HostPort => Addresses.JoinHostPort(Address, Port);

    public bool IsIPv6 => Address.IndexOf(':') >= 0;
}

/// <summary>MetalLB's custom resources as its controller and speakers read them.</summary>
public sealed record MetalLBConfig
{
    public static readonly MetalLBConfig Empty = new();

    public IReadOnlyList<AddressPool> Pools { get; init; } = Array.Empty<AddressPool>();

    public IReadOnlyList<L2Advertisement> L2Advertisements { get; init; } = Array.Empty<L2Advertisement>();

    public IReadOnlyList<BGPAdvertisement> BgpAdvertisements { get; init; } = Array.Empty<BGPAdvertisement>();

    public IReadOnlyList<BGPPeer> Peers { get; init; } = Array.Empty<BGPPeer>();

    public IReadOnlyList<Community> Communities { get; init; } = Array.Empty<Community>();

    public bool Configured => Pools.Count > 0;

    /// <summary>
    /// Some resource holds values Kubepath cannot know (a pool built in C# from a method's parameters): what MetalLB
    /// allocates and who announces it are then not predicted.
    /// </summary>
    public bool PartlyUnknown { get; init; }

    /// <summary>The pool holding every one of the addresses (the speaker's <c>poolFor</c>).</summary>
    public AddressPool? PoolFor(IReadOnlyList<IPAddress> addresses) =>
        addresses.Count == 0 ? null : Pools.FirstOrDefault(pool => addresses.All(pool.Contains));
}
