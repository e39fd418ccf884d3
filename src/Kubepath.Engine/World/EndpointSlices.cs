using System;
using System.Collections.Generic;
using System.Linq;
using Kubepath.Model;

namespace Kubepath.Engine.World;

/// <summary>The endpoints of one service port: read from EndpointSlices, or built from pods as the EndpointSlice controller would.</summary>
internal static class EndpointSlices
{
    /// <summary>
    /// kube-proxy's EndpointSliceCache: a slice port counts when its name and protocol equal the service port's and it
    /// has a non-zero port (an unset name is the API server's default, ""); an endpoint without addresses is skipped; unset
    /// <c>ready</c> and <c>serving</c> mean true, unset <c>terminating</c> false. FQDN slices are not read.
    /// </summary>
    public static IReadOnlyList<EndpointView> For(ServicePortView port, IReadOnlyList<EndpointSlice> slices, IReadOnlyList<ClusterNode> nodes, bool assumed)
    {
        var result = new List<EndpointView>();
        foreach (var slice in slices)
        {
            if (slice.AddressType?.Value == EndpointAddressType.Fqdn || slice.Metadata.Labels.Find("service.kubernetes.io/headless") is not null)
            {
                continue;
            }

            foreach (var slicePort in slice.Ports)
            {
                if ((slicePort.Name?.Value ?? string.Empty) != port.Name ||
                    (slicePort.Protocol?.Value ?? Protocol.Tcp) != port.Protocol ||
                    slicePort.Port?.Value is not ({ } number and not 0))
                {
                    continue;
                }

                foreach (var endpoint in slice.Endpoints)
                {
                    if (endpoint.Addresses.Count == 0)
                    {
                        continue;
                    }

                    var nodeName = endpoint.NodeName?.Value;
                    result.Add(new EndpointView
                    {
                        Address = endpoint.Addresses[0].Value,
                        Port = number,
                        NodeName = nodeName,
                        Ready = endpoint.Ready?.Value ?? true,
                        Serving = endpoint.Serving?.Value ?? true,
                        Terminating = endpoint.Terminating?.Value ?? false,
                        Zone = endpoint.Zone?.Value,
                        HintZones = endpoint.HintZones.Select(zone => zone.Value).ToList(),
                        HintNodes = endpoint.HintNodes.Select(node => node.Value).ToList(),
                        Origin = endpoint.TargetRef is { } target
                            ? (target.Kind?.Value ?? "Pod") + " " + (target.Namespace?.Value ?? slice.Namespace) + "/" + target.Name?.Value
                            : "EndpointSlice " + slice.QualifiedName,
                        Assumed = assumed,
                        HostNetwork = nodeName is not null && nodes.FirstOrDefault(node => node.Name == nodeName)?.InternalIPs.Any(ip => Addresses.Format(ip) == endpoint.Addresses[0].Value) == true,
                    });
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The EndpointSlice controller's view of the selected pods: a pod is an endpoint of the port when its target port
    /// resolves (a number as is; a name through a container port of that name and protocol); a pod without an IP is not.
    /// Readiness is the pod's Ready condition, or true for every pod with <c>publishNotReadyAddresses</c>.
    /// </summary>
    public static IReadOnlyList<EndpointView> FromPods(ServicePortView port, IReadOnlyList<PodInstance> pods, IReadOnlyList<ClusterNode> nodes, bool publishNotReady)
    {
        var result = new List<EndpointView>();
        foreach (var pod in pods)
        {
            if (pod.Addresses.Count == 0 || TargetPort(port, pod.Spec) is not { } number)
            {
                continue;
            }

            var node = nodes.FirstOrDefault(candidate => candidate.Name == pod.NodeName);
            var ready = publishNotReady || pod.Ready;

            // One endpoint per family: the controller writes an IPv4 and an IPv6 slice for a dual-stack pod.
            result.AddRange(pod.Addresses.Select(address => new EndpointView
            {
                Address = address,
                Port = number,
                NodeName = pod.NodeName.Length == 0 ? null : pod.NodeName,
                Ready = ready,
                Serving = ready,
                Zone = node is not null && node.Labels.TryGetValue("topology.kubernetes.io/zone", out var zone) ? zone : null,
                Origin = pod.Origin,
                Assumed = pod.Assumed,
                HostNetwork = pod.Spec.UsesHostNetwork,
            }));
        }

        return result;
    }

    /// <summary>The container port a service port's <c>targetPort</c> names on this pod (the controller's <c>podutil.FindPort</c>).</summary>
    public static int? TargetPort(ServicePortView port, PodSpec spec)
    {
        if (port.TargetPort.IsNumber)
        {
            return port.TargetPort.Number;
        }

        var name = port.TargetPort.Name;
        return spec.Containers
            .SelectMany(container => container.Ports)
            .FirstOrDefault(containerPort => containerPort.Name?.Value == name && containerPort.EffectiveProtocol == port.Protocol)?.Number?.Value;
    }
}
