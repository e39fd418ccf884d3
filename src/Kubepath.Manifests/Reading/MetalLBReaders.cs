using Kubepath.Model;

namespace Kubepath.Manifests.Reading;

/// <summary>MetalLB's custom resources, every field of their CRDs (metallb.io v1beta1, BGPPeer v1beta2).</summary>
internal static class MetalLBReaders
{
    public static ManifestObject Read(ModelKind kind, Node node, Field<string> apiVersion, Field<string> kindField, ObjectMeta metadata)
    {
        var spec = node.Map("spec");
        return kind switch
        {
            ModelKind.IPAddressPool => new IPAddressPool
            {
                ApiVersion = apiVersion, Kind = kindField, Metadata = metadata, Span = node.Span,
                Addresses = spec.Strings("addresses"),
                AutoAssign = spec.Bool("autoAssign"),
                AvoidBuggyIPs = spec.Bool("avoidBuggyIPs"),
                ServiceAllocation = ServiceAllocation(spec.Map("serviceAllocation")),
            },
            ModelKind.L2Advertisement => Scoped(spec, new L2Advertisement
            {
                ApiVersion = apiVersion, Kind = kindField, Metadata = metadata, Span = node.Span,
                Interfaces = spec.Strings("interfaces"),
                PreferredNodeSelectors = spec.Mappings("preferredNodeSelectors", preferred => new WeightedLabelSelector(
                    preferred.Int("weight"),
                    CommonReaders.LabelSelector(preferred.Map("preference")) ?? new LabelSelector { Span = preferred.Span },
                    preferred.Span)),
            }),
            ModelKind.BGPAdvertisement => Scoped(spec, new BGPAdvertisement
            {
                ApiVersion = apiVersion, Kind = kindField, Metadata = metadata, Span = node.Span,
                AggregationLength = spec.Int("aggregationLength"),
                AggregationLengthV6 = spec.Int("aggregationLengthV6"),
                LocalPref = spec.Int("localPref"),
                Communities = spec.Strings("communities"),
                Peers = spec.Strings("peers"),
            }),
            ModelKind.Community => new Community
            {
                ApiVersion = apiVersion, Kind = kindField, Metadata = metadata, Span = node.Span,
                Communities = spec.Mappings("communities", alias => new CommunityAlias(alias.String("name"), alias.String("value"), alias.Span)),
            },
            ModelKind.BGPPeer => new BGPPeer
            {
                ApiVersion = apiVersion, Kind = kindField, Metadata = metadata, Span = node.Span,
                MyASN = spec.Long("myASN"),
                PeerASN = spec.Long("peerASN"),
                LocalASN = spec.Long("localASN"),
                DynamicASN = spec.Enum("dynamicASN", WireNames.DynamicAsnMode),
                PeerAddress = spec.String("peerAddress"),
                SourceAddress = spec.String("sourceAddress"),
                PeerPort = spec.Int("peerPort"),
                HoldTime = spec.String("holdTime"),
                KeepaliveTime = spec.String("keepaliveTime"),
                ConnectTime = spec.String("connectTime"),
                RouterID = spec.String("routerID"),
                NodeSelectors = CommonReaders.LabelSelectors(spec, "nodeSelectors"),
                Password = spec.String("password"),
                PasswordSecretName = spec.Map("passwordSecret").String("name"),
                PasswordSecretNamespace = spec.Map("passwordSecret").String("namespace"),
                BfdProfile = spec.String("bfdProfile"),
                EbgpMultiHop = spec.Bool("ebgpMultiHop"),
                Vrf = spec.String("vrf"),
                DisableMP = spec.Bool("disableMP"),
                DualStackAddressFamily = spec.Bool("dualStackAddressFamily"),
                EnableGracefulRestart = spec.Bool("enableGracefulRestart"),
                Interface = spec.String("interface"),
            },
            _ => new BFDProfile
            {
                ApiVersion = apiVersion, Kind = kindField, Metadata = metadata, Span = node.Span,
                DetectMultiplier = spec.Int("detectMultiplier"),
                EchoInterval = spec.Int("echoInterval"),
                EchoMode = spec.Bool("echoMode"),
                MinimumTtl = spec.Int("minimumTtl"),
                PassiveMode = spec.Bool("passiveMode"),
                ReceiveInterval = spec.Int("receiveInterval"),
                TransmitInterval = spec.Int("transmitInterval"),
            },
        };
    }

    /// <summary>The pools, nodes and services an advertisement covers: the same fields for L2 and BGP.</summary>
    private static T Scoped<T>(Node spec, T advertisement)
        where T : Advertisement =>
        (T)(advertisement with
        {
            IPAddressPools = spec.Strings("ipAddressPools"),
            IPAddressPoolSelectors = CommonReaders.LabelSelectors(spec, "ipAddressPoolSelectors"),
            NodeSelectors = CommonReaders.LabelSelectors(spec, "nodeSelectors"),
            ServiceSelectors = CommonReaders.LabelSelectors(spec, "serviceSelectors"),
        });

    private static ServiceAllocation? ServiceAllocation(Node allocation) => !allocation.Exists
        ? null
        : new ServiceAllocation
        {
            Priority = allocation.Int("priority"),
            Namespaces = allocation.Strings("namespaces"),
            NamespaceSelectors = CommonReaders.LabelSelectors(allocation, "namespaceSelectors"),
            ServiceSelectors = CommonReaders.LabelSelectors(allocation, "serviceSelectors"),
            Span = allocation.Span,
        };
}
