using System.Net;
using Kubepath.Engine.Simulate;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Engine.Tests.Upstream;

/// <summary>
/// The packet-flow cases of kube-proxy's own tests (runPacketFlowTests in pkg/proxy/iptables/proxier_test.go, 1.29),
/// run through Kubepath's evaluator: a source, a destination, the endpoints reached (or DROP / REJECT / nothing) and
/// whether the packet is masqueraded. A source the node owns is a host process; one in the pod network a pod; any
/// other an external client arriving at the node.
/// </summary>
public class PacketFlowTests
{
    private const string NoEndpoints = """
        apiVersion: v1
        kind: Service
        metadata: {name: svc1, namespace: ns1}
        spec:
          type: LoadBalancer
          clusterIP: 172.30.0.41
          externalIPs: [192.168.99.11]
          ports: [{name: p80, port: 80, protocol: TCP, nodePort: 3001}]
        status: {loadBalancer: {ingress: [{ip: 1.2.3.4}]}}
        """;

    [Theory]
    [InlineData("10.0.0.2", "172.30.0.41", 80, "REJECT")]
    [InlineData("203.0.113.2", "192.168.99.11", 80, "REJECT")]
    [InlineData("10.0.0.2", "192.168.0.2", 3001, "REJECT")]
    [InlineData("203.0.113.2", "192.168.0.2", 3001, "REJECT")]
    [InlineData("10.0.0.2", "1.2.3.4", 80, "REJECT")]
    [InlineData("203.0.113.2", "1.2.3.4", 80, "REJECT")]
    public void No_endpoints_reject(string source, string destination, int port, string output) =>
        AssertFlow(NoEndpoints, source, destination, port, Protocol.Tcp, output, masqueraded: false);

    private const string ClusterIPGeneral = """
        apiVersion: v1
        kind: Service
        metadata: {name: svc1, namespace: ns1}
        spec:
          clusterIP: 172.30.0.41
          ports: [{name: http, port: 80, protocol: TCP}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: svc2, namespace: ns2}
        spec:
          clusterIP: 172.30.0.42
          ports:
          - {name: http, port: 80, protocol: TCP}
          - {name: https, port: 443, protocol: TCP, targetPort: 8443}
          - {name: dns-udp, port: 53, protocol: UDP}
          - {name: dns-tcp, port: 53, protocol: TCP, targetPort: 5353}
          - {name: dns-sctp, port: 53, protocol: SCTP}
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: svc1-1, namespace: ns1, labels: {kubernetes.io/service-name: svc1}}
        addressType: IPv4
        endpoints: [{addresses: [10.180.0.1], nodeName: test-hostname}]
        ports: [{name: http, port: 80, protocol: TCP}]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: svc2-1, namespace: ns2, labels: {kubernetes.io/service-name: svc2}}
        addressType: IPv4
        endpoints:
        - {addresses: [10.180.0.1], nodeName: test-hostname}
        - {addresses: [10.180.2.1], nodeName: host2}
        ports:
        - {name: http, port: 80, protocol: TCP}
        - {name: https, port: 8443, protocol: TCP}
        - {name: dns-udp, port: 53, protocol: UDP}
        - {name: dns-tcp, port: 5353, protocol: TCP}
        - {name: dns-sctp, port: 53, protocol: SCTP}
        """;

    [Theory]
    [InlineData("10.180.0.2", Protocol.Tcp, "172.30.0.41", 80, "10.180.0.1:80", false)]
    [InlineData("10.180.0.1", Protocol.Tcp, "172.30.0.41", 80, "10.180.0.1:80", true)]
    [InlineData("10.180.0.2", Protocol.Tcp, "172.30.0.42", 80, "10.180.0.1:80, 10.180.2.1:80", false)]
    [InlineData("10.180.0.2", Protocol.Tcp, "172.30.0.42", 443, "10.180.0.1:8443, 10.180.2.1:8443", false)]
    [InlineData("10.180.0.2", Protocol.Tcp, "172.30.0.42", 53, "10.180.0.1:5353, 10.180.2.1:5353", false)]
    [InlineData("10.180.0.2", Protocol.Udp, "172.30.0.42", 53, "10.180.0.1:53, 10.180.2.1:53", false)]
    [InlineData("10.180.0.2", Protocol.Sctp, "172.30.0.42", 53, "10.180.0.1:53, 10.180.2.1:53", false)]
    [InlineData("10.180.0.2", Protocol.Udp, "172.30.0.42", 80, "", false)]
    [InlineData("10.180.0.2", Protocol.Tcp, "172.30.0.41", 443, "", false)]
    public void Cluster_IPs(string source, Protocol protocol, string destination, int port, string output, bool masqueraded) =>
        AssertFlow(ClusterIPGeneral, source, destination, port, protocol, output, masqueraded);

