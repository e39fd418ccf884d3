using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using Kubepath.Model;

namespace Kubepath.Engine.World;

/// <summary>
/// Builds the world from the manifests, the profile and (optionally) the state: what the cluster would hold once the
/// manifests are applied. A Service's spec comes from the manifests when they have it; what the API server allocates
/// (cluster IP, node ports, load-balancer status) comes from the state when it is not written down, and is otherwise a
/// deterministic placeholder marked as assumed.
/// </summary>
public static class WorldBuilder
{
    public static ClusterWorld Build(ManifestSet manifests, ClusterProfile profile, ManifestSet? state = null)
    {
        var nodes = NodeCatalog.Build(profile, (state?.OfKind<Node>() ?? Enumerable.Empty<Node>()).Concat(manifests.OfKind<Node>()));
        var observed = state?.OfKind<Service>().GroupBy(service => service.QualifiedName).ToDictionary(group => group.Key, group => group.Last(), StringComparer.Ordinal)
            ?? new Dictionary<string, Service>(StringComparer.Ordinal);
        var written = manifests.OfKind<Service>().GroupBy(service => service.QualifiedName).ToDictionary(group => group.Key, group => group.Last(), StringComparer.Ordinal);
        var names = written.Keys.Concat(observed.Keys).Distinct().OrderBy(name => name, StringComparer.Ordinal).ToList();

        var addresses = new AddressBook(profile, written.Values.Concat(observed.Values));
        var statePods = state is null ? Array.Empty<PodInstance>() : Placement.Observed(state);
        var pods = new Lazy<IReadOnlyList<PodInstance>>(() => Placement.Synthesise(nodes, manifests, ObservedAddresses(state, statePods)));
        // Selectors only look within their namespace: pods indexed by it keep endpoint selection linear.
        var statePodsByLabel = new LabelIndex<PodInstance>(statePods, pod => pod.Namespace, pod => pod.Labels);
        var podsByLabel = new Lazy<LabelIndex<PodInstance>>(() => new LabelIndex<PodInstance>(pods.Value, pod => pod.Namespace, pod => pod.Labels));
        var stateSlices = SlicesByService(state);
        var manifestSlices = SlicesByService(manifests);
        var services = new List<ServiceView>(names.Count);
        foreach (var name in names)
        {
            written.TryGetValue(name, out var spec);
            observed.TryGetValue(name, out var live);
            var service = spec ?? live!;
            var view = Resolve(service, live, addresses);
            var (source, ports) = Endpoints(view, service, Slices(stateSlices, service), Slices(manifestSlices, service), statePodsByLabel, podsByLabel, nodes);
            services.Add(view with { Ports = ports, EndpointSource = source });
        }

        var metallb = MetalLB(manifests, state);
        services = AllocateLoadBalancerIPs(services, observed, profile, metallb, manifests, state);

        var assumptions = new List<string>();
        if (nodes.All(node => node.Assumed))
        {
            assumptions.Add("no node is known (none in the profile, the manifests or the state): " + nodes.Count.ToString(CultureInfo.InvariantCulture) + " nodes are assumed");
        }

        var podViews = statePods.Concat(pods.Value)
            .SelectMany(pod => pod.Addresses.Select(address => new PodView(pod.Origin, pod.NodeName, address, pod.Spec.UsesHostNetwork, pod.Assumed)))
            .ToList();
        var workloads = manifests.OfKind<Workload>().Where(workload => !workload.HasUnknownFields()).ToList();
        var templates = workloads.Select(workload => new PodTemplateView(workload.Namespace, workload.Kind.Value + " " + workload.QualifiedName, workload.Template.Metadata.Labels, workload.Template.Spec))
            .Concat(manifests.OfKind<Pod>().Where(pod => !pod.HasUnknownFields())
                .Concat(LivePodsOfOtherWorkloads(state, workloads))
                .Select(pod => new PodTemplateView(pod.Namespace, "Pod " + pod.QualifiedName, pod.Metadata.Labels, pod.Spec)))
            .ToList();
        // Pod creators Kubepath does not model, or whose values were not known when they were written: their pods may exist.
        var unmodelled = manifests.OfKind<OpaqueObject>().Where(CreatesUnmodelledPods).Cast<ManifestObject>()
            .Concat(manifests.OfKind<Workload>().Where(workload => workload.HasUnknownFields()))
            .Concat(manifests.OfKind<Pod>().Where(pod => pod.HasUnknownFields()))
            .Select(obj => obj.Namespace).Distinct(StringComparer.Ordinal).ToList();
        return new ClusterWorld
        {
            Profile = profile, Nodes = nodes, Services = services, Pods = podViews, PodTemplates = templates, MetalLB = metallb,
            NamespacesWithUnmodelledPods = unmodelled, Assumptions = assumptions,
            StateFiles = state?.Files.Select(file => file.Path).ToList() ?? (IReadOnlyCollection<string>)Array.Empty<string>(),
        };
    }

