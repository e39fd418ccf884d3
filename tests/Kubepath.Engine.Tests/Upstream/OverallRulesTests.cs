using Kubepath.Engine.Compile;

namespace Kubepath.Engine.Tests.Upstream;

/// <summary>
/// kube-proxy's TestOverallIPTablesRules, as a Kubepath specification: the same six services (ClusterIP; LoadBalancer
/// with Local policy, an external IP and no local endpoint; NodePort; external IP; LoadBalancer with source ranges and
/// ClientIP affinity; no endpoints) give the same iptables-restore input as kube-proxy 1.29 and, with the nfacct
/// counters present, as the current release. The expected files hold kube-proxy's own expectations.
/// </summary>
public class OverallRulesTests
{
    // svc4 is type NodePort without a node port upstream; the API server would allocate one, so here it is a
    // ClusterIP service with an external IP, which kube-proxy treats the same way.
    private const string Services = """
        apiVersion: v1
        kind: Service
        metadata: {name: svc1, namespace: ns1}
        spec:
          clusterIP: 172.30.0.41
          ports: [{name: p80, port: 80, protocol: TCP}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: svc2, namespace: ns2}
        spec:
          type: LoadBalancer
          externalTrafficPolicy: Local
          clusterIP: 172.30.0.42
          ports: [{name: p80, port: 80, protocol: TCP, nodePort: 3001}]
          externalIPs: [192.168.99.22]
          healthCheckNodePort: 30000
        status:
          loadBalancer:
            ingress: [{ip: 1.2.3.4}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: svc3, namespace: ns3}
        spec:
          type: NodePort
          clusterIP: 172.30.0.43
          ports: [{name: p80, port: 80, protocol: TCP, nodePort: 3003}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: svc4, namespace: ns4}
        spec:
          clusterIP: 172.30.0.44
          externalIPs: [192.168.99.33]
          ports: [{name: p80, port: 80, protocol: TCP, targetPort: 80}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: svc5, namespace: ns5}
        spec:
          type: LoadBalancer
          externalTrafficPolicy: Cluster
          clusterIP: 172.30.0.45
          ports: [{name: p80, port: 80, protocol: TCP, nodePort: 3002}]
          healthCheckNodePort: 30000
          loadBalancerSourceRanges: [" 203.0.113.0/25"]
          sessionAffinity: ClientIP
          sessionAffinityConfig: {clientIP: {timeoutSeconds: 10800}}
        status:
          loadBalancer:
            ingress: [{ip: 5.6.7.8}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: svc6, namespace: ns6}
        spec:
          type: ClusterIP
          clusterIP: 172.30.0.46
          ports: [{name: p80, port: 80, protocol: TCP, targetPort: 80}]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: svc1-1, namespace: ns1, labels: {kubernetes.io/service-name: svc1}}
        addressType: IPv4
        endpoints: [{addresses: [10.180.0.1]}]
        ports: [{name: p80, port: 80, protocol: TCP}]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: svc2-1, namespace: ns2, labels: {kubernetes.io/service-name: svc2}}
        addressType: IPv4
        endpoints: [{addresses: [10.180.0.2]}]
        ports: [{name: p80, port: 80, protocol: TCP}]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: svc3-1, namespace: ns3, labels: {kubernetes.io/service-name: svc3}}
        addressType: IPv4
        endpoints: [{addresses: [10.180.0.3]}]
        ports: [{name: p80, port: 80, protocol: TCP}]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: svc4-1, namespace: ns4, labels: {kubernetes.io/service-name: svc4}}
        addressType: IPv4
        endpoints:
        - {addresses: [10.180.0.4]}
        - {addresses: [10.180.0.5], nodeName: test-hostname}
        ports: [{name: p80, port: 80, protocol: TCP}]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: svc5-1, namespace: ns5, labels: {kubernetes.io/service-name: svc5}}
        addressType: IPv4
        endpoints: [{addresses: [10.180.0.3]}]
        ports: [{name: p80, port: 80, protocol: TCP}]
        """;

    [Theory]
    [InlineData("1.29", "overall-1.29.txt")]
    [InlineData("1.34", "overall-1.34.txt", ProxierCompiler.InvalidDropCounter, ProxierCompiler.LocalhostNodePortCounter)]
    public void The_restore_input_is_kube_proxys(string version, string expectedFile, params string[] counters)
    {
        var world = UpstreamCluster.World(Services, UpstreamCluster.Profile(version, counters));
        var rules = ProxierCompiler.Compile(world, world.FindNode(UpstreamCluster.Node)!, ipv6: false);
        var restore = RulesText.RestoreInput(rules, new[] { Table.Filter, Table.Nat });

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Upstream", expectedFile));
        Assert.Equal(expected, UpstreamCluster.SortedLikeUpstream(restore));
    }
}
