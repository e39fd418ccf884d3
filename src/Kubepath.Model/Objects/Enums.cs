namespace Kubepath.Model;

// The closed value sets of the API fields Kubepath reads. Their spelling in manifests is in WireNames.

public enum ServiceType
{
    ClusterIP,
    NodePort,
    LoadBalancer,
    ExternalName,
}

public enum TrafficPolicy
{
    Cluster,
    Local,
}

public enum SessionAffinity
{
    None,
    ClientIP,
}

public enum Protocol
{
    Tcp,
    Udp,
    Sctp,
}

public enum IPFamily
{
    IPv4,
    IPv6,
}

public enum IPFamilyPolicy
{
    SingleStack,
    PreferDualStack,
    RequireDualStack,
}

public enum LoadBalancerIPMode
{
    VIP,
    Proxy,
}

public enum EndpointAddressType
{
    IPv4,
    IPv6,
    Fqdn,
}

public enum NodeAddressType
{
    Hostname,
    InternalIP,
    ExternalIP,
    InternalDNS,
    ExternalDNS,
}

public enum SelectorOperator
{
    In,
    NotIn,
    Exists,
    DoesNotExist,
    Gt,
    Lt,
}

public enum TolerationOperator
{
    Exists,
    Equal,
}

public enum TaintEffect
{
    NoSchedule,
    PreferNoSchedule,
    NoExecute,
}

public enum ConditionStatus
{
    True,
    False,
    Unknown,
}

public enum UnsatisfiableConstraintAction
{
    DoNotSchedule,
    ScheduleAnyway,
}

/// <summary>MetalLB BGPPeer <c>spec.dynamicASN</c>.</summary>
public enum DynamicAsnMode
{
    Internal,
    External,
}
