using System.Collections.Generic;
using System.Net;

namespace Kubepath.Engine.Compile;

/// <summary>
/// All of one node that shapes what its proxier writes for a service port: the endpoints each policy uses there (by
/// <see cref="PortEndpoint"/>, which every node shares), whether it has any, how local traffic is matched, whether
/// localhost reaches node ports, large-cluster mode, and, for a port behind source ranges, the node's address. Two nodes
/// of one shape write the same lines for the port.
/// </summary>
internal sealed class NodeShape
{
    private readonly EndpointCategories categories;
    private readonly RuleArg? localMatch;
    private readonly bool localhostNodePorts;
    private readonly bool largeCluster;
    private readonly IPAddress? nodeIP;

    public NodeShape(EndpointCategories categories, RuleArg? localMatch, bool localhostNodePorts, bool largeCluster, IPAddress? nodeIP)
    {
        this.categories = categories;
        this.localMatch = localMatch;
        this.localhostNodePorts = localhostNodePorts;
        this.largeCluster = largeCluster;
        this.nodeIP = nodeIP;
    }

    public bool IsLike(NodeShape other) =>
        categories.HasAnyEndpoints == other.categories.HasAnyEndpoints &&
        SameEndpoints(categories.Cluster, other.categories.Cluster) &&
        SameEndpoints(categories.Local, other.categories.Local) &&
        SameEndpoints(categories.AllReachable, other.categories.AllReachable) &&
        Equals(localMatch, other.localMatch) &&
        localhostNodePorts == other.localhostNodePorts &&
        largeCluster == other.largeCluster &&
        Equals(nodeIP, other.nodeIP);

    private static bool SameEndpoints(IReadOnlyList<EndpointInfo> these, IReadOnlyList<EndpointInfo> those)
    {
        if (these.Count != those.Count)
        {
            return false;
        }

        for (var i = 0; i < these.Count; i++)
        {
            if (!ReferenceEquals(these[i].Endpoint, those[i].Endpoint))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>One line a node's proxier wrote: a rule of a table, or the declaration of a nat chain.</summary>
internal readonly record struct WrittenLine(Table Table, Rule? Rule, string? NatChain);