    private static ServiceView Resolve(Service service, Service? live, AddressBook addresses)
    {
        var spec = service.Spec;
        var liveSpec = live?.Spec;
        var hasClusterIP = service.Spec.EffectiveType != ServiceType.ExternalName && !spec.IsHeadless;
        IReadOnlyList<IPAddress> clusterIPs = Array.Empty<IPAddress>();
        var clusterIPAssumed = false;
        if (hasClusterIP)
        {
            clusterIPs = ParseAll(ClusterIPTexts(spec));
            if (clusterIPs.Count == 0 && liveSpec is not null)
            {
                clusterIPs = ParseAll(ClusterIPTexts(liveSpec));
            }

            if (clusterIPs.Count == 0 && addresses.PlaceholderClusterIPs(service) is { Count: > 0 } placeholders)
            {
                clusterIPs = placeholders;
                clusterIPAssumed = true;
            }
        }

        var needsNodePorts = service.Spec.EffectiveType == ServiceType.NodePort ||
            (service.Spec.EffectiveType == ServiceType.LoadBalancer && (spec.AllocateLoadBalancerNodePorts?.Value ?? true));
        var ports = spec.Ports.Select(port =>
        {
            var protocol = port.EffectiveProtocol;
            var number = port.Port?.Value ?? 0;
            var nodePort = port.NodePort?.Value ?? 0;
            var nodePortAssumed = false;
            if (nodePort == 0 && needsNodePorts)
            {
                nodePort = liveSpec?.Ports.FirstOrDefault(candidate => candidate.Port?.Value == number && candidate.EffectiveProtocol == protocol)?.NodePort?.Value ?? 0;
                if (nodePort == 0)
                {
                    nodePort = addresses.PlaceholderNodePort(service.QualifiedName + ":" + number.ToString(CultureInfo.InvariantCulture) + "/" + protocol);
                    nodePortAssumed = true;
                }
            }

            return new ServicePortView
            {
                Name = port.Name?.Value ?? string.Empty,
                Protocol = protocol,
                Port = number,
                NodePort = nodePort,
                NodePortAssumed = nodePortAssumed,
                TargetPort = port.TargetPort?.Value ?? IntOrString.FromNumber(number),
                Source = port,
            };
        }).ToList();

        var healthCheckNodePort = 0;
        var healthCheckNodePortAssumed = false;
        if (service.Spec.EffectiveType == ServiceType.LoadBalancer && spec.ExternalTrafficPolicy?.Value == TrafficPolicy.Local)
        {
            healthCheckNodePort = spec.HealthCheckNodePort?.Value ?? liveSpec?.HealthCheckNodePort?.Value ?? 0;
            if (healthCheckNodePort == 0)
            {
                healthCheckNodePort = addresses.PlaceholderNodePort(service.QualifiedName + " health check");
                healthCheckNodePortAssumed = true;
            }
        }

        return new ServiceView
        {
            Source = service,
            ClusterIPs = clusterIPs,
            ClusterIPAssumed = clusterIPAssumed,
            Ports = ports,
            ExternalIPs = ParseAll(spec.ExternalIPs.Select(field => field.Value)),
            LoadBalancerSourceRanges = spec.LoadBalancerSourceRanges
                .Select(field => Cidr.TryParse(field.Value, out var cidr) ? (Cidr?)cidr : null)
                .OfType<Cidr>()
                .ToList(),
            HealthCheckNodePort = healthCheckNodePort,
            HealthCheckNodePortAssumed = healthCheckNodePortAssumed,
        };
    }

    private static IEnumerable<string> ClusterIPTexts(ServiceSpec spec) =>
        spec.ClusterIPs.Count > 0 ? spec.ClusterIPs.Select(field => field.Value) : spec.ClusterIP is { } single ? new[] { single.Value } : Array.Empty<string>();

