using System.Collections.Generic;
using System.Net;
using Kubepath.Engine.Compile;
using Kubepath.Model;

namespace Kubepath.Engine.Simulate;

/// <summary>Where a packet starts, which decides the netfilter hooks it meets on the node.</summary>
public enum OriginKind
{
    /// <summary>A pod on the node: the packet arrives from the pod's veth (PREROUTING, then FORWARD or INPUT).</summary>
    Pod,

    /// <summary>A process on the node itself (OUTPUT).</summary>
    Host,

    /// <summary>A client outside the cluster whose packet arrives at the node (PREROUTING).</summary>
    External,
}

/// <summary>The sender of a packet and the node where kube-proxy's rules meet it.</summary>
public sealed record Origin(OriginKind Kind, string Node, IPAddress Source, bool SourceAssumed)
{
    public string Describe() => Kind switch
    {
        OriginKind.Pod => "pod on " + Node + " (" + Source + ")",
        OriginKind.Host => "host process on " + Node + " (" + Source + ")",
        _ => "external client " + Source + " arriving at " + Node,
    };
}

/// <summary>The first packet of a new connection.</summary>
public sealed record Packet(Origin Origin, IPAddress Destination, int Port, Protocol Protocol);

public enum FlowVerdict
{
    /// <summary>DNATed to an endpoint and delivered to it.</summary>
    Delivered,

    Dropped,

    Rejected,

    /// <summary>No kube-proxy rule translated it; it goes on to its original destination.</summary>
    NotTranslated,
}

/// <summary>One way a packet can go, with its probability.</summary>
public sealed record FlowOutcome
{
    public required double Probability { get; init; }

    public required FlowVerdict Verdict { get; init; }

    /// <summary><c>ip:port</c> after DNAT.</summary>
    public string? Endpoint { get; init; }

    /// <summary>The node the endpoint runs on, when known.</summary>
    public string? EndpointNode { get; init; }

    public bool Masqueraded { get; init; }

    /// <summary>The source address the receiver sees.</summary>
    public required IPAddress SourceSeen { get; init; }

    /// <summary>The interface whose address masquerading used (<c>cni0</c>, <c>flannel.1</c>, the node's address).</summary>
    public string? SourceInterface { get; init; }

    /// <summary>The hooks and chains the packet went through, in order (<c>nat/PREROUTING</c>, <c>KUBE-SERVICES</c>…).</summary>
    public required IReadOnlyList<string> Path { get; init; }

    /// <summary>The rule that dropped or rejected it.</summary>
    public Rule? DecidingRule { get; init; }

    /// <summary>That rule as iptables-save prints it, written when asked (an explanation asks; a lint has thousands of flows).</summary>
    public string? DecidedBy => DecidingRule is null ? null : RulesText.Save(DecidingRule, IptablesFlavour.Plain);

    /// <summary>A ClientIP affinity check was passed over: later connections from this client stick to the endpoint chosen first.</summary>
    public bool AffinityFirstConnection { get; init; }
}
