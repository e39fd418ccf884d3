using System;
using System.Collections.Generic;
using System.Linq;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Engine.Compile;

/// <summary>
/// A service port as one IP family's proxier holds it (kube-proxy's <c>BaseServicePortInfo</c> and <c>servicePortInfo</c>):
/// the addresses of that family only, the traffic-policy flags, and the names of its chains.
/// </summary>
internal sealed class ServicePortInfo
{
    public ServicePortInfo(ServiceView service, ServicePortView port, string clusterIP, bool ipv6, KubeProxySettings settings)
    {
        Service = service;
        Port = port;
        ClusterIP = clusterIP;
        this.ipv6 = ipv6;
        Name = new ServicePortName(service.Namespace, service.Name, port.Name);
        NameString = Name.ToString();
        ExternalIPs = service.ExternalIPs.Count == 0 ? Array.Empty<string>() : service.ExternalIPs.Where(ip => Addresses.IsIPv6(ip) == ipv6).Select(Addresses.Format).ToList();

        // kube-proxy's service change tracker: ingress with ipMode Proxy is left to the load balancer (LoadBalancerIPMode).
        var honourIPMode = FeatureGates.Enabled(settings, FeatureGates.LoadBalancerIPMode);
        LoadBalancerVIPs = service.LoadBalancerIngress.Count == 0 ? Array.Empty<string>() : service.LoadBalancerIngress
            .Where(ingress => Addresses.IsIPv6(ingress.Address) == ipv6 && !(honourIPMode && ingress.Mode == LoadBalancerIPMode.Proxy))
            .Select(ingress => Addresses.Format(ingress.Address))
            .ToList();
        SourceRanges = service.LoadBalancerSourceRanges.Count == 0 ? Array.Empty<Cidr>() : service.LoadBalancerSourceRanges.Where(cidr => cidr.IsIPv6 == ipv6).ToList();

        // Since 1.34 a zero-length range means "allow any", the same as no ranges (kube-proxy service.go).
        if (settings.Version.AtLeast(1, 34) && SourceRanges.Any(cidr => cidr.PrefixLength == 0))
        {
            SourceRanges = Array.Empty<Cidr>();
        }

        // apiservice.ExternalPolicyLocal: only a NodePort, LoadBalancer or ClusterIP-with-externalIPs service has one.
        var typeExternallyAccessible = service.Type is ServiceType.LoadBalancer or ServiceType.NodePort ||
            (service.Type == ServiceType.ClusterIP && service.Source.Spec.ExternalIPs.Count > 0);
        ExternalPolicyLocal = typeExternallyAccessible && service.ExternalTrafficPolicy == TrafficPolicy.Local;
        InternalPolicyLocal = service.InternalTrafficPolicy == TrafficPolicy.Local;

        ProtocolText = ChainNames.ProtocolText(port.Protocol);
        ClusterPolicyChain = ChainNames.Service(Name, port.Protocol);
    }

    private readonly bool ipv6;

    // kube-proxy names every chain of a service port up front; Kubepath names the ones a node's rules use, when first
    // used, once for every node (nodes compile in parallel: a race only names the same chain twice).
    private string? localPolicyChain;
    private string? firewallChain;
    private string? externalChain;
    private IReadOnlyList<PortEndpoint>? endpoints;
    private readonly List<(NodeShape Shape, WrittenLine[] Lines)> written = new();

    private const int MostShapesKept = 4;

    public ServiceView Service { get; }

    public ServicePortView Port { get; }

    public ServicePortName Name { get; }

    public string NameString { get; }

    public string ProtocolText { get; }

    public Protocol Protocol => Port.Protocol;

    public string ClusterIP { get; }

    public int NodePort => Port.NodePort;

    public IReadOnlyList<string> ExternalIPs { get; }

    public IReadOnlyList<string> LoadBalancerVIPs { get; }

    public IReadOnlyList<Cidr> SourceRanges { get; }

    public bool ExternalPolicyLocal { get; }

    public bool InternalPolicyLocal { get; }

    public string ClusterPolicyChain { get; }

    public string LocalPolicyChain => localPolicyChain ??= ChainNames.ServiceLocal(Name, Protocol);

    public string FirewallChain => firewallChain ??= ChainNames.Firewall(Name, Protocol);

    public string ExternalChain => externalChain ??= ChainNames.External(Name, Protocol);

