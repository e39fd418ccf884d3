using Kubepath.Engine.Compile;
using Kubepath.Model;

namespace Kubepath.Engine.Tests.Compile;

/// <summary>Chain names as the seed lab's nodes showed them (FACTS.md S1–S4) and as a kubeadm cluster names kube-dns.</summary>
public class ChainNamesTests
{
    [Theory]
    [InlineData("default", "nginx-service", "", "KUBE-SVC-V2OKYYMBY3REGZOG")]
    [InlineData("default", "nginx-np-service", "", "KUBE-SVC-MUSBZEOMK5UKWKKU")]
    [InlineData("default", "nginx-mlb-l2-service", "", "KUBE-SVC-W47NQ5DDJKUWFTVY")]
    [InlineData("default", "kubernetes", "https", "KUBE-SVC-NPX46M4PTMTKRN6Y")]
    public void Service_chains_hash_the_port_name_and_protocol(string ns, string name, string port, string chain)
    {
        Assert.Equal(chain, ChainNames.Service(new ServicePortName(ns, name, port), Protocol.Tcp));
    }

    [Fact]
    public void The_protocol_is_part_of_the_hash_in_lower_case()
    {
        Assert.Equal("KUBE-SVC-TCOU7JCQXEZGVUNU", ChainNames.Service(new ServicePortName("kube-system", "kube-dns", "dns"), Protocol.Udp));
        Assert.Equal("udp", ChainNames.ProtocolText(Protocol.Udp));
    }

    [Fact]
    public void Local_external_and_firewall_chains_share_the_service_hash()
    {
        var port = new ServicePortName("default", "nginx-mlb-l2-service", string.Empty);
        Assert.Equal("KUBE-SVL-W47NQ5DDJKUWFTVY", ChainNames.ServiceLocal(port, Protocol.Tcp));
        Assert.Equal("KUBE-EXT-W47NQ5DDJKUWFTVY", ChainNames.External(port, Protocol.Tcp));
        Assert.Equal("KUBE-FW-W47NQ5DDJKUWFTVY", ChainNames.Firewall(port, Protocol.Tcp));
        Assert.Equal("KUBE-EXT-MUSBZEOMK5UKWKKU", ChainNames.External(new ServicePortName("default", "nginx-np-service", string.Empty), Protocol.Tcp));
    }

    [Theory]
    [InlineData("nginx-service", "10.42.0.8:80", "KUBE-SEP-LNMZPQ2U2A5TEEGP")]
    [InlineData("nginx-service", "10.42.1.2:80", "KUBE-SEP-3Y75O4B4KDVD7TMA")]
    [InlineData("nginx-service", "10.42.2.2:80", "KUBE-SEP-Z33JJVRDNG7R4HVW")]
    [InlineData("nginx-np-service", "10.42.0.10:8080", "KUBE-SEP-MQVY6GCMKDVFWQIB")]
    [InlineData("nginx-mlb-l2-service", "10.42.0.25:8080", "KUBE-SEP-H3SFLVALEZ5LECV3")]
    [InlineData("nginx-mlb-l2-service", "10.42.2.22:8080", "KUBE-SEP-DTKU7V2IJOC7TTKI")]
    public void Endpoint_chains_also_hash_the_endpoint(string service, string endpoint, string chain)
    {
        Assert.Equal(chain, ChainNames.Endpoint(new ServicePortName("default", service, string.Empty), Protocol.Tcp, endpoint));
    }

    [Fact]
    public void An_unnamed_port_is_named_without_a_colon()
    {
        Assert.Equal("default/nginx-service", new ServicePortName("default", "nginx-service", string.Empty).ToString());
        Assert.Equal("default/kubernetes:https", new ServicePortName("default", "kubernetes", "https").ToString());
    }
}
