using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using Kubepath.Model;

namespace Kubepath.Engine.World;

/// <summary>What MetalLB's controller does for one LoadBalancer Service.</summary>
public sealed record LoadBalancerAllocation
{
    /// <summary>The addresses put in the Service's status (empty on failure or when MetalLB ignores it).</summary>
    public IReadOnlyList<IPAddress> Addresses { get; init; } = Array.Empty<IPAddress>();

    /// <summary>The pool they come from.</summary>
    public string? Pool { get; init; }

    /// <summary>Pools MetalLB could equally have chosen (it picks among them in no fixed order); empty when determined.</summary>
    public IReadOnlyList<string> PossiblePools { get; init; } = Array.Empty<string>();

    /// <summary>MetalLB's error text (the AllocationFailed event), when it gives the Service no address.</summary>
    public string? Failure { get; init; }

    public AllocationFailure FailureKind { get; init; }

    /// <summary>Why MetalLB does not handle the Service at all (another loadBalancerClass), if so.</summary>
    public string? Ignored { get; init; }

    /// <summary>The address came from the state or the manifest's status: MetalLB keeps it.</summary>
    public bool Observed { get; init; }
}

/// <summary>Why MetalLB gives a Service no address.</summary>
public enum AllocationFailure
{
    None,

    /// <summary>The requested address is in no pool (or is a .0/.255 address of an avoidBuggyIPs pool).</summary>
    RequestedOutsidePools,

    /// <summary>The <c>address-pool</c> annotation names no pool.</summary>
    UnknownPool,

    /// <summary>The address is held by services with another sharing key or backend, or the same protocol and port.</summary>
    Sharing,

    /// <summary>No eligible pool has a free address of the service's families.</summary>
    NoAvailableIPs,

    /// <summary>The request itself is malformed or contradicts the service (both fields, wrong family, incompatible pool).</summary>
    InvalidRequest,
}

/// <summary>
/// MetalLB's controller (controller/service.go <c>convergeBalancer</c>, internal/allocator) for the MetalLB release in
/// the profile: a kept status address, else the requested one (<c>loadBalancerIPs</c> annotation or
/// <c>spec.loadBalancerIP</c>), else the <c>address-pool</c> annotation's pool, else pools pinned by
/// <c>serviceAllocation</c> by priority, else any auto-assign pool. Inside a pool the lowest free address is taken;
/// sharing (<c>allow-shared-ip</c>) packs compatible services onto one address.
/// </summary>
internal sealed class LoadBalancerAllocator
{
    private readonly MetalLBSettings settings;
    private readonly List<AddressPool> pools;
    private readonly IReadOnlyList<Namespace> namespaces;
    private readonly Dictionary<IPAddress, List<Holder>> holders = new();

    public LoadBalancerAllocator(MetalLBSettings settings, IReadOnlyList<AddressPool> pools, IReadOnlyList<Namespace> namespaces)
    {
        this.settings = settings;
        this.pools = pools.OrderBy(pool => pool.Name, StringComparer.Ordinal).ToList();
        this.namespaces = namespaces;
    }

    public bool Configured => pools.Count > 0;


    /// <summary>Records a status address MetalLB already assigned, so later services neither take nor clash with it.</summary>
    public LoadBalancerAllocation Keep(Service service, IReadOnlyList<IPAddress> addresses)
    {
        var pool = pools.FirstOrDefault(candidate => addresses.All(candidate.Usable));
        foreach (var address in addresses)
        {
            Hold(address, service);
        }

        return new LoadBalancerAllocation { Addresses = addresses, Pool = pool?.Name, Observed = true };
    }

