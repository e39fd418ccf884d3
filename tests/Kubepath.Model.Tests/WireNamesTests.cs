using Kubepath.Model;

namespace Kubepath.Model.Tests;

public class WireNamesTests
{
    [Fact]
    public void Values_parse_exactly_as_the_API_spells_them()
    {
        Assert.True(WireNames.TrafficPolicy.TryParse("Local", out var local) && local == TrafficPolicy.Local);
        Assert.False(WireNames.TrafficPolicy.TryParse("local", out _));
        Assert.True(WireNames.Protocol.TryParse("SCTP", out var sctp) && sctp == Protocol.Sctp);
        Assert.Equal("SCTP", WireNames.Protocol.NameOf(Protocol.Sctp));
        Assert.Equal("FQDN", WireNames.EndpointAddressType.NameOf(EndpointAddressType.Fqdn));
    }

    [Fact]
    public void A_near_miss_in_case_suggests_the_valid_spelling()
    {
        Assert.Equal("Local", WireNames.TrafficPolicy.Suggest("local"));
        Assert.Equal("ClusterIP", WireNames.ServiceType.Suggest("clusterip"));
        Assert.Null(WireNames.ServiceType.Suggest("Ingress"));
    }

    [Fact]
    public void Node_selectors_accept_Gt_and_Lt_but_label_selectors_do_not()
    {
        Assert.True(WireNames.NodeSelectorOperator.TryParse("Gt", out _));
        Assert.False(WireNames.LabelSelectorOperator.TryParse("Gt", out _));
    }

    [Fact]
    public void Objects_know_their_scope_and_qualified_name()
    {
        var meta = new ObjectMeta { Name = new Field<string>("vm1", SourceSpan.StartOf("n.yaml")) };
        var node = new Node { ApiVersion = F("v1"), Kind = F("Node"), Metadata = meta, Span = SourceSpan.StartOf("n.yaml") };
        var pool = new IPAddressPool { ApiVersion = F("metallb.io/v1beta1"), Kind = F("IPAddressPool"), Metadata = meta, Span = SourceSpan.StartOf("n.yaml") };
        Assert.Equal(("vm1", string.Empty, string.Empty), (node.QualifiedName, node.Namespace, node.Group));
        Assert.Equal(("default/vm1", "metallb.io"), (pool.QualifiedName, pool.Group));
    }

    private static Field<string> F(string value) => new(value, SourceSpan.StartOf("n.yaml"));
}
