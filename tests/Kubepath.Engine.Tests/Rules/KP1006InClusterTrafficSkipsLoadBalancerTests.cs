namespace Kubepath.Engine.Tests.Rules;

public class KP1006InClusterTrafficSkipsLoadBalancerTests
{
    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          type: LoadBalancer
          selector: {app: web}
          ports: [{port: 80}]
          externalTrafficPolicy: Local
        status:
          loadBalancer:
            ingress: [{ip: 192.0.2.10, ipMode: Proxy}]
        """;

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: nginx}]}
        """;

    [Fact]
    public void Names_the_address_the_endpoints_and_what_in_cluster_clients_skip()
    {
        var finding = Assert.Single(RuleExamples.Run("KP1006", Deployment + "\n---\n" + Service));

        Assert.Equal(
            "default/web: pods and nodes that connect to LoadBalancer IP 192.0.2.10 never reach the load balancer: kube-proxy on node-1 DNATs them to 3 endpoint(s) itself, " +
            "so they skip externalTrafficPolicy: Local (they reach endpoints on every node); any health checking, filtering or proxying the load balancer does",
            finding.Message);
    }

    [Fact]
    public void IpMode_Proxy_is_ignored_before_kube_proxy_honours_it()
    {
        Assert.Single(RuleExamples.Run("KP1006", Service, kubernetes: "1.29"));
        Assert.Empty(RuleExamples.Run("KP1006", Service, kubernetes: "1.30"));
    }

    [Fact]
    public void A_LoadBalancer_Service_without_an_address_is_not_reported()
    {
        Assert.Empty(RuleExamples.Run("KP1006", "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {type: LoadBalancer, ports: [{port: 80}]}\n"));
    }
}