    public LoadBalancerAllocation Allocate(Service service, IReadOnlyList<IPAddress> clusterIPs)
    {
        var lbClass = service.Spec.LoadBalancerClass?.Value;
        if (lbClass != settings.LoadBalancerClass)
        {
            return new LoadBalancerAllocation
            {
                Ignored = lbClass is null
                    ? "MetalLB serves loadBalancerClass " + settings.LoadBalancerClass + " only"
                    : "loadBalancerClass " + lbClass + " is not MetalLB's",
            };
        }

        // Dual-stack results list IPv4 first (from 0.15; 0.14 follows the pool's order, which Kubepath does not track).
        var families = clusterIPs.Select(Addresses.IsIPv6).Distinct().OrderBy(ipv6 => ipv6).ToList();
        var preferDual = families.Count > 1 && settings.Version >= new Version(0, 15, 0) &&
            (service.Spec.IPFamilyPolicy?.Value ?? IPFamilyPolicy.SingleStack) == IPFamilyPolicy.PreferDualStack;
        var primary = clusterIPs.Count > 0 && Addresses.IsIPv6(clusterIPs[0]);
        if (families.Count == 0)
        {
            return Failed("no cluster IP, so no IP family to allocate for");
        }

        var requested = Annotation(service, "loadBalancerIPs");
        var specIP = service.Spec.LoadBalancerIP?.Value;
        var poolName = Annotation(service, "address-pool");
        if (!string.IsNullOrEmpty(requested) && !string.IsNullOrEmpty(specIP))
        {
            return Failed("service can not have both " + Prefix + "/loadBalancerIPs and svc.Spec.LoadBalancerIP");
        }

        if (!string.IsNullOrEmpty(requested) || !string.IsNullOrEmpty(specIP))
        {
            var texts = !string.IsNullOrEmpty(requested) ? requested!.Split(',').Select(text => text.Trim()).ToList() : new List<string> { specIP! };
            var desired = new List<IPAddress>();
            foreach (var text in texts)
            {
                if (!Addresses.TryParse(text, out var ip))
                {
                    return Failed(!string.IsNullOrEmpty(requested) ? "invalid " + Prefix + "/loadBalancerIPs: \"" + requested + "\"" : "invalid spec.loadBalancerIP \"" + specIP + "\"");
                }

                desired.Add(ip);
            }

            if (desired.Select(Addresses.IsIPv6).Distinct().Count() != desired.Count || desired.Count > 2)
            {
                return Failed("IPFamilyForAddresses: same address family " + Quote(desired));
            }

            if (!desired.Select(Addresses.IsIPv6).OrderBy(v => v).SequenceEqual(families.OrderBy(v => v)))
            {
                return Failed("requested loadBalancer IP(s) " + Quote(desired) + " does not match the ipFamily of the service");
            }

            var pool = pools.FirstOrDefault(candidate => desired.All(candidate.Usable));
            if (pool is null)
            {
                return Failed(Quote(desired) + " is not allowed in config", AllocationFailure.RequestedOutsidePools);
            }

            if (!Compatible(pool, service))
            {
                return Failed("pool " + pool.Name + " not compatible for ip assignment");
            }

            if (poolName is { Length: > 0 } && poolName != pool.Name)
            {
                return Failed("requested loadBalancer IP(s) " + Quote(desired) + " is not compatible with requested address pool " + poolName);
            }

            foreach (var ip in desired)
            {
                if (SharingProblem(service, ip) is { } problem)
                {
                    return Failed(problem, AllocationFailure.Sharing);
                }
            }

            return Take(service, desired, pool, Array.Empty<string>());
        }

        if (poolName is { Length: > 0 })
        {
            var pool = pools.FirstOrDefault(candidate => candidate.Name == poolName);
            if (pool is null)
            {
                return Failed("unknown pool \"" + poolName + "\"", AllocationFailure.UnknownPool);
            }

            if (!Compatible(pool, service))
            {
                return Failed("pool " + poolName + " not compatible for ip assignment");
            }

            return FromPool(service, pool, families) is { } ips
                ? Take(service, ips, pool, Array.Empty<string>())
                : Failed("no available IPs in pool \"" + poolName + "\" for " + FamilyName(families) + " IPFamily", AllocationFailure.NoAvailableIPs);
        }

        // Pinned pools by priority (lower first, unset last); pools of equal priority come in no fixed order.
        var pinned = pools.Where(pool => pool.AutoAssign && Pinned(pool) && Compatible(pool, service))
            .GroupBy(pool => Priority(pool))
            .OrderBy(group => group.Key == 0 ? int.MaxValue : group.Key);
        foreach (var group in pinned)
        {
            if (Choose(service, group.ToList(), families, preferDual, primary) is { } chosen)
            {
                return chosen;
            }
        }

        var general = pools.Where(pool => pool.AutoAssign && !HasServiceAllocation(pool)).ToList();
        return Choose(service, general, families, preferDual, primary) ?? Failed("no available IPs", AllocationFailure.NoAvailableIPs);
    }