    /// <summary>
    /// LoadBalancer addresses: the status' (the state's first: the API server ignores a status that is applied), which
    /// MetalLB keeps; otherwise MetalLB's allocation when the manifests or the state hold IPAddressPools (services with
    /// a status first, then the others by name: MetalLB itself takes them in no fixed order); otherwise, without MetalLB,
    /// the addresses the Service asks for, as assumed.
    /// </summary>
    private static List<ServiceView> AllocateLoadBalancerIPs(
        List<ServiceView> services, Dictionary<string, Service> observed, ClusterProfile profile, MetalLBConfig metallb, ManifestSet manifests, ManifestSet? state)
    {
        var namespaces = manifests.OfKind<Namespace>().Concat(state?.OfKind<Namespace>() ?? Enumerable.Empty<Namespace>()).ToList();
        var allocator = new LoadBalancerAllocator(profile.MetalLB, metallb.Pools, namespaces);
        var result = services.ToList();
        var pending = new List<int>();
        for (var i = 0; i < result.Count; i++)
        {
            var view = result[i];
            if (view.Type != ServiceType.LoadBalancer)
            {
                continue;
            }

            observed.TryGetValue(view.QualifiedName, out var live);
            var status = StatusIngress(live) ?? StatusIngress(view.Source);
            if (status is not null)
            {
                var kept = allocator.Configured ? allocator.Keep(view.Source, status.Select(entry => entry.Address).ToList()) : null;
                result[i] = view with { LoadBalancerIngress = status, Allocation = kept };
            }
            else
            {
                pending.Add(i);
            }
        }

        foreach (var i in pending)
        {
            var view = result[i];
            if (!allocator.Configured)
            {
                result[i] = view with { LoadBalancerIngress = Requested(view.Source, allocator) };
                continue;
            }

            var allocation = allocator.Allocate(view.Source, view.ClusterIPs);
            var requested = Requested(view.Source, allocator).Count > 0;
            var origin = "allocated by MetalLB from pool " + allocation.Pool +
                (allocation.PossiblePools.Count > 1 ? " (MetalLB may as well pick " + string.Join(" or ", allocation.PossiblePools.Where(pool => pool != allocation.Pool)) + ")" : string.Empty);
            result[i] = view with
            {
                Allocation = allocation,
                LoadBalancerIngress = allocation.Addresses
                    .Select(ip => new LoadBalancerAddress(ip, null, !requested || allocation.PossiblePools.Count > 1, origin))
                    .ToList(),
            };
        }

        return result;
    }

    /// <summary>
    /// The state's pods, less those a workload of the manifests selects: once applied, its template replaces them (a
    /// rollout), so they are not a second workload beside it.
    /// </summary>
    private static IEnumerable<Pod> LivePodsOfOtherWorkloads(ManifestSet? state, IReadOnlyList<Workload> workloads)
    {
        var byNamespace = workloads.Where(workload => workload.Selector is not null).ToLookup(workload => workload.Namespace, StringComparer.Ordinal);
        return (state?.OfKind<Pod>() ?? Enumerable.Empty<Pod>())
            .Where(pod => !byNamespace[pod.Namespace].Any(workload => LabelMatching.Matches(workload.Selector!, pod.Metadata.Labels)));
    }

    /// <summary>Pod creators Kubepath does not model: old and scheduled workloads, and namespaced custom resources.</summary>
    private static bool CreatesUnmodelledPods(OpaqueObject obj) =>
        obj.Kind.Value is "ReplicationController" or "CronJob" ||
        (obj.IsNamespaced && obj.Group.IndexOf('.') >= 0 && !obj.Group.EndsWith(".k8s.io", StringComparison.Ordinal) && obj.Group is not ("metallb.io" or "kubepath.io"));

    /// <summary>MetalLB's resources, the manifests' copy of a name first, then the state's.</summary>
    private static MetalLBConfig MetalLB(ManifestSet manifests, ManifestSet? state)
    {
        List<T> Of<T>()
            where T : ManifestObject =>
            manifests.OfKind<T>().Concat(state?.OfKind<T>() ?? Enumerable.Empty<T>())
                .GroupBy(item => item.Name, StringComparer.Ordinal)
                .Select(group => group.First())
                .OrderBy(item => item.Name, StringComparer.Ordinal)
                .ToList();

        return new MetalLBConfig
        {
            Pools = Of<IPAddressPool>().Select(AddressPool.From).ToList(),
            L2Advertisements = Of<L2Advertisement>(),
            BgpAdvertisements = Of<BGPAdvertisement>(),
            Peers = Of<BGPPeer>(),
            Communities = Of<Community>(),
            PartlyUnknown = manifests.Objects.Any(obj => obj is IPAddressPool or Advertisement or BGPPeer or Community or BFDProfile && obj.HasUnknownFields()),
        };
    }

