using Kubepath.Model;
using static Kubepath.Manifests.Tests.Manifest;

namespace Kubepath.Manifests.Tests.Kinds;

public class ServiceTests
{
    private const string Full = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
          labels: {app: web}
          annotations:
            metallb.io/loadBalancerIPs: 10.0.0.5
        spec:
          type: LoadBalancer
          clusterIP: 10.43.0.20
          clusterIPs: [10.43.0.20]
          selector:
            app: web
          ports:
          - name: http
            protocol: TCP
            appProtocol: http
            port: 80
            targetPort: 8080
            nodePort: 30080
          - name: metrics
            port: 9090
            targetPort: metrics
            protocol: UDP
          sessionAffinity: ClientIP
          sessionAffinityConfig:
            clientIP:
              timeoutSeconds: 600
          externalTrafficPolicy: Local
          internalTrafficPolicy: Cluster
          healthCheckNodePort: 31000
          loadBalancerIP: 10.0.0.5
          loadBalancerSourceRanges: [192.168.0.0/16]
          loadBalancerClass: metallb
          allocateLoadBalancerNodePorts: false
          externalIPs: [203.0.113.7]
          ipFamilies: [IPv4, IPv6]
          ipFamilyPolicy: PreferDualStack
          publishNotReadyAddresses: true
          trafficDistribution: PreferClose
        status:
          loadBalancer:
            ingress:
            - ip: 10.0.0.5
              ipMode: Proxy
              ports:
              - port: 80
                protocol: TCP
        """;

    [Fact]
    public void Every_field_kube_proxy_and_MetalLB_read_is_loaded()
    {
        var service = Single<Service>(Full);
        var spec = service.Spec;

        Assert.Equal("shop/web", service.QualifiedName);
        Assert.Equal("10.0.0.5", service.Metadata.Annotations["metallb.io/loadBalancerIPs"]);
        Assert.Equal(ServiceType.LoadBalancer, spec.EffectiveType);
        Assert.Equal("10.43.0.20", spec.ClusterIP!.Value);
        Assert.Equal("10.43.0.20", Assert.Single(spec.ClusterIPs).Value);
        Assert.Equal("web", spec.Selector!.Value["app"]);
        Assert.Equal(2, spec.Ports.Count);
        Assert.Equal(("http", Protocol.Tcp, "http", 80, 8080, 30080), (spec.Ports[0].Name!.Value, spec.Ports[0].EffectiveProtocol, spec.Ports[0].AppProtocol!.Value, spec.Ports[0].Port!.Value, spec.Ports[0].TargetPort!.Value.Number, spec.Ports[0].NodePort!.Value));
        Assert.Equal("metrics", spec.Ports[1].TargetPort!.Value.Name);
        Assert.Equal(Protocol.Udp, spec.Ports[1].EffectiveProtocol);
        Assert.Equal(SessionAffinity.ClientIP, spec.SessionAffinity!.Value);
        Assert.Equal(600, spec.SessionAffinityTimeoutSeconds!.Value);
        Assert.Equal(TrafficPolicy.Local, spec.ExternalTrafficPolicy!.Value);
        Assert.Equal(TrafficPolicy.Cluster, spec.InternalTrafficPolicy!.Value);
        Assert.Equal(31000, spec.HealthCheckNodePort!.Value);
        Assert.Equal("10.0.0.5", spec.LoadBalancerIP!.Value);
        Assert.Equal("192.168.0.0/16", Assert.Single(spec.LoadBalancerSourceRanges).Value);
        Assert.Equal("metallb", spec.LoadBalancerClass!.Value);
        Assert.False(spec.AllocateLoadBalancerNodePorts!.Value);
        Assert.Equal("203.0.113.7", Assert.Single(spec.ExternalIPs).Value);
        Assert.Equal(new[] { IPFamily.IPv4, IPFamily.IPv6 }, spec.IPFamilies.Select(f => f.Value));
        Assert.Equal(IPFamilyPolicy.PreferDualStack, spec.IPFamilyPolicy!.Value);
        Assert.True(spec.PublishNotReadyAddresses!.Value);
        Assert.Equal("PreferClose", spec.TrafficDistribution!.Value);

        var ingress = Assert.Single(service.Status.LoadBalancerIngress);
        Assert.Equal("10.0.0.5", ingress.IP!.Value);
        Assert.Equal(LoadBalancerIPMode.Proxy, ingress.IPMode!.Value);
        Assert.Equal(80, Assert.Single(ingress.Ports).Port!.Value);
    }

    [Fact]
    public void Field_values_carry_their_exact_span_and_path()
    {
        var service = Single<Service>(Full);

        Assert.Equal("24:17-24:24 spec.ports[1].targetPort", Where(service.Spec.Ports[1].TargetPort!.Span));
        Assert.Equal("30:26-30:31 spec.externalTrafficPolicy", Where(service.Spec.ExternalTrafficPolicy!.Span));
        Assert.Equal("6:17-6:20 metadata.labels.app", Where(service.Metadata.Labels[0].Value.Span));
        Assert.Equal("8:5-8:31 metadata.annotations['metallb.io/loadBalancerIPs']", Where(service.Metadata.Annotations[0].Key.Span));
        Assert.Equal("1:1-49:22 ", Where(service.Span));
        Assert.Equal(Manifest.FileName, service.Span.File);
    }

    [Fact]
    public void The_objects_of_a_file_share_one_path_object_per_path()
    {
        var services = Load(Full + "\n---\n" + Full.Replace("name: web", "name: api", StringComparison.Ordinal)).OfKind<Service>().ToList();

        Assert.Equal(2, services.Count);
        var (first, second) = (services[0].Spec.Ports[1].TargetPort!.Span, services[1].Spec.Ports[1].TargetPort!.Span);
        Assert.Same(first.Path, second.Path);
        Assert.Equal("spec.ports[1].targetPort", second.Path.ToString());
        Assert.NotEqual(first.StartOffset, second.StartOffset);
        Assert.Same(services[0].Metadata.Annotations[0].Key.Span.Path, services[1].Metadata.Annotations[0].Key.Span.Path);
    }

    [Fact]
    public void Defaults_are_what_the_API_server_fills_in()
    {
        var service = Single<Service>("""
            apiVersion: v1
            kind: Service
            metadata: {name: plain}
            spec:
              clusterIP: None
              ports: [{port: 53}]
            """);

        Assert.Equal(ServiceType.ClusterIP, service.Spec.EffectiveType);
        Assert.True(service.Spec.IsHeadless);
        Assert.Equal(Protocol.Tcp, service.Spec.Ports[0].EffectiveProtocol);
        Assert.Null(service.Spec.Ports[0].TargetPort);
        Assert.Equal("default", service.Namespace);
    }
}
