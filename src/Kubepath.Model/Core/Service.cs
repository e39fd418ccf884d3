using System;
using System.Collections.Generic;

namespace Kubepath.Model;

/// <summary>A <c>v1</c> Service: every spec and status field kube-proxy or MetalLB reads.</summary>
public sealed record Service : ManifestObject
{
    public required ServiceSpec Spec { get; init; }

    public ServiceStatus Status { get; init; } = ServiceStatus.Empty;
}

public sealed record ServiceSpec
{
    public Field<ServiceType>? Type { get; init; }

    public Field<string>? ClusterIP { get; init; }

    public IReadOnlyList<Field<string>> ClusterIPs { get; init; } = Array.Empty<Field<string>>();

    public IReadOnlyList<ServicePort> Ports { get; init; } = Array.Empty<ServicePort>();

    /// <summary>Absent and empty both mean "no selector": the Service's endpoints are managed by hand.</summary>
    public Field<StringMap>? Selector { get; init; }

    public Field<SessionAffinity>? SessionAffinity { get; init; }

    /// <summary><c>sessionAffinityConfig.clientIP.timeoutSeconds</c>.</summary>
    public Field<int>? SessionAffinityTimeoutSeconds { get; init; }

    public Field<TrafficPolicy>? ExternalTrafficPolicy { get; init; }

    public Field<TrafficPolicy>? InternalTrafficPolicy { get; init; }

    public Field<int>? HealthCheckNodePort { get; init; }

    public Field<string>? LoadBalancerIP { get; init; }

    public IReadOnlyList<Field<string>> LoadBalancerSourceRanges { get; init; } = Array.Empty<Field<string>>();

    public Field<string>? LoadBalancerClass { get; init; }

    public Field<bool>? AllocateLoadBalancerNodePorts { get; init; }

    public IReadOnlyList<Field<string>> ExternalIPs { get; init; } = Array.Empty<Field<string>>();

    public Field<string>? ExternalName { get; init; }

    public IReadOnlyList<Field<IPFamily>> IPFamilies { get; init; } = Array.Empty<Field<IPFamily>>();

    public Field<IPFamilyPolicy>? IPFamilyPolicy { get; init; }

    public Field<bool>? PublishNotReadyAddresses { get; init; }

    public Field<string>? TrafficDistribution { get; init; }

    public SourceSpan? Span { get; init; }

    /// <summary>The type the API server defaults to when <c>spec.type</c> is absent.</summary>
    public ServiceType EffectiveType => Type?.Value ?? ServiceType.ClusterIP;

    /// <summary><c>clusterIP: None</c>.</summary>
    public bool IsHeadless => string.Equals(ClusterIP?.Value, "None", StringComparison.Ordinal);
}

public sealed record ServicePort
{
    public Field<string>? Name { get; init; }

    public Field<Protocol>? Protocol { get; init; }

    public Field<string>? AppProtocol { get; init; }

    public Field<int>? Port { get; init; }

    /// <summary>Defaults to <see cref="Port"/> when absent.</summary>
    public Field<IntOrString>? TargetPort { get; init; }

    public Field<int>? NodePort { get; init; }

    public required SourceSpan Span { get; init; }

    public Protocol EffectiveProtocol => Protocol?.Value ?? Model.Protocol.Tcp;
}

public sealed record ServiceStatus
{
    public static readonly ServiceStatus Empty = new();

    public IReadOnlyList<LoadBalancerIngress> LoadBalancerIngress { get; init; } = Array.Empty<LoadBalancerIngress>();
}

public sealed record LoadBalancerIngress
{
    public Field<string>? IP { get; init; }

    public Field<string>? Hostname { get; init; }

    /// <summary><c>VIP</c> (the default) or <c>Proxy</c>; kube-proxy only short-circuits VIP-mode addresses.</summary>
    public Field<LoadBalancerIPMode>? IPMode { get; init; }

    public IReadOnlyList<PortStatus> Ports { get; init; } = Array.Empty<PortStatus>();

    public required SourceSpan Span { get; init; }
}

public sealed record PortStatus(Field<int>? Port, Field<Protocol>? Protocol, Field<string>? Error, SourceSpan Span);
