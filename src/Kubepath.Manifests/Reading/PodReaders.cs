using Kubepath.Model;

namespace Kubepath.Manifests.Reading;

/// <summary>Pod specs, their containers and scheduling constraints, and Pod status from state dumps.</summary>
internal static class PodReaders
{
    public static PodSpec PodSpec(Node spec) => !spec.Exists
        ? Model.PodSpec.Empty
        : new PodSpec
        {
            NodeName = spec.String("nodeName"),
            NodeSelector = spec.StringMap("nodeSelector"),
            Affinity = Affinity(spec.Map("affinity")),
            Tolerations = spec.Mappings("tolerations", Toleration),
            TopologySpreadConstraints = spec.Mappings("topologySpreadConstraints", TopologySpreadConstraint),
            HostNetwork = spec.Bool("hostNetwork"),
            Containers = spec.Mappings("containers", Container),
            InitContainers = spec.Mappings("initContainers", Container),
            ReadinessGates = spec.List("readinessGates", gate => gate.String("conditionType")),
            Span = spec.Span,
        };

    public static PodStatus PodStatus(Node status) => !status.Exists
        ? Model.PodStatus.Empty
        : new PodStatus
        {
            Phase = status.String("phase"),
            PodIP = status.String("podIP"),
            PodIPs = status.List("podIPs", item => item.String("ip")),
            HostIP = status.String("hostIP"),
            HostIPs = status.List("hostIPs", item => item.String("ip")),
            Conditions = status.Mappings("conditions", CommonReaders.Condition),
        };

    private static Container Container(Node container) => new()
    {
        Name = container.String("name"),
        Ports = container.Mappings("ports", port => new ContainerPort
        {
            Name = port.String("name"),
            Number = port.Int("containerPort"),
            Protocol = port.Enum("protocol", WireNames.Protocol),
            HostPort = port.Int("hostPort"),
            HostIP = port.String("hostIP"),
            Span = port.Span,
        }),
        ReadinessProbe = Probe(container.Map("readinessProbe")),
        RestartPolicy = container.String("restartPolicy"),
        Span = container.Span,
    };

    private static Probe? Probe(Node probe)
    {
        if (!probe.Exists)
        {
            return null;
        }

        var (handler, port) =
            probe.Has("httpGet") ? (ProbeHandler.HttpGet, probe.Map("httpGet").IntOrString("port"))
            : probe.Has("tcpSocket") ? (ProbeHandler.TcpSocket, probe.Map("tcpSocket").IntOrString("port"))
            : probe.Has("grpc") ? (ProbeHandler.Grpc, probe.Map("grpc").IntOrString("port"))
            : probe.Has("exec") ? (ProbeHandler.Exec, null)
            : (ProbeHandler.Unknown, null);
        return new Probe
        {
            Handler = handler,
            Port = port,
            InitialDelaySeconds = probe.Int("initialDelaySeconds"),
            PeriodSeconds = probe.Int("periodSeconds"),
            FailureThreshold = probe.Int("failureThreshold"),
            Span = probe.Span,
        };
    }

    private static Toleration Toleration(Node toleration) => new()
    {
        Key = toleration.String("key"),
        Operator = toleration.Enum("operator", WireNames.TolerationOperator),
        Value = toleration.String("value"),
        Effect = toleration.Enum("effect", WireNames.TaintEffect),
        Span = toleration.Span,
    };

    private static TopologySpreadConstraint TopologySpreadConstraint(Node constraint) => new()
    {
        MaxSkew = constraint.Int("maxSkew"),
        TopologyKey = constraint.String("topologyKey"),
        WhenUnsatisfiable = constraint.Enum("whenUnsatisfiable", WireNames.UnsatisfiableConstraintAction),
        LabelSelector = CommonReaders.LabelSelector(constraint.Map("labelSelector")),
        Span = constraint.Span,
    };

    private static Affinity? Affinity(Node affinity) => !affinity.Exists
        ? null
        : new Affinity
        {
            NodeAffinity = NodeAffinity(affinity.Map("nodeAffinity")),
            PodAffinity = PodAffinity(affinity.Map("podAffinity")),
            PodAntiAffinity = PodAffinity(affinity.Map("podAntiAffinity")),
            Span = affinity.Span,
        };

    private static NodeAffinity? NodeAffinity(Node affinity) => !affinity.Exists
        ? null
        : new NodeAffinity
        {
            Required = affinity.Map("requiredDuringSchedulingIgnoredDuringExecution").Mappings("nodeSelectorTerms", term => NodeSelectorTerm(term, term.Span)),
            Preferred = affinity.Mappings("preferredDuringSchedulingIgnoredDuringExecution", preferred =>
                new WeightedNodeSelectorTerm(preferred.Int("weight"), NodeSelectorTerm(preferred.Map("preference"), preferred.Span), preferred.Span)),
            Span = affinity.Span,
        };

    private static NodeSelectorTerm NodeSelectorTerm(Node term, SourceSpan whenAbsent) => new()
    {
        MatchExpressions = term.Mappings("matchExpressions", e => CommonReaders.Requirement(e, WireNames.NodeSelectorOperator)),
        MatchFields = term.Mappings("matchFields", e => CommonReaders.Requirement(e, WireNames.NodeSelectorOperator)),
        Span = term.SpanIfExists ?? whenAbsent,
    };

    private static PodAffinity? PodAffinity(Node affinity) => !affinity.Exists
        ? null
        : new PodAffinity
        {
            Required = affinity.Mappings("requiredDuringSchedulingIgnoredDuringExecution", term => PodAffinityTerm(term, term.Span)),
            Preferred = affinity.Mappings("preferredDuringSchedulingIgnoredDuringExecution", preferred =>
                new WeightedPodAffinityTerm(preferred.Int("weight"), PodAffinityTerm(preferred.Map("podAffinityTerm"), preferred.Span), preferred.Span)),
            Span = affinity.Span,
        };

    private static PodAffinityTerm PodAffinityTerm(Node term, SourceSpan whenAbsent) => new()
    {
        LabelSelector = CommonReaders.LabelSelector(term.Map("labelSelector")),
        TopologyKey = term.String("topologyKey"),
        Namespaces = term.Strings("namespaces"),
        NamespaceSelector = CommonReaders.LabelSelector(term.Map("namespaceSelector")),
        Span = term.SpanIfExists ?? whenAbsent,
    };
}