    private const string LoadBalancer = """
        apiVersion: v1
        kind: Service
        metadata: {name: svc1, namespace: ns1}
        spec:
          type: LoadBalancer
          clusterIP: 172.30.0.41
          ports: [{name: p80, port: 80, protocol: TCP, nodePort: 3001}]
          loadBalancerSourceRanges: [192.168.0.0/24, " 203.0.113.0/25"]
        status: {loadBalancer: {ingress: [{ip: 1.2.3.4}, {ip: 5.6.7.8}]}}
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: svc1-1, namespace: ns1, labels: {kubernetes.io/service-name: svc1}}
        addressType: IPv4
        endpoints: [{addresses: [10.180.0.1]}]
        ports: [{name: p80, port: 80, protocol: TCP}]
        """;

    [Theory]
    [InlineData("10.0.0.2", "172.30.0.41", 80, "10.180.0.1:80", false)]
    [InlineData("203.0.113.2", "192.168.0.2", 3001, "10.180.0.1:80", true)]
    [InlineData("203.0.113.130", "192.168.0.2", 3001, "10.180.0.1:80", true)]
    [InlineData("203.0.113.2", "1.2.3.4", 80, "10.180.0.1:80", true)]
    [InlineData("203.0.113.2", "5.6.7.8", 80, "10.180.0.1:80", true)]
    [InlineData("203.0.113.130", "1.2.3.4", 80, "DROP", false)]
    [InlineData("203.0.113.130", "5.6.7.8", 80, "DROP", false)]
    [InlineData("10.0.0.2", "1.2.3.4", 80, "DROP", false)]
    [InlineData("10.0.0.2", "5.6.7.8", 80, "DROP", false)]
    [InlineData("192.168.0.2", "1.2.3.4", 80, "10.180.0.1:80", true)]
    [InlineData("192.168.0.2", "5.6.7.8", 80, "10.180.0.1:80", true)]
    [InlineData("1.2.3.4", "1.2.3.4", 80, "10.180.0.1:80", true)]
    [InlineData("5.6.7.8", "5.6.7.8", 80, "10.180.0.1:80", true)]
    public void Load_balancer_source_ranges(string source, string destination, int port, string output, bool masqueraded) =>
        AssertFlow(LoadBalancer, source, destination, port, Protocol.Tcp, output, masqueraded);

    private static string TrafficPolicy(string policy) => $$$"""
        apiVersion: v1
        kind: Service
        metadata: {name: svc1, namespace: ns1}
        spec:
          type: LoadBalancer
          externalTrafficPolicy: {{{policy}}}
          clusterIP: 172.30.0.41
          externalIPs: [192.168.99.11]
          ports: [{name: p80, port: 80, protocol: TCP, nodePort: 3001, targetPort: 80}]
        status: {loadBalancer: {ingress: [{ip: 1.2.3.4}]}}
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: svc1-1, namespace: ns1, labels: {kubernetes.io/service-name: svc1}}
        addressType: IPv4
        endpoints:
        - {addresses: [10.180.0.1]}
        - {addresses: [10.180.2.1], nodeName: test-hostname}
        ports: [{name: p80, port: 80, protocol: TCP}]
        """;

    [Theory]
    [InlineData("10.0.0.2", "172.30.0.41", 80, "10.180.0.1:80, 10.180.2.1:80", false)]
    [InlineData("10.0.0.2", "192.168.99.11", 80, "10.180.0.1:80, 10.180.2.1:80", false)]
    [InlineData("203.0.113.2", "192.168.99.11", 80, "10.180.2.1:80", false)]
    [InlineData("10.0.0.2", "1.2.3.4", 80, "10.180.0.1:80, 10.180.2.1:80", false)]
    [InlineData("203.0.113.2", "1.2.3.4", 80, "10.180.2.1:80", false)]
    [InlineData("10.0.0.2", "192.168.0.2", 3001, "10.180.0.1:80, 10.180.2.1:80", false)]
    [InlineData("203.0.113.2", "192.168.0.2", 3001, "10.180.2.1:80", false)]
    public void External_traffic_policy_local(string source, string destination, int port, string output, bool masqueraded) =>
        AssertFlow(TrafficPolicy("Local"), source, destination, port, Protocol.Tcp, output, masqueraded);

    [Theory]
    [InlineData("10.0.0.2", "172.30.0.41", 80, false)]
    [InlineData("10.0.0.2", "192.168.99.11", 80, true)]
    [InlineData("203.0.113.2", "192.168.99.11", 80, true)]
    [InlineData("10.0.0.2", "1.2.3.4", 80, true)]
    [InlineData("203.0.113.2", "1.2.3.4", 80, true)]
    [InlineData("10.0.0.2", "192.168.0.2", 3001, true)]
    [InlineData("203.0.113.2", "192.168.0.2", 3001, true)]
    public void External_traffic_policy_cluster(string source, string destination, int port, bool masqueraded) =>
        AssertFlow(TrafficPolicy("Cluster"), source, destination, port, Protocol.Tcp, "10.180.0.1:80, 10.180.2.1:80", masqueraded);

