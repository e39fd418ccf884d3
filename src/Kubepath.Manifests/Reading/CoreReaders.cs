using Kubepath.Model;

namespace Kubepath.Manifests.Reading;

/// <summary>The core and discovery kinds: Service, Pod, Node, EndpointSlice.</summary>
internal static class CoreReaders
{
    public static Service Service(Node node, Field<string> apiVersion, Field<string> kind, ObjectMeta metadata)
    {
        var spec = node.Map("spec");
        var status = node.Map("status").Map("loadBalancer");
        return new Service
        {
            ApiVersion = apiVersion,
            Kind = kind,
            Metadata = metadata,
            Span = node.Span,
            Spec = new ServiceSpec
            {
                Type = spec.Enum("type", WireNames.ServiceType),
                ClusterIP = spec.String("clusterIP"),
                ClusterIPs = spec.Strings("clusterIPs"),
                Ports = spec.Mappings("ports", port => new ServicePort
                {
                    Name = port.String("name"),
                    Protocol = port.Enum("protocol", WireNames.Protocol),
                    AppProtocol = port.String("appProtocol"),
                    Port = port.Int("port"),
                    TargetPort = port.IntOrString("targetPort"),
                    NodePort = port.Int("nodePort"),
                    Span = port.Span,
                }),
                Selector = spec.StringMap("selector"),
                SessionAffinity = spec.Enum("sessionAffinity", WireNames.SessionAffinity),
                SessionAffinityTimeoutSeconds = spec.Map("sessionAffinityConfig").Map("clientIP").Int("timeoutSeconds"),
                ExternalTrafficPolicy = spec.Enum("externalTrafficPolicy", WireNames.TrafficPolicy),
                InternalTrafficPolicy = spec.Enum("internalTrafficPolicy", WireNames.TrafficPolicy),
                HealthCheckNodePort = spec.Int("healthCheckNodePort"),
                LoadBalancerIP = spec.String("loadBalancerIP"),
                LoadBalancerSourceRanges = spec.Strings("loadBalancerSourceRanges"),
                LoadBalancerClass = spec.String("loadBalancerClass"),
                AllocateLoadBalancerNodePorts = spec.Bool("allocateLoadBalancerNodePorts"),
                ExternalIPs = spec.Strings("externalIPs"),
                ExternalName = spec.String("externalName"),
                IPFamilies = spec.Enums("ipFamilies", WireNames.IPFamily),
                IPFamilyPolicy = spec.Enum("ipFamilyPolicy", WireNames.IPFamilyPolicy),
                PublishNotReadyAddresses = spec.Bool("publishNotReadyAddresses"),
                TrafficDistribution = spec.String("trafficDistribution"),
                Span = spec.SpanIfExists,
            },
            Status = !status.Exists ? ServiceStatus.Empty : new ServiceStatus
            {
                LoadBalancerIngress = status.Mappings("ingress", ingress => new LoadBalancerIngress
                {
                    IP = ingress.String("ip"),
                    Hostname = ingress.String("hostname"),
                    IPMode = ingress.Enum("ipMode", WireNames.LoadBalancerIPMode),
                    Ports = ingress.Mappings("ports", port => new PortStatus(
                        port.Int("port"),
                        port.Enum("protocol", WireNames.Protocol),
                        port.String("error"),
                        port.Span)),
                    Span = ingress.Span,
                }),
            },
        };
    }

    public static Pod Pod(Node node, Field<string> apiVersion, Field<string> kind, ObjectMeta metadata) => new()
    {
        ApiVersion = apiVersion,
        Kind = kind,
        Metadata = metadata,
        Span = node.Span,
        Spec = PodReaders.PodSpec(node.Map("spec")),
        Status = PodReaders.PodStatus(node.Map("status")),
    };

    public static Model.Node Node(Node node, Field<string> apiVersion, Field<string> kind, ObjectMeta metadata)
    {
        var spec = node.Map("spec");
        var status = node.Map("status");
        return new Model.Node
        {
            ApiVersion = apiVersion,
            Kind = kind,
            Metadata = metadata,
            Span = node.Span,
            Spec = new NodeSpec
            {
                PodCIDR = spec.String("podCIDR"),
                PodCIDRs = spec.Strings("podCIDRs"),
                Unschedulable = spec.Bool("unschedulable"),
                Taints = spec.Mappings("taints", taint => new Taint(
                    taint.String("key"),
                    taint.String("value"),
                    taint.Enum("effect", WireNames.TaintEffect),
                    taint.Span)),
                ProviderID = spec.String("providerID"),
            },
            Status = new NodeStatus
            {
                Addresses = status.Mappings("addresses", address => new NodeAddress(
                    address.Enum("type", WireNames.NodeAddressType),
                    address.String("address"),
                    address.Span)),
                Conditions = status.Mappings("conditions", CommonReaders.Condition),
            },
        };
    }

    public static EndpointSlice EndpointSlice(Node node, Field<string> apiVersion, Field<string> kind, ObjectMeta metadata) => new()
    {
        ApiVersion = apiVersion,
        Kind = kind,
        Metadata = metadata,
        Span = node.Span,
        AddressType = node.Enum("addressType", WireNames.EndpointAddressType),
        Endpoints = node.Mappings("endpoints", endpoint =>
        {
            var conditions = endpoint.Map("conditions");
            var hints = endpoint.Map("hints");
            var targetRef = endpoint.Map("targetRef");
            return new Endpoint
            {
                Addresses = endpoint.Strings("addresses"),
                Ready = conditions.Bool("ready"),
                Serving = conditions.Bool("serving"),
                Terminating = conditions.Bool("terminating"),
                Hostname = endpoint.String("hostname"),
                NodeName = endpoint.String("nodeName"),
                Zone = endpoint.String("zone"),
                HintZones = hints.List("forZones", zone => zone.String("name")),
                HintNodes = hints.List("forNodes", hintNode => hintNode.String("name")),
                TargetRef = !targetRef.Exists ? null : new ObjectReference(
                    targetRef.String("kind"),
                    targetRef.String("namespace"),
                    targetRef.String("name"),
                    targetRef.Span),
                Span = endpoint.Span,
            };
        }),
        Ports = node.Mappings("ports", port => new EndpointPort(
            port.String("name"),
            port.Int("port"),
            port.Enum("protocol", WireNames.Protocol),
            port.String("appProtocol"),
            port.Span)),
    };
}
