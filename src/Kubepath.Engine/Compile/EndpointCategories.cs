using System;
using System.Collections.Generic;
using System.Linq;
using Kubepath.Engine.World;

namespace Kubepath.Engine.Compile;

/// <summary>
/// kube-proxy's <c>CategorizeEndpoints</c> (pkg/proxy/topology.go): which endpoints Cluster and Local traffic policy use
/// on this node, every endpoint that needs a KUBE-SEP chain, and whether the service has any usable endpoint at all.
/// </summary>
internal sealed record EndpointCategories(
    IReadOnlyList<EndpointInfo> Cluster,
    IReadOnlyList<EndpointInfo> Local,
    IReadOnlyList<EndpointInfo> AllReachable,
    bool HasAnyEndpoints,
    bool UsesTopology)
{
    public const string ZoneLabel = "topology.kubernetes.io/zone";

    public static EndpointCategories Of(IReadOnlyList<EndpointInfo> endpoints, ServicePortInfo service, ClusterNode node, KubeProxySettings settings)
    {
        IReadOnlyList<EndpointInfo> cluster = Array.Empty<EndpointInfo>();
        IReadOnlyList<EndpointInfo> local = Array.Empty<EndpointInfo>();
        var useTopology = false;
        var hasAny = false;
        var useServingTerminating = false;

        if (service.UsesClusterEndpoints)
        {
            var topology = TopologyFilter(endpoints, service, node, settings);
            useTopology = topology is not null;
            // Mostly every endpoint is ready and topology is not in use: the list itself, not a copy for every node.
            cluster = topology is null && AllReady(endpoints) ? endpoints : endpoints.Where(ep => ep.IsReady && (topology is null || topology(ep))).ToList();

            // No ready endpoint anywhere: fall back to serving, terminating ones.
            if (cluster.Count == 0)
            {
                cluster = endpoints.Where(ep => ep.IsServing && ep.IsTerminating).ToList();
            }

            hasAny = cluster.Count > 0;
        }

        if (!service.UsesLocalEndpoints)
        {
            return new EndpointCategories(cluster, local, cluster, hasAny, useTopology);
        }

        var hasLocalReady = false;
        var hasLocalServingTerminating = false;
        foreach (var ep in endpoints)
        {
            if (ep.IsReady)
            {
                hasAny = true;
                hasLocalReady |= ep.IsLocal;
            }
            else if (ep.IsServing && ep.IsTerminating)
            {
                hasAny = true;
                hasLocalServingTerminating |= ep.IsLocal;
            }
        }

        if (hasLocalReady)
        {
            local = endpoints.Where(ep => ep.IsLocal && ep.IsReady).ToList();
        }
        else if (hasLocalServingTerminating)
        {
            useServingTerminating = true;
            local = endpoints.Where(ep => ep.IsLocal && ep.IsServing && ep.IsTerminating).ToList();
        }

        if (!service.UsesClusterEndpoints)
        {
            return new EndpointCategories(cluster, local, local, hasAny, useTopology);
        }

        if (!useTopology && !useServingTerminating)
        {
            return new EndpointCategories(cluster, local, cluster, hasAny, useTopology);
        }

        // Cluster endpoints may miss local ones (terminating, or not hinted here): merge, one chain per endpoint.
        // kube-proxy merges through a map; Kubepath keeps its endpoint order (by ip:port) for stable output.
        var merged = cluster.Concat(local)
            .GroupBy(ep => ep.HostPort, StringComparer.Ordinal)
            .Select(group => group.First())
            .OrderBy(ep => ep.HostPort, StringComparer.Ordinal)
            .ToList();
        return new EndpointCategories(cluster, local, merged, hasAny, useTopology);
    }

    private static bool AllReady(IReadOnlyList<EndpointInfo> endpoints)
    {
        for (var i = 0; i < endpoints.Count; i++)
        {
            if (!endpoints[i].IsReady)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Which endpoints topology keeps for this node, or null when topology is not in use. Up to the releases where
    /// ServiceTrafficDistribution is off (1.29, 1.30: <c>canUseTopology</c>), hints count only when the Service's
    /// hints annotation turns them on (<c>topology-aware-hints</c>, else <c>topology-mode</c>); later releases read
    /// the hints alone (<c>topologyModeFromHints</c>): node hints first where PreferSameTrafficDistribution is on, then
    /// zone hints. Either way every ready endpoint must carry a hint and one must be for this node or its zone.
    /// </summary>
    private static Func<EndpointInfo, bool>? TopologyFilter(IReadOnlyList<EndpointInfo> endpoints, ServicePortInfo service, ClusterNode node, KubeProxySettings settings)
    {
        // Every ready endpoint must carry a hint: without any, nothing more to look at (the common case).
        if (!FeatureGates.Enabled(settings, FeatureGates.TopologyAwareHints) || !endpoints.Any(ep => ep.IsReady && (ep.View.HintNodes.Count > 0 || ep.View.HintZones.Count > 0)))
        {
            return null;
        }

        var ready = endpoints.Where(ep => ep.IsReady).ToList();
        if (!FeatureGates.Enabled(settings, FeatureGates.ServiceTrafficDistribution))
        {
            var annotations = service.Service.Source.Metadata.Annotations;
            var mode = annotations["service.kubernetes.io/topology-aware-hints"] ?? annotations["service.kubernetes.io/topology-mode"] ?? string.Empty;
            if (mode.Length == 0 || mode == "disabled" || mode == "Disabled")
            {
                return null;
            }
        }
        else if (FeatureGates.Enabled(settings, FeatureGates.PreferSameTrafficDistribution) &&
            ready.Count > 0 && ready.All(ep => ep.View.HintNodes.Count > 0) && ready.Any(ep => ep.View.HintNodes.Contains(node.Name)))
        {
            return ep => ep.View.HintNodes.Contains(node.Name);
        }

        var zone = node.Labels.TryGetValue(ZoneLabel, out var value) ? value : string.Empty;
        if (zone.Length == 0 || ready.Count == 0 || ready.Any(ep => ep.View.HintZones.Count == 0) || !ready.Any(ep => ep.View.HintZones.Contains(zone)))
        {
            return null;
        }

        return ep => ep.View.HintZones.Contains(zone);
    }
}