    [Theory]
    [InlineData("Cluster", "test-hostname", "host1", "host2", "10.0.1.1:80, 10.0.1.2:80, 10.0.1.3:80")]
    [InlineData("Local", "test-hostname", "host1", "host2", "10.0.1.1:80")]
    [InlineData("Local", "test-hostname", "test-hostname", "host2", "10.0.1.1:80, 10.0.1.2:80")]
    [InlineData("Local", "host0", "host1", "host2", "DROP")]
    public void Internal_traffic_policy(string policy, string node1, string node2, string node3, string output) =>
        AssertFlow($$$"""
            apiVersion: v1
            kind: Service
            metadata: {name: svc1, namespace: ns1}
            spec:
              clusterIP: 172.30.1.1
              internalTrafficPolicy: {{{policy}}}
              selector: {foo: bar}
              ports: [{name: "", port: 80, protocol: TCP}]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: svc1-1, namespace: ns1, labels: {kubernetes.io/service-name: svc1}}
            addressType: IPv4
            endpoints:
            - {addresses: [10.0.1.1], nodeName: {{{node1}}}, conditions: {ready: true}}
            - {addresses: [10.0.1.2], nodeName: {{{node2}}}, conditions: {ready: true}}
            - {addresses: [10.0.1.3], nodeName: {{{node3}}}, conditions: {ready: true}}
            ports: [{name: "", port: 80, protocol: TCP}]
            """, "10.0.0.2", "172.30.1.1", 80, Protocol.Tcp, output, masqueraded: false);

    [Theory]
    [InlineData(true, "127.0.0.1", "127.0.0.1", "10.180.0.1:80, 10.180.2.1:80", true)]
    [InlineData(false, "127.0.0.1", "127.0.0.1", "", false)]
    [InlineData(true, "192.168.0.2", "192.168.0.2", "10.180.0.1:80, 10.180.2.1:80", true)]
    [InlineData(true, "203.0.113.2", "192.168.1.2", "10.180.0.1:80, 10.180.2.1:80", true)]
    public void Node_ports_and_localhost(bool localhostNodePorts, string source, string destination, string output, bool masqueraded)
    {
        const string Yaml = """
            apiVersion: v1
            kind: Service
            metadata: {name: svc1, namespace: ns1}
            spec:
              type: NodePort
              clusterIP: 172.30.0.41
              ports: [{name: p80, port: 80, protocol: TCP, nodePort: 3001}]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: svc1-1, namespace: ns1, labels: {kubernetes.io/service-name: svc1}}
            addressType: IPv4
            endpoints:
            - {addresses: [10.180.0.1]}
            - {addresses: [10.180.2.1], nodeName: test-hostname}
            ports: [{name: p80, port: 80, protocol: TCP}]
            """;
        var profile = UpstreamCluster.Profile("1.29");
        profile = profile with { KubeProxy = profile.KubeProxy with { LocalhostNodePorts = localhostNodePorts } };
        AssertFlow(UpstreamCluster.World(Yaml, profile), source, destination, 3001, Protocol.Tcp, output, masqueraded);
    }

    private static void AssertFlow(string yaml, string source, string destination, int port, Protocol protocol, string output, bool masqueraded) =>
        AssertFlow(UpstreamCluster.World(yaml, UpstreamCluster.Profile("1.29")), source, destination, port, protocol, output, masqueraded);

    private static void AssertFlow(ClusterWorld world, string source, string destination, int port, Protocol protocol, string output, bool masqueraded)
    {
        var node = world.FindNode(UpstreamCluster.Node)!;
        var from = IPAddress.Parse(source);
        var kind = node.IsLocal(from, world.Profile.Cni) ? OriginKind.Host
            : world.Profile.ClusterCidrs[0].Contains(from) ? OriginKind.Pod
            : OriginKind.External;
        var outcomes = new FlowSimulator(world).EvaluatorFor(node.Name, ipv6: false)
            .Run(new Packet(new Origin(kind, node.Name, from, false), IPAddress.Parse(destination), port, protocol));

        Assert.Equal(1.0, outcomes.Sum(o => o.Probability), 9);
        var actual = string.Join(", ", outcomes
            .Select(o => o.Verdict switch
            {
                FlowVerdict.Delivered => o.Endpoint!,
                FlowVerdict.Rejected => "REJECT",
                FlowVerdict.Dropped => "DROP",
                _ => string.Empty,
            })
            .Distinct()
            .OrderBy(text => text, StringComparer.Ordinal));
        Assert.Equal(output, actual);
        Assert.All(outcomes, o => Assert.Equal(masqueraded, o.Masqueraded));
    }
}