    private static List<LoadBalancerAddress>? StatusIngress(Service? service)
    {
        var ingress = service?.Status.LoadBalancerIngress
            .Where(entry => Addresses.TryParse(entry.IP?.Value, out _))
            .Select(entry => new LoadBalancerAddress(Addresses.Parse(entry.IP!.Value), entry.IPMode?.Value, false, "status.loadBalancer.ingress"))
            .ToList();
        return ingress is { Count: > 0 } ? ingress : null;
    }

    /// <summary>Without MetalLB: the IPs the Service asks for (the annotation, else <c>spec.loadBalancerIP</c>), as assumed.</summary>
    private static List<LoadBalancerAddress> Requested(Service service, LoadBalancerAllocator allocator)
    {
        if (allocator.Annotation(service, "loadBalancerIPs") is { Length: > 0 } requested)
        {
            return ParseAll(requested.Split(',')).Select(ip => new LoadBalancerAddress(ip, null, true, "requested by the loadBalancerIPs annotation")).ToList();
        }

        return Addresses.TryParse(service.Spec.LoadBalancerIP?.Value, out var ip)
            ? new List<LoadBalancerAddress> { new(ip, null, true, "requested by spec.loadBalancerIP") }
            : new List<LoadBalancerAddress>();
    }

    private static (EndpointSource Source, IReadOnlyList<ServicePortView> Ports) Endpoints(
        ServiceView view,
        Service service,
        IReadOnlyList<EndpointSlice> fromState,
        IReadOnlyList<EndpointSlice> fromManifests,
        LabelIndex<PodInstance> statePods,
        Lazy<LabelIndex<PodInstance>> synthesised,
        IReadOnlyList<ClusterNode> nodes)
    {
        if (fromState.Count > 0)
        {
            return (EndpointSource.State, view.Ports.Select(port => port with { Endpoints = EndpointSlices.For(port, fromState, nodes, assumed: false) }).ToList());
        }

        if (fromManifests.Count > 0)
        {
            return (EndpointSource.Manifests, view.Ports.Select(port => port with { Endpoints = EndpointSlices.For(port, fromManifests, nodes, assumed: false) }).ToList());
        }

        var selector = service.Spec.Selector?.Value;
        if (selector is null || selector.Count == 0)
        {
            return (EndpointSource.None, view.Ports);
        }

        // Pods of the state answer for the service when some match it; otherwise the manifests' workloads do.
        var selected = statePods.Selected(service.Namespace, selector);
        var source = EndpointSource.StatePods;
        if (selected.Count == 0)
        {
            selected = synthesised.Value.Selected(service.Namespace, selector);
            source = EndpointSource.Synthesised;
        }

        var publishNotReady = service.Spec.PublishNotReadyAddresses?.Value ?? false;
        return (source, view.Ports.Select(port => port with { Endpoints = EndpointSlices.FromPods(port, selected, nodes, publishNotReady) }).ToList());
    }

    /// <summary>Addresses the state shows in use, which placeholder pod IPs must avoid.</summary>
    private static HashSet<string> ObservedAddresses(ManifestSet? state, IReadOnlyList<PodInstance> statePods)
    {
        var used = new HashSet<string>(statePods.SelectMany(pod => pod.Addresses), StringComparer.Ordinal);
        foreach (var slice in state?.OfKind<EndpointSlice>() ?? Enumerable.Empty<EndpointSlice>())
        {
            used.UnionWith(slice.Endpoints.SelectMany(endpoint => endpoint.Addresses).Select(address => address.Value));
        }

        return used;
    }

