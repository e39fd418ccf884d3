using System;
using System.Collections.Generic;

namespace Kubepath.Model;

/// <summary>A <c>v1</c> Pod, as written or as a state dump reports it (with placement and addresses).</summary>
public sealed record Pod : ManifestObject
{
    public required PodSpec Spec { get; init; }

    public PodStatus Status { get; init; } = PodStatus.Empty;
}

/// <summary>The pod template of a workload: its labels and its pod spec.</summary>
public sealed record PodTemplate
{
    public required ObjectMeta Metadata { get; init; }

    public required PodSpec Spec { get; init; }

    public required SourceSpan Span { get; init; }
}

public sealed record PodSpec
{
    public static readonly PodSpec Empty = new();

    public Field<string>? NodeName { get; init; }

    public Field<StringMap>? NodeSelector { get; init; }

    public Affinity? Affinity { get; init; }

    public IReadOnlyList<Toleration> Tolerations { get; init; } = Array.Empty<Toleration>();

    public IReadOnlyList<TopologySpreadConstraint> TopologySpreadConstraints { get; init; } = Array.Empty<TopologySpreadConstraint>();

    public Field<bool>? HostNetwork { get; init; }

    public IReadOnlyList<Container> Containers { get; init; } = Array.Empty<Container>();

    public IReadOnlyList<Container> InitContainers { get; init; } = Array.Empty<Container>();

    /// <summary><c>readinessGates[].conditionType</c>: a pod is Ready, and its endpoint ready, only once these hold too.</summary>
    public IReadOnlyList<Field<string>> ReadinessGates { get; init; } = Array.Empty<Field<string>>();

    public SourceSpan? Span { get; init; }

    public bool UsesHostNetwork => HostNetwork?.Value ?? false;
}

public sealed record Container
{
    public Field<string>? Name { get; init; }

    public IReadOnlyList<ContainerPort> Ports { get; init; } = Array.Empty<ContainerPort>();

    public Probe? ReadinessProbe { get; init; }

    /// <summary>An init container with <c>restartPolicy: Always</c> is a sidecar that keeps running and serving.</summary>
    public Field<string>? RestartPolicy { get; init; }

    public required SourceSpan Span { get; init; }
}

public sealed record ContainerPort
{
    public Field<string>? Name { get; init; }

    public Field<int>? Number { get; init; }

    public Field<Protocol>? Protocol { get; init; }

    public Field<int>? HostPort { get; init; }

    public Field<string>? HostIP { get; init; }

    public required SourceSpan Span { get; init; }

    public Protocol EffectiveProtocol => Protocol?.Value ?? Model.Protocol.Tcp;
}

public enum ProbeHandler
{
    Unknown,
    HttpGet,
    TcpSocket,
    Grpc,
    Exec,
}

/// <summary>A readiness probe: what it checks (and on which port), which decides when an endpoint is ready.</summary>
public sealed record Probe
{
    public ProbeHandler Handler { get; init; }

    public Field<IntOrString>? Port { get; init; }

    public Field<int>? InitialDelaySeconds { get; init; }

    public Field<int>? PeriodSeconds { get; init; }

    public Field<int>? FailureThreshold { get; init; }

    public required SourceSpan Span { get; init; }
}

public sealed record Toleration
{
    public Field<string>? Key { get; init; }

    public Field<TolerationOperator>? Operator { get; init; }

    public Field<string>? Value { get; init; }

    public Field<TaintEffect>? Effect { get; init; }

    public required SourceSpan Span { get; init; }
}

public sealed record TopologySpreadConstraint
{
    public Field<int>? MaxSkew { get; init; }

    public Field<string>? TopologyKey { get; init; }

    public Field<UnsatisfiableConstraintAction>? WhenUnsatisfiable { get; init; }

    public LabelSelector? LabelSelector { get; init; }

    public required SourceSpan Span { get; init; }
}

public sealed record Affinity
{
    public NodeAffinity? NodeAffinity { get; init; }

    public PodAffinity? PodAffinity { get; init; }

    public PodAffinity? PodAntiAffinity { get; init; }

    public required SourceSpan Span { get; init; }
}

public sealed record NodeAffinity
{
    /// <summary><c>requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms</c>: any term may match.</summary>
    public IReadOnlyList<NodeSelectorTerm> Required { get; init; } = Array.Empty<NodeSelectorTerm>();

    public IReadOnlyList<WeightedNodeSelectorTerm> Preferred { get; init; } = Array.Empty<WeightedNodeSelectorTerm>();

    public required SourceSpan Span { get; init; }
}

public sealed record NodeSelectorTerm
{
    public IReadOnlyList<LabelSelectorRequirement> MatchExpressions { get; init; } = Array.Empty<LabelSelectorRequirement>();

    public IReadOnlyList<LabelSelectorRequirement> MatchFields { get; init; } = Array.Empty<LabelSelectorRequirement>();

    public required SourceSpan Span { get; init; }
}

public sealed record WeightedNodeSelectorTerm(Field<int>? Weight, NodeSelectorTerm Preference, SourceSpan Span);

public sealed record PodAffinity
{
    public IReadOnlyList<PodAffinityTerm> Required { get; init; } = Array.Empty<PodAffinityTerm>();

    public IReadOnlyList<WeightedPodAffinityTerm> Preferred { get; init; } = Array.Empty<WeightedPodAffinityTerm>();

    public required SourceSpan Span { get; init; }
}

public sealed record PodAffinityTerm
{
    public LabelSelector? LabelSelector { get; init; }

    public Field<string>? TopologyKey { get; init; }

    public IReadOnlyList<Field<string>> Namespaces { get; init; } = Array.Empty<Field<string>>();

    public LabelSelector? NamespaceSelector { get; init; }

    public required SourceSpan Span { get; init; }
}

public sealed record WeightedPodAffinityTerm(Field<int>? Weight, PodAffinityTerm Term, SourceSpan Span);

public sealed record PodStatus
{
    public static readonly PodStatus Empty = new();

    public Field<string>? Phase { get; init; }

    public Field<string>? PodIP { get; init; }

    public IReadOnlyList<Field<string>> PodIPs { get; init; } = Array.Empty<Field<string>>();

    public Field<string>? HostIP { get; init; }

    public IReadOnlyList<Field<string>> HostIPs { get; init; } = Array.Empty<Field<string>>();

    public IReadOnlyList<Condition> Conditions { get; init; } = Array.Empty<Condition>();
}

/// <summary>A status condition (Pod Ready, Node NetworkUnavailable...).</summary>
public sealed record Condition(Field<string> Type, Field<ConditionStatus>? Status, SourceSpan Span);
