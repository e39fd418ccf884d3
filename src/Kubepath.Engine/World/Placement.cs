using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using Kubepath.Model;

namespace Kubepath.Engine.World;

/// <summary>A pod that exists (from the state) or that Kubepath expects a workload to create.</summary>
internal sealed record PodInstance
{
    public required string Namespace { get; init; }

    public required StringMap Labels { get; init; }

    public required PodSpec Spec { get; init; }

    public required string NodeName { get; init; }

    /// <summary>One IP per family (<c>status.podIPs</c>); empty when the pod has none yet, so it cannot be an endpoint.</summary>
    public required IReadOnlyList<string> Addresses { get; init; }

    public bool Ready { get; init; } = true;

    public required string Origin { get; init; }

    public bool Assumed { get; init; }
}

/// <summary>
/// Where Kubepath places the pods of workloads when no state says where they run. The rule, documented in
/// docs/assumptions.md: a pod with <c>spec.nodeName</c> runs there; otherwise the eligible nodes (those matching
/// <c>nodeSelector</c> and required node affinity, whose NoSchedule/NoExecute taints the pod tolerates) are taken in
/// name order and replica <c>i</c> goes to node <c>i mod n</c>; a DaemonSet runs one pod on every eligible node.
/// Pod IPs are handed out per node from .2 of its pod CIDR (flannel keeps .1 for <c>cni0</c>), in the order workloads
/// sort by kind, namespace and name; a hostNetwork pod uses its node's internal IP.
/// </summary>
internal static class Placement
{
    public static IReadOnlyList<PodInstance> Synthesise(IReadOnlyList<ClusterNode> nodes, ManifestSet manifests, ISet<string> reserved)
    {
        var nextHost = new Dictionary<string, long>(StringComparer.Ordinal);
        var result = new List<PodInstance>();
        // Pods and workloads with values nobody knew before run time are not placed (see WorldBuilder).
        var pods = manifests.OfKind<Pod>().Where(pod => !pod.HasUnknownFields()).OrderBy(pod => pod.Namespace, StringComparer.Ordinal).ThenBy(pod => pod.Name, StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            var eligible = EligibleNodes(nodes, pod.Spec);
            var node = pod.Spec.NodeName?.Value ?? (eligible.Count > 0 ? eligible[0].Name : null);
            if (node is not null)
            {
                result.Add(Place(nodes, nextHost, reserved, pod.Namespace, pod.Metadata.Labels, pod.Spec, node, "Pod " + pod.QualifiedName));
            }
        }

        var workloads = manifests.OfKind<Workload>()
            .Where(workload => !workload.HasUnknownFields())
            .OrderBy(workload => workload.Kind.Value, StringComparer.Ordinal)
            .ThenBy(workload => workload.Namespace, StringComparer.Ordinal)
            .ThenBy(workload => workload.Name, StringComparer.Ordinal);
        foreach (var workload in workloads)
        {
            var spec = workload.Template.Spec;
            var labels = workload.Template.Metadata.Labels;
            var title = workload.Kind.Value + " " + workload.QualifiedName;
            if (spec.NodeName?.Value is { } fixedNode)
            {
                for (var i = 0; i < Replicas(workload, 1); i++)
                {
                    result.Add(Place(nodes, nextHost, reserved, workload.Namespace, labels, spec, fixedNode, Replica(title, workload, i)));
                }

                continue;
            }

            var eligible = EligibleNodes(nodes, spec);
            if (eligible.Count == 0)
            {
                continue;
            }

            var count = Replicas(workload, eligible.Count);
            for (var i = 0; i < count; i++)
            {
                result.Add(Place(nodes, nextHost, reserved, workload.Namespace, labels, spec, eligible[i % eligible.Count].Name, Replica(title, workload, i)));
            }
        }

        return result;
    }

    /// <summary>Pods of the state, with their observed address, node and Ready condition; finished pods are left out.</summary>
    public static IReadOnlyList<PodInstance> Observed(ManifestSet state) =>
        state.OfKind<Pod>()
            .Where(pod => pod.Status.Phase?.Value is not ("Succeeded" or "Failed"))
            .Select(pod => new PodInstance
            {
                Namespace = pod.Namespace,
                Labels = pod.Metadata.Labels,
                Spec = pod.Spec,
                NodeName = pod.Spec.NodeName?.Value ?? string.Empty,
                Addresses = pod.Status.PodIPs.Count > 0
                    ? pod.Status.PodIPs.Select(ip => ip.Value).ToList()
                    : pod.Status.PodIP is { } single ? new[] { single.Value } : Array.Empty<string>(),
                Ready = pod.Status.Conditions.Any(condition => condition.Type.Value == "Ready" && condition.Status?.Value == ConditionStatus.True),
                Origin = "Pod " + pod.QualifiedName,
            })
            .ToList();