    /// <summary>
    /// The first of several equal pools that can serve, with the others named as possible. PreferDualStack (from 0.15,
    /// <c>findBestPoolForService</c>) falls back to a pool of the primary family, then of the other, for one address.
    /// </summary>
    private LoadBalancerAllocation? Choose(Service service, IReadOnlyList<AddressPool> candidates, IReadOnlyList<bool> families, bool preferDual, bool primary)
    {
        var able = candidates.Select(pool => (Pool: pool, Ips: FromPool(service, pool, families))).Where(entry => entry.Ips is not null).ToList();
        if (able.Count == 0 && preferDual)
        {
            foreach (var single in new[] { primary, !primary })
            {
                able = candidates.Select(pool => (Pool: pool, Ips: FromPool(service, pool, new[] { single }))).Where(entry => entry.Ips is not null).ToList();
                if (able.Count > 0)
                {
                    break;
                }
            }
        }

        if (able.Count == 0)
        {
            return null;
        }

        return Take(service, able[0].Ips!, able[0].Pool, able.Count > 1 ? able.Select(entry => entry.Pool.Name).ToList() : Array.Empty<string>());
    }

    /// <summary>The lowest usable address of each needed family, walking the pool's ranges in order; null if a family is missing.</summary>
    private List<IPAddress>? FromPool(Service service, AddressPool pool, IReadOnlyList<bool> families)
    {
        var result = new List<IPAddress>();
        foreach (var ipv6 in families)
        {
            IPAddress? found = null;
            foreach (var range in pool.Ranges.Where(range => range.IsIPv6 == ipv6))
            {
                found = range.Enumerate(65536).FirstOrDefault(ip => pool.Usable(ip) && SharingProblem(service, ip) is null);
                if (found is not null)
                {
                    break;
                }
            }

            if (found is null)
            {
                return null;
            }

            result.Add(found);
        }

        return result;
    }

    private LoadBalancerAllocation Take(Service service, IReadOnlyList<IPAddress> ips, AddressPool pool, IReadOnlyList<string> possible)
    {
        foreach (var ip in ips)
        {
            Hold(ip, service);
        }

        return new LoadBalancerAllocation { Addresses = ips, Pool = pool.Name, PossiblePools = possible };
    }

    private void Hold(IPAddress ip, Service service)
    {
        holders.AddToList(ip, new Holder(service.QualifiedName, SharingKey(service), BackendKey(service),
            service.Spec.Ports.Select(port => port.EffectiveProtocol + "/" + (port.Port?.Value ?? 0)).ToList()));
    }

    /// <summary>
    /// <c>checkSharing</c>: an address already held is usable only with the same non-empty sharing key, the same backend
    /// key (both Cluster, or both Local with the same selector) and no (protocol, port) in common.
    /// </summary>
    private string? SharingProblem(Service service, IPAddress ip)
    {
        if (!holders.TryGetValue(ip, out var list) || list.Count == 0)
        {
            return null;
        }

        var key = SharingKey(service);
        var backend = BackendKey(service);
        if (list.Any(holder => holder.SharingKey.Length == 0 || key.Length == 0 || holder.SharingKey != key || holder.BackendKey != backend))
        {
            return "can't change sharing key for \"" + service.QualifiedName + "\", address also in use by " + string.Join(",", list.Select(holder => holder.Service));
        }

        foreach (var port in service.Spec.Ports.Select(port => port.EffectiveProtocol + "/" + (port.Port?.Value ?? 0)))
        {
            if (list.Any(holder => holder.Ports.Contains(port)))
            {
                return "port " + port.ToUpperInvariant() + " is already in use on \"" + Addresses.Format(ip) + "\"";
            }
        }

        return null;
    }

