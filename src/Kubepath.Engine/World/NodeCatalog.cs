using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using Kubepath.Model;

namespace Kubepath.Engine.World;

/// <summary>
/// The nodes of the world: the profile's, completed by Node objects from the state and the manifests (by name).
/// A node without an internal IP or a pod CIDR gets a placeholder, marked as assumed; with no node known at all,
/// <see cref="ClusterProfile.AssumedNodeCount"/> nodes are invented.
/// </summary>
internal static class NodeCatalog
{
    /// <summary>Placeholder node addresses come from TEST-NET-1 (RFC 5737), so they are never mistaken for real ones.</summary>
    private static readonly Cidr PlaceholderNodeNetwork = Cidr.Parse("192.0.2.0/24");

    public static IReadOnlyList<ClusterNode> Build(ClusterProfile profile, IEnumerable<Node> nodeObjects)
    {
        var byName = new SortedDictionary<string, ClusterNode>(StringComparer.Ordinal);
        foreach (var node in profile.Nodes)
        {
            byName[node.Name] = new ClusterNode
            {
                Name = node.Name, InternalIPs = node.InternalIPs, PodCidrs = node.PodCidrs, Labels = node.Labels, Interfaces = node.Interfaces,
            };
        }

        foreach (var node in nodeObjects)
        {
            byName[node.Name] = Merge(byName.TryGetValue(node.Name, out var known) ? known : new ClusterNode { Name = node.Name }, node);
        }

        if (byName.Count == 0)
        {
            for (var i = 1; i <= Math.Max(1, profile.AssumedNodeCount); i++)
            {
                var name = "node-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                byName[name] = new ClusterNode { Name = name, Assumed = true };
            }
        }

        return Complete(profile, byName.Values.ToList());
    }

    private static ClusterNode Merge(ClusterNode known, Node node)
    {
        var internalIPs = node.Status.Addresses
            .Where(address => address.Type?.Value == NodeAddressType.InternalIP)
            .Select(address => Addresses.TryParse(address.Address?.Value, out var ip) ? ip : null)
            .OfType<IPAddress>()
            .ToList();
        var podCidrs = node.Spec.PodCIDRs.Select(field => field.Value)
            .Concat(node.Spec.PodCIDR is { } single ? new[] { single.Value } : Array.Empty<string>())
            .Select(text => Cidr.TryParse(text, out var cidr) ? (Cidr?)cidr : null)
            .OfType<Cidr>()
            .Distinct()
            .ToList();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in node.Metadata.Labels)
        {
            labels[entry.Key.Value] = entry.Value.Value;
        }

        foreach (var entry in known.Labels)
        {
            labels[entry.Key] = entry.Value;
        }

        return known with
        {
            InternalIPs = known.InternalIPs.Count > 0 ? known.InternalIPs : internalIPs,
            PodCidrs = known.PodCidrs.Count > 0 ? known.PodCidrs : podCidrs,
            Labels = labels,
            NetworkUnavailable = node.Status.Conditions.Any(condition => condition.Type.Value == "NetworkUnavailable" && condition.Status?.Value == ConditionStatus.True),
            Taints = node.Spec.Taints
                .Where(taint => taint.Key is not null && taint.Effect is not null)
                .Select(taint => new NodeTaint(taint.Key!.Value, taint.Value?.Value ?? string.Empty, taint.Effect!.Value))
                .ToList(),
        };
    }

    /// <summary>Fills missing addresses and pod CIDRs, deterministically, avoiding the ones in use.</summary>
    private static List<ClusterNode> Complete(ClusterProfile profile, List<ClusterNode> nodes)
    {
        var usedAddresses = new HashSet<IPAddress>(nodes.SelectMany(node => node.InternalIPs));
        var usedCidrs = new HashSet<string>(nodes.SelectMany(node => node.PodCidrs).Select(cidr => cidr.ToString()), StringComparer.Ordinal);
        long nextAddress = 10;
        var nextCidr = 0;
        var result = new List<ClusterNode>(nodes.Count);
        foreach (var node in nodes)
        {
            var completed = WithKubeletLabels(node);
            if (node.InternalIPs.Count == 0)
            {
                IPAddress address;
                do
                {
                    address = PlaceholderNodeNetwork.AddressAt(nextAddress++);
                }
                while (!usedAddresses.Add(address));

                completed = completed with { InternalIPs = new[] { address }, AddressAssumed = true };
            }

            if (node.PodCidrs.Count == 0)
            {
                var cidrs = new List<Cidr>();
                var index = nextCidr++;
                foreach (var cluster in profile.ClusterCidrs)
                {
                    // A cluster CIDR too small for another per-node slice leaves the node without one (as the
                    // node IPAM controller would), rather than sharing a slice.
                    for (var attempt = index; attempt < index + Slices(cluster); attempt++)
                    {
                        var candidate = NodeSlice(cluster, attempt);
                        if (usedCidrs.Add(candidate.ToString()))
                        {
                            cidrs.Add(candidate);
                            break;
                        }
                    }
                }

                completed = completed with { PodCidrs = cidrs, PodCidrAssumed = cidrs.Count > 0 };
            }

            result.Add(completed);
        }

        return result;
    }

    /// <summary>
    /// The labels the kubelet puts on every node (kubernetes.io/hostname, kubernetes.io/os), where the inputs do not
    /// give them: workloads select on them (nodeSelector kubernetes.io/os: linux), and kube-proxy's iptables mode
    /// runs on Linux nodes only.
    /// </summary>
    private static ClusterNode WithKubeletLabels(ClusterNode node)
    {
        if (node.Labels.ContainsKey(HostnameLabel) && node.Labels.ContainsKey(OsLabel))
        {
            return node;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [HostnameLabel] = node.Name, [OsLabel] = "linux" };
        foreach (var entry in node.Labels)
        {
            labels[entry.Key] = entry.Value;
        }

        return node with { Labels = labels };
    }

    private const string HostnameLabel = "kubernetes.io/hostname";

    private const string OsLabel = "kubernetes.io/os";

    /// <summary>How many per-node slices a cluster CIDR holds.</summary>
    private static long Slices(Cidr cluster)
    {
        var size = cluster.IsIPv6 ? 64 : 24;
        return cluster.PrefixLength >= size ? 1 : 1L << Math.Min(30, size - cluster.PrefixLength);
    }

    /// <summary>The <paramref name="index"/>-th per-node slice of a cluster CIDR: a /24 for IPv4, a /64 for IPv6 (kube-controller-manager's defaults).</summary>
    private static Cidr NodeSlice(Cidr cluster, long index)
    {
        var size = cluster.IsIPv6 ? 64 : 24;
        if (cluster.PrefixLength >= size)
        {
            return cluster;
        }

        if (cluster.IsIPv6)
        {
            var bytes = cluster.Network.GetAddressBytes();
            var value = ((ulong)bytes[4] << 24 | (ulong)bytes[5] << 16 | (ulong)bytes[6] << 8 | bytes[7]) + (ulong)(index % Slices(cluster));
            bytes[4] = (byte)(value >> 24);
            bytes[5] = (byte)(value >> 16);
            bytes[6] = (byte)(value >> 8);
            bytes[7] = (byte)value;
            return Cidr.Parse(Addresses.Format(new IPAddress(bytes)) + "/64");
        }

        var slices = 1L << (size - cluster.PrefixLength);
        return Cidr.Parse(Addresses.Format(cluster.AddressAt((index % slices) * 256)) + "/24");
    }
}