    private static string Replica(string title, Workload workload, int index) =>
        workload is StatefulSet
            ? "Pod " + workload.Namespace + "/" + workload.Name + "-" + index.ToString(CultureInfo.InvariantCulture) + " of " + title
            : title + " replica " + (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>How many pods the workload runs; a DaemonSet runs one per eligible node.</summary>
    private static int Replicas(Workload workload, int eligibleNodes) => workload switch
    {
        Deployment deployment => Math.Max(0, deployment.Replicas?.Value ?? 1),
        ReplicaSet replicaSet => Math.Max(0, replicaSet.Replicas?.Value ?? 1),
        StatefulSet statefulSet => Math.Max(0, statefulSet.Replicas?.Value ?? 1),
        Job job => Math.Max(0, job.Parallelism?.Value ?? 1),
        DaemonSet => eligibleNodes,
        _ => 1,
    };

    private static PodInstance Place(
        IReadOnlyList<ClusterNode> nodes, Dictionary<string, long> nextHost, ISet<string> reserved, string ns, StringMap labels, PodSpec spec, string nodeName, string origin)
    {
        // Loops, not LINQ: a pod is placed for every replica of every workload, and each lambda here would allocate.
        ClusterNode? node = null;
        foreach (var candidate in nodes)
        {
            if (candidate.Name == nodeName)
            {
                node = candidate;
                break;
            }
        }

        var addresses = new List<string>();
        if (node is not null && spec.UsesHostNetwork)
        {
            foreach (var address in node.InternalIPs)
            {
                addresses.Add(World.Addresses.Format(address));
            }
        }
        else if (node is not null && node.PodCidrs.Count > 0)
        {
            // The same host number in each family's pod CIDR, past any address the state shows in use.
            var host = nextHost.TryGetValue(nodeName, out var next) ? next : 2;
            while (InUse(node.PodCidrs, host, reserved))
            {
                host++;
            }

            nextHost[nodeName] = host + 1;
            foreach (var cidr in node.PodCidrs)
            {
                if (host < cidr.Size - 1)
                {
                    addresses.Add(World.Addresses.Format(cidr.AddressAt(host)));
                }
            }
        }

        return new PodInstance { Namespace = ns, Labels = labels, Spec = spec, NodeName = nodeName, Addresses = addresses, Origin = origin, Assumed = true };
    }

    /// <summary>Whether the state shows the host number in use in one of the node's pod CIDRs (nothing formatted when it shows none).</summary>
    private static bool InUse(IReadOnlyList<Cidr> cidrs, long host, ISet<string> reserved)
    {
        if (reserved.Count == 0)
        {
            return false;
        }

        foreach (var cidr in cidrs)
        {
            if (host < cidr.Size - 1 && reserved.Contains(World.Addresses.Format(cidr.AddressAt(host))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The nodes the scheduler may use for the pod, in name order.</summary>
    public static IReadOnlyList<ClusterNode> EligibleNodes(IReadOnlyList<ClusterNode> nodes, PodSpec spec) =>
        nodes.Where(node => Fits(node, spec)).OrderBy(node => node.Name, StringComparer.Ordinal).ToList();

    private static bool Fits(ClusterNode node, PodSpec spec)
    {
        if (spec.NodeSelector?.Value is { } selector && selector.Any(entry => !node.Labels.TryGetValue(entry.Key.Value, out var value) || value != entry.Value.Value))
        {
            return false;
        }

        var terms = spec.Affinity?.NodeAffinity?.Required ?? Array.Empty<NodeSelectorTerm>();
        if (terms.Count > 0 && !terms.Any(term => TermMatches(node, term)))
        {
            return false;
        }

        return node.Taints
            .Where(taint => taint.Effect is TaintEffect.NoSchedule or TaintEffect.NoExecute)
            .All(taint => spec.Tolerations.Any(toleration => Tolerates(toleration, taint)));
    }

    private static bool TermMatches(ClusterNode node, NodeSelectorTerm term) =>
        term.MatchExpressions.All(requirement => Requirement(node.Labels, requirement)) &&
        term.MatchFields.All(requirement => requirement.Key?.Value != "metadata.name" ||
            Requirement(new Dictionary<string, string> { ["metadata.name"] = node.Name }, requirement));

    private static bool Requirement(IReadOnlyDictionary<string, string> labels, LabelSelectorRequirement requirement)
    {
        var key = requirement.Key?.Value ?? string.Empty;
        var has = labels.TryGetValue(key, out var value);
        var values = requirement.Values.Select(field => field.Value).ToList();
        return requirement.Operator?.Value switch
        {
            SelectorOperator.In => has && values.Contains(value),
            SelectorOperator.NotIn => !has || !values.Contains(value),
            SelectorOperator.Exists => has,
            SelectorOperator.DoesNotExist => !has,
            SelectorOperator.Gt => has && long.TryParse(value, out var gt) && values.Count == 1 && long.TryParse(values[0], out var gtBound) && gt > gtBound,
            SelectorOperator.Lt => has && long.TryParse(value, out var lt) && values.Count == 1 && long.TryParse(values[0], out var ltBound) && lt < ltBound,
            _ => false,
        };
    }

    private static bool Tolerates(Toleration toleration, NodeTaint taint)
    {
        if (toleration.Effect?.Value is { } effect && effect != taint.Effect)
        {
            return false;
        }

        var key = toleration.Key?.Value ?? string.Empty;
        return toleration.Operator?.Value == TolerationOperator.Exists
            ? key.Length == 0 || key == taint.Key
            : key == taint.Key && (toleration.Value?.Value ?? string.Empty) == taint.Value;
    }
}