    /// <summary>
    /// The port's endpoints of this family with a valid address, sorted by ip:port (in their order among equals), with their
    /// KUBE-SEP chains: the same for every node, so worked out once (a race only works them out twice).
    /// </summary>
    public IReadOnlyList<PortEndpoint> Endpoints => endpoints ??= Port.Endpoints
        .Where(view => view.IsIPv6 == ipv6 && Addresses.TryParse(view.Address, out _))
        .Select(view => new PortEndpoint(view, view.HostPort, ChainNames.Endpoint(Name, Protocol, view.HostPort)))
        .OrderBy(endpoint => endpoint.HostPort, StringComparer.Ordinal)
        .ToList();

    /// <summary>The lines a node of this shape wrote for the port; null until one has been compiled.</summary>
    public WrittenLine[]? WrittenFor(NodeShape shape)
    {
        lock (written)
        {
            foreach (var (kept, lines) in written)
            {
                if (kept.IsLike(shape))
                {
                    return lines;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Whether the lines of another shape would be kept. Nodes of a few shapes share lines; past that (every node of its
    /// own shape: local traffic told by each node's pod CIDR, or a Local policy with endpoints on every node), each node
    /// writes its own, and nothing more is kept or compared, so a cluster of many nodes costs no more than before.
    /// </summary>
    public bool KeepsMoreShapes
    {
        get
        {
            lock (written)
            {
                return written.Count < MostShapesKept;
            }
        }
    }

    /// <summary>Keeps the lines a node wrote for the nodes of its shape (nodes compile in parallel: the first kept is kept).</summary>
    public void KeepWritten(NodeShape shape, WrittenLine[] lines)
    {
        lock (written)
        {
            if (written.Count < MostShapesKept && WrittenFor(shape) is null)
            {
                written.Add((shape, lines));
            }
        }
    }

    /// <summary><c>BaseServicePortInfo.ExternallyAccessible</c>: a node port, a load-balancer VIP or an external IP.</summary>
    public bool ExternallyAccessible => NodePort != 0 || LoadBalancerVIPs.Count > 0 || ExternalIPs.Count > 0;

    /// <summary>Cluster endpoints are needed for Cluster internal policy, and for any external traffic (pods short-circuit).</summary>
    public bool UsesClusterEndpoints => !InternalPolicyLocal || ExternallyAccessible;

    public bool UsesLocalEndpoints => InternalPolicyLocal || (ExternalPolicyLocal && ExternallyAccessible);
}

/// <summary>An endpoint of a service port as every node's proxier names it: kube-proxy's endpoint string and KUBE-SEP chain.</summary>
internal sealed class PortEndpoint
{
    private Rule[]? chainRules;
    private Rule[]? chainRulesInLargeCluster;

    public PortEndpoint(EndpointView view, string hostPort, string chainName)
    {
        View = view;
        HostPort = hostPort;
        ChainName = chainName;
    }

    public EndpointView View { get; }

    public string HostPort { get; }

    public string ChainName { get; }

    /// <summary>
    /// The rules of the endpoint's chain when a node has written them: they are the same on every node. Large clusters
    /// leave out the comments.
    /// </summary>
    public Rule[]? ChainRules(bool largeCluster) => largeCluster ? chainRulesInLargeCluster : chainRules;

    /// <summary>Keeps the chain's rules for the other nodes (nodes compile in parallel: the first kept is kept).</summary>
    public Rule[] Keep(bool largeCluster, Rule[] rules) => largeCluster
        ? System.Threading.Interlocked.CompareExchange(ref chainRulesInLargeCluster, rules, null) ?? rules
        : System.Threading.Interlocked.CompareExchange(ref chainRules, rules, null) ?? rules;
}

/// <summary>An endpoint as the proxier of one node holds it (<c>BaseEndpointInfo</c> + its chain name).</summary>
internal sealed class EndpointInfo
{
    public EndpointInfo(PortEndpoint endpoint, bool isLocal)
    {
        Endpoint = endpoint;
        IsLocal = isLocal;
    }

    public PortEndpoint Endpoint { get; }

    public EndpointView View => Endpoint.View;

    public bool IsLocal { get; }

    public string HostPort => Endpoint.HostPort;

    public string IP => View.Address;

    public string ChainName => Endpoint.ChainName;

    public bool IsReady => View.Ready;

    public bool IsServing => View.Serving;

    public bool IsTerminating => View.Terminating;
}
