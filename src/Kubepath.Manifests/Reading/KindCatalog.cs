using System;
using System.Collections.Generic;

namespace Kubepath.Manifests.Reading;

/// <summary>The kinds Kubepath models, whatever apiVersion they were written with.</summary>
internal enum ModelKind
{
    Opaque,
    Service,
    Pod,
    Node,
    Namespace,
    Deployment,
    StatefulSet,
    DaemonSet,
    ReplicaSet,
    Job,
    EndpointSlice,
    IPAddressPool,
    L2Advertisement,
    BGPAdvertisement,
    Community,
    BGPPeer,
    BFDProfile,
    ClusterProfile,
    Config,
    Kustomization,
}

/// <summary>
/// Which apiVersion serves which kind: the versions Kubepath reads, and the removed ones it names the
/// replacement for (Kubernetes' deprecated API migration guide; MetalLB's 0.13/0.14 release notes).
/// </summary>
internal static class KindCatalog
{
    private static readonly Dictionary<(string ApiVersion, string Kind), ModelKind> Served = new()
    {
        [("v1", "Service")] = ModelKind.Service,
        [("v1", "Pod")] = ModelKind.Pod,
        [("v1", "Node")] = ModelKind.Node,
        [("v1", "Namespace")] = ModelKind.Namespace,
        [("apps/v1", "Deployment")] = ModelKind.Deployment,
        [("apps/v1", "StatefulSet")] = ModelKind.StatefulSet,
        [("apps/v1", "DaemonSet")] = ModelKind.DaemonSet,
        [("apps/v1", "ReplicaSet")] = ModelKind.ReplicaSet,
        [("batch/v1", "Job")] = ModelKind.Job,
        [("discovery.k8s.io/v1", "EndpointSlice")] = ModelKind.EndpointSlice,
        [("metallb.io/v1beta1", "IPAddressPool")] = ModelKind.IPAddressPool,
        [("metallb.io/v1beta1", "L2Advertisement")] = ModelKind.L2Advertisement,
        [("metallb.io/v1beta1", "BGPAdvertisement")] = ModelKind.BGPAdvertisement,
        [("metallb.io/v1beta1", "Community")] = ModelKind.Community,
        [("metallb.io/v1beta1", "BGPPeer")] = ModelKind.BGPPeer,
        [("metallb.io/v1beta2", "BGPPeer")] = ModelKind.BGPPeer,
        [("metallb.io/v1beta1", "BFDProfile")] = ModelKind.BFDProfile,
        [("kubepath.io/v1alpha1", "ClusterProfile")] = ModelKind.ClusterProfile,
        [("kubepath.io/v1alpha1", "Config")] = ModelKind.Config,
        [("kustomize.config.k8s.io/v1beta1", "Kustomization")] = ModelKind.Kustomization,
    };

