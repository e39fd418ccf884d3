using Kubepath.Model;

namespace Kubepath.Manifests.Reading;

/// <summary>Kubepath's own cluster profile file (kubepath.io/v1alpha1 ClusterProfile).</summary>
internal static class ProfileReader
{
    public static ManifestObject Read(Node node, Field<string> apiVersion, Field<string> kind, ObjectMeta metadata)
    {
        var spec = node.Map("spec");
        var proxy = spec.Map("kubeProxy");
        return new ClusterProfileManifest
        {
            ApiVersion = apiVersion, Kind = kind, Metadata = metadata, Span = node.Span,
            Base = spec.String("base"),
            ClusterCIDRs = spec.Strings("clusterCIDRs"),
            ServiceCIDRs = spec.Strings("serviceCIDRs"),
            NodePortRange = spec.String("nodePortRange"),
            Cni = spec.String("cni"),
            ExternalClient = spec.String("externalClient"),
            AssumedNodeCount = spec.Int("assumedNodeCount"),
            KubeProxy = !proxy.Exists ? null : new ProfileKubeProxy
            {
                Mode = proxy.String("mode"),
                Version = proxy.String("version"),
                DetectLocalMode = proxy.String("detectLocalMode"),
                BridgeInterface = proxy.Map("detectLocal").String("bridgeInterface"),
                InterfaceNamePrefix = proxy.Map("detectLocal").String("interfaceNamePrefix"),
                MasqueradeAll = proxy.Bool("masqueradeAll"),
                MasqueradeBit = proxy.Int("masqueradeBit"),
                NodePortAddresses = proxy.Child("nodePortAddresses").IsSequence ? proxy.Strings("nodePortAddresses") : null,
                LocalhostNodePorts = proxy.Bool("localhostNodePorts"),
                RandomFully = proxy.Bool("randomFully"),
                ConntrackTCPLiberal = proxy.Bool("conntrackTCPLiberal"),
                NfacctCounters = proxy.Child("nfacctCounters").IsSequence ? proxy.Strings("nfacctCounters") : null,
                LargeClusterEndpointsThreshold = proxy.Int("largeClusterEndpointsThreshold"),
                FeatureGates = proxy.StringMap("featureGates"),
                IptablesVersion = proxy.Map("iptables").String("version"),
                IptablesBackend = proxy.Map("iptables").String("backend"),
                Span = proxy.Span,
            },
            MetalLB = !spec.Map("metallb").Exists ? null : new ProfileMetalLB(
                spec.Map("metallb").String("version"),
                spec.Map("metallb").String("loadBalancerClass"),
                spec.Map("metallb").Child("speakerNodes").IsSequence ? spec.Map("metallb").Strings("speakerNodes") : null,
                spec.Map("metallb").Bool("memberlist"),
                spec.Map("metallb").Span),
            Nodes = spec.Mappings("nodes", item => new ProfileNode
            {
                Name = item.String("name"),
                InternalIPs = item.Strings("internalIPs"),
                PodCIDRs = item.Strings("podCIDRs"),
                Labels = item.StringMapOrEmpty("labels"),
                Interfaces = item.Mappings("interfaces", entry => new ProfileInterface(entry.String("name"), entry.String("address"), entry.Span)),
                Span = item.Span,
            }),
        };
    }
}