    private string SharingKey(Service service) => Annotation(service, "allow-shared-ip") ?? string.Empty;

    /// <summary><c>k8salloc.BackendKey</c>: the selector, for externalTrafficPolicy Local only.</summary>
    private static string BackendKey(Service service) =>
        service.Spec.ExternalTrafficPolicy?.Value == TrafficPolicy.Local && service.Spec.Selector?.Value is { } selector
            ? string.Join(",", selector.OrderBy(entry => entry.Key.Value, StringComparer.Ordinal).Select(entry => entry.Key.Value + "=" + entry.Value.Value))
            : string.Empty;

    /// <summary><c>isPoolCompatibleWithService</c>: its namespaces (listed or selected) and any of its service selectors.</summary>
    private bool Compatible(AddressPool pool, Service service)
    {
        var allocation = pool.Source.ServiceAllocation;
        if (allocation is null)
        {
            return true;
        }

        var allowed = AllowedNamespaces(allocation);
        if (allowed.Count > 0 && !allowed.Contains(service.Namespace))
        {
            return false;
        }

        return allocation.ServiceSelectors.Count == 0 || allocation.ServiceSelectors.Any(selector => LabelMatching.Matches(selector, service.Metadata.Labels));
    }

    /// <summary>A pool takes part in pinned selection when its serviceAllocation names namespaces or services (from 0.15.0, a priority alone pins it for all).</summary>
    private bool Pinned(AddressPool pool)
    {
        var allocation = pool.Source.ServiceAllocation;
        if (allocation is null)
        {
            return false;
        }

        var selective = AllowedNamespaces(allocation).Count > 0 || allocation.ServiceSelectors.Count > 0;
        return selective || (settings.Version >= new Version(0, 15, 0) && allocation.Namespaces.Count == 0 && allocation.NamespaceSelectors.Count == 0);
    }

    private static bool HasServiceAllocation(AddressPool pool) => pool.Source.ServiceAllocation is not null;

    private static int Priority(AddressPool pool) => Math.Max(0, pool.Source.ServiceAllocation?.Priority?.Value ?? 0);

    private HashSet<string> AllowedNamespaces(ServiceAllocation allocation)
    {
        var names = new HashSet<string>(allocation.Namespaces.Select(field => field.Value), StringComparer.Ordinal);
        foreach (var selector in allocation.NamespaceSelectors)
        {
            names.UnionWith(namespaces.Where(ns => LabelMatching.Matches(selector, ns.Metadata.Labels)).Select(ns => ns.Name));
        }

        return names;
    }

    private string Prefix => MetalLBAnnotations.ReadsCurrentPrefix(settings.Version) ? "metallb.io" : "metallb.universe.tf";

    /// <summary>An annotation's value as the release reads it.</summary>
    public string? Annotation(Service service, string name) => MetalLBAnnotations.Find(service, name, settings.Version)?.Value.Value;

    private static string FamilyName(List<bool> families) => families.Count > 1 ? "dual" : families[0] ? "ipv6" : "ipv4";

    private static string Quote(IEnumerable<IPAddress> ips) => "[" + string.Join(" ", ips.Select(ip => "\"" + Addresses.Format(ip) + "\"")) + "]";

    private static LoadBalancerAllocation Failed(string reason, AllocationFailure kind = AllocationFailure.InvalidRequest) => new() { Failure = reason, FailureKind = kind };

    private sealed record Holder(string Service, string SharingKey, string BackendKey, IReadOnlyList<string> Ports);
}