    private static readonly Dictionary<(string ApiVersion, string Kind), (string Replacement, string Removal)> Removed = new()
    {
        [("extensions/v1beta1", "Deployment")] = ("apps/v1", "removed in Kubernetes 1.16"),
        [("extensions/v1beta1", "DaemonSet")] = ("apps/v1", "removed in Kubernetes 1.16"),
        [("extensions/v1beta1", "ReplicaSet")] = ("apps/v1", "removed in Kubernetes 1.16"),
        [("apps/v1beta1", "Deployment")] = ("apps/v1", "removed in Kubernetes 1.16"),
        [("apps/v1beta1", "StatefulSet")] = ("apps/v1", "removed in Kubernetes 1.16"),
        [("apps/v1beta2", "Deployment")] = ("apps/v1", "removed in Kubernetes 1.16"),
        [("apps/v1beta2", "StatefulSet")] = ("apps/v1", "removed in Kubernetes 1.16"),
        [("apps/v1beta2", "DaemonSet")] = ("apps/v1", "removed in Kubernetes 1.16"),
        [("apps/v1beta2", "ReplicaSet")] = ("apps/v1", "removed in Kubernetes 1.16"),
        [("discovery.k8s.io/v1beta1", "EndpointSlice")] = ("discovery.k8s.io/v1", "removed in Kubernetes 1.25"),
        [("extensions/v1beta1", "Ingress")] = ("networking.k8s.io/v1", "removed in Kubernetes 1.22"),
        [("networking.k8s.io/v1beta1", "Ingress")] = ("networking.k8s.io/v1", "removed in Kubernetes 1.22"),
        [("extensions/v1beta1", "NetworkPolicy")] = ("networking.k8s.io/v1", "removed in Kubernetes 1.16"),
        [("batch/v1beta1", "CronJob")] = ("batch/v1", "removed in Kubernetes 1.25"),
        [("policy/v1beta1", "PodDisruptionBudget")] = ("policy/v1", "removed in Kubernetes 1.25"),
        [("autoscaling/v2beta1", "HorizontalPodAutoscaler")] = ("autoscaling/v2", "removed in Kubernetes 1.25"),
        [("autoscaling/v2beta2", "HorizontalPodAutoscaler")] = ("autoscaling/v2", "removed in Kubernetes 1.26"),
        [("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition")] = ("apiextensions.k8s.io/v1", "removed in Kubernetes 1.22"),
        [("metallb.io/v1alpha1", "BFDProfile")] = ("metallb.io/v1beta1", "not served by MetalLB v0.13 or later"),
        [("metallb.io/v1alpha1", "AddressPool")] = ("metallb.io/v1beta1 IPAddressPool with an L2Advertisement or BGPAdvertisement", "removed in MetalLB v0.14"),
        [("metallb.io/v1beta1", "AddressPool")] = ("metallb.io/v1beta1 IPAddressPool with an L2Advertisement or BGPAdvertisement", "removed in MetalLB v0.14"),
    };

    private static readonly Dictionary<string, string> ServedVersionOf = BuildServedVersions();

    public readonly record struct Resolution(ModelKind Kind, string? RemovedReplacement, string? Removal, string? ServedVersion);

    public static Resolution Resolve(string apiVersion, string kind)
    {
        if (Served.TryGetValue((apiVersion, kind), out var served))
        {
            return new Resolution(served, null, null, null);
        }

        if (Removed.TryGetValue((apiVersion, kind), out var removed))
        {
            // Read a removed version as the kind it still names: the fields Kubepath reads did not change.
            ServedVersionOf.TryGetValue(kind, out var current);
            var modelled = current is null ? ModelKind.Opaque : Served[(current, kind)];
            return new Resolution(modelled, removed.Replacement, removed.Removal, null);
        }

        return ServedVersionOf.TryGetValue(kind, out var version) && !IsCustomGroup(apiVersion, version)
            ? new Resolution(ModelKind.Opaque, null, null, version)
            : new Resolution(ModelKind.Opaque, null, null, null);
    }

    /// <summary>Another group's kind of the same name (a CRD's own Service, say) is not a mistake.</summary>
    private static bool IsCustomGroup(string apiVersion, string servedVersion)
    {
        static string Group(string v) => v.IndexOf('/') is var slash and >= 0 ? v.Substring(0, slash) : string.Empty;

        var group = Group(apiVersion);
        return group != Group(servedVersion) && group.IndexOf('.') >= 0 && !group.EndsWith(".k8s.io", StringComparison.Ordinal) && group != "metallb.io";
    }

    private static Dictionary<string, string> BuildServedVersions()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (apiVersion, kind) in Served.Keys)
        {
            // Kubepath's and kustomize's own files are no API's kinds: a kubeconfig's "v1 Config" is not a misspelt one.
            if (apiVersion.StartsWith("kubepath.io/", StringComparison.Ordinal) || apiVersion.StartsWith("kustomize.config.k8s.io/", StringComparison.Ordinal))
            {
                continue;
            }

            if (!result.ContainsKey(kind) || apiVersion.EndsWith("v1beta2", StringComparison.Ordinal))
            {
                result[kind] = apiVersion;
            }
        }

        return result;
    }
}