    /// <summary>kube-proxy reads the slices labelled with a service's name, in its namespace.</summary>
    private static Dictionary<string, List<EndpointSlice>> SlicesByService(ManifestSet? set) =>
        (set?.OfKind<EndpointSlice>() ?? Enumerable.Empty<EndpointSlice>())
            .Where(slice => slice.ServiceName is not null)
            .GroupBy(slice => slice.Namespace + "/" + slice.ServiceName, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.OrderBy(slice => slice.Name, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    private static IReadOnlyList<EndpointSlice> Slices(Dictionary<string, List<EndpointSlice>> slices, Service service) =>
        slices.TryGetValue(service.QualifiedName, out var list) ? list : Array.Empty<EndpointSlice>();

    private static List<IPAddress> ParseAll(IEnumerable<string> texts) =>
        texts.Select(text => Addresses.TryParse(text.Trim(), out var ip) ? ip : null).OfType<IPAddress>().ToList();

    /// <summary>Deterministic placeholders for what the API server would allocate, away from anything in use.</summary>
    private sealed class AddressBook
    {
        private readonly ClusterProfile profile;
        private readonly HashSet<IPAddress> usedIPs = new();
        private readonly HashSet<int> usedNodePorts = new();
        private int nodePortsUsedInRange;

        public AddressBook(ClusterProfile profile, IEnumerable<Service> services)
        {
            this.profile = profile;
            foreach (var service in services)
            {
                foreach (var ip in ParseAll(ClusterIPTexts(service.Spec)))
                {
                    usedIPs.Add(ip);
                }

                foreach (var port in service.Spec.Ports)
                {
                    if (port.NodePort?.Value is { } nodePort)
                    {
                        UseNodePort(nodePort);
                    }
                }

                if (service.Spec.HealthCheckNodePort?.Value is { } healthCheck)
                {
                    UseNodePort(healthCheck);
                }
            }
        }

        /// <summary>
        /// The families the API server gives a Service cluster IPs of: <c>ipFamilies</c> (else the cluster's primary
        /// family) first, and with PreferDualStack or RequireDualStack the other family too when the cluster has it.
        /// </summary>
        public List<IPAddress> PlaceholderClusterIPs(Service service)
        {
            var available = profile.ServiceCidrs.Select(cidr => cidr.IsIPv6).Distinct().ToList();
            if (available.Count == 0)
            {
                return new List<IPAddress>();
            }

            var wanted = service.Spec.IPFamilies.Select(family => family.Value == IPFamily.IPv6).Where(available.Contains).ToList();
            if (wanted.Count == 0)
            {
                wanted.Add(available[0]);
            }

            var policy = service.Spec.IPFamilyPolicy?.Value ?? IPFamilyPolicy.SingleStack;
            if (policy != IPFamilyPolicy.SingleStack && wanted.Count == 1 && available.Count > 1)
            {
                wanted.Add(!wanted[0]);
            }

            return wanted.Take(policy == IPFamilyPolicy.SingleStack ? 1 : 2)
                .Select(ipv6 => PlaceholderClusterIP(service, profile.ServiceCidrs.First(cidr => cidr.IsIPv6 == ipv6)))
                .OfType<IPAddress>()
                .ToList();
        }

        /// <summary>
        /// A cluster IP chosen by hashing the service's name into a service CIDR (probing past used ones), so adding a
        /// service does not move the others. <c>default/kubernetes</c> gets the first address, as the API server gives it.
        /// </summary>
        private IPAddress? PlaceholderClusterIP(Service service, Cidr cidr)
        {
            var size = Math.Min(cidr.Size, 1L << 24);
            if (size < 4)
            {
                return null;
            }

            if (service.QualifiedName == "default/kubernetes" && usedIPs.Add(cidr.AddressAt(1)))
            {
                return cidr.AddressAt(1);
            }

            var start = (long)(Hash(service.QualifiedName) % (ulong)(size - 2));
            for (long probe = 0; probe < size - 2; probe++)
            {
                var candidate = cidr.AddressAt(((start + probe) % (size - 2)) + 1);
                if (usedIPs.Add(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        public int PlaceholderNodePort(string key)
        {
            var range = profile.NodePortRange;

            // A full range has no port to give: probing it again for every port would be quadratic.
            if (nodePortsUsedInRange >= range.Size)
            {
                return 0;
            }

            var start = (int)(Hash(key) % (ulong)range.Size);
            for (var probe = 0; probe < range.Size; probe++)
            {
                var candidate = range.First + ((start + probe) % range.Size);
                if (UseNodePort(candidate))
                {
                    return candidate;
                }
            }

            return 0;
        }

        private bool UseNodePort(int port)
        {
            if (!usedNodePorts.Add(port))
            {
                return false;
            }

            nodePortsUsedInRange += profile.NodePortRange.Contains(port) ? 1 : 0;
            return true;
        }

        private static ulong Hash(string text) => BitConverter.ToUInt64(Sha256Text.Of(text), 0);
    }
}
