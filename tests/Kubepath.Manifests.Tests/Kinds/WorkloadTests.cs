using Kubepath.Model;
using static Kubepath.Manifests.Tests.Manifest;

namespace Kubepath.Manifests.Tests.Kinds;

public class WorkloadTests
{
    private const string PodSpec = """
            nodeName: vm1
            hostNetwork: true
            nodeSelector:
              kubernetes.io/os: linux
            tolerations:
            - key: node-role.kubernetes.io/control-plane
              operator: Exists
              effect: NoSchedule
            affinity:
              nodeAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                  - matchExpressions:
                    - {key: zone, operator: In, values: [a, b]}
                preferredDuringSchedulingIgnoredDuringExecution:
                - weight: 10
                  preference:
                    matchExpressions:
                    - {key: disk, operator: Exists}
              podAntiAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                - labelSelector: {matchLabels: {app: web}}
                  topologyKey: kubernetes.io/hostname
            readinessGates:
            - conditionType: target-health.elbv2.k8s.aws/web
            topologySpreadConstraints:
            - maxSkew: 1
              topologyKey: topology.kubernetes.io/zone
              whenUnsatisfiable: DoNotSchedule
              labelSelector: {matchLabels: {app: web}}
            initContainers:
            - name: proxy
              restartPolicy: Always
              ports: [{containerPort: 15001}]
            containers:
            - name: web
              ports:
              - {name: http, containerPort: 8080}
              - {name: dns, containerPort: 53, protocol: UDP, hostPort: 53}
              readinessProbe:
                httpGet: {path: /healthz, port: http}
                periodSeconds: 5
      """;

    [Theory]
    [InlineData("Deployment")]
    [InlineData("StatefulSet")]
    [InlineData("DaemonSet")]
    [InlineData("ReplicaSet")]
    [InlineData("Job")]
    public void Every_workload_kind_loads_its_selector_and_pod_template(string kind)
    {
        var workload = Single<Workload>($$"""
            apiVersion: {{(kind == "Job" ? "batch/v1" : "apps/v1")}}
            kind: {{kind}}
            metadata: {name: web}
            spec:
              selector:
                matchLabels: {app: web}
                matchExpressions: [{key: tier, operator: NotIn, values: [db]}]
              template:
                metadata:
                  labels: {app: web, tier: front}
                spec:
            {{PodSpec}}
            """);

        Assert.Equal(kind, workload.GetType().Name);
        Assert.Equal("web", workload.Selector!.MatchLabels["app"]);
        Assert.Equal(SelectorOperator.NotIn, workload.Selector.MatchExpressions[0].Operator!.Value);
        Assert.Equal("front", workload.Template.Metadata.Labels["tier"]);

        var spec = workload.Template.Spec;
        Assert.Equal("vm1", spec.NodeName!.Value);
        Assert.True(spec.UsesHostNetwork);
        Assert.Equal("linux", spec.NodeSelector!.Value["kubernetes.io/os"]);
        Assert.Equal((TolerationOperator.Exists, TaintEffect.NoSchedule), (spec.Tolerations[0].Operator!.Value, spec.Tolerations[0].Effect!.Value));
        var required = Assert.Single(spec.Affinity!.NodeAffinity!.Required);
        Assert.Equal(new[] { "a", "b" }, required.MatchExpressions[0].Values.Select(v => v.Value));
        Assert.Equal(10, spec.Affinity.NodeAffinity.Preferred[0].Weight!.Value);
        Assert.Equal("kubernetes.io/hostname", spec.Affinity.PodAntiAffinity!.Required[0].TopologyKey!.Value);
        Assert.Equal(UnsatisfiableConstraintAction.DoNotSchedule, spec.TopologySpreadConstraints[0].WhenUnsatisfiable!.Value);
        Assert.Equal("Always", spec.InitContainers[0].RestartPolicy!.Value);
        Assert.Equal("target-health.elbv2.k8s.aws/web", Assert.Single(spec.ReadinessGates).Value);

        var container = Assert.Single(spec.Containers);
        Assert.Equal(("http", 8080, Protocol.Tcp), (container.Ports[0].Name!.Value, container.Ports[0].Number!.Value, container.Ports[0].EffectiveProtocol));
        Assert.Equal((Protocol.Udp, 53), (container.Ports[1].EffectiveProtocol, container.Ports[1].HostPort!.Value));
        Assert.Equal(ProbeHandler.HttpGet, container.ReadinessProbe!.Handler);
        Assert.Equal("http", container.ReadinessProbe.Port!.Value.Name);
        Assert.Equal("spec.template.spec.containers[0].readinessProbe.httpGet.port", container.ReadinessProbe.Port.Span.Path.ToString());
    }

    [Fact]
    public void Replica_counts_are_read_per_kind()
    {
        var set = Load("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: a}
            spec: {replicas: 6, selector: {matchLabels: {app: a}}, template: {}}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: b}
            spec: {replicas: 2, serviceName: b-headless, selector: {matchLabels: {app: b}}, template: {}}
            ---
            apiVersion: batch/v1
            kind: Job
            metadata: {name: c}
            spec: {parallelism: 3, completions: 9, template: {}}
            """);

        Assert.Empty(set.Diagnostics);
        Assert.Equal(6, set.OfKind<Deployment>().Single().Replicas!.Value);
        Assert.Equal("b-headless", set.OfKind<StatefulSet>().Single().ServiceName!.Value);
        Assert.Equal((3, 9), (set.OfKind<Job>().Single().Parallelism!.Value, set.OfKind<Job>().Single().Completions!.Value));
    }

    [Fact]
    public void A_pod_from_a_state_dump_has_its_placement_and_addresses()
    {
        var pod = Single<Pod>("""
            apiVersion: v1
            kind: Pod
            metadata: {name: test-pod, namespace: default}
            spec:
              nodeName: vm2
              containers: [{name: shell}]
            status:
              phase: Running
              hostIP: 10.65.94.199
              podIP: 10.42.1.4
              podIPs: [{ip: 10.42.1.4}]
              conditions:
              - {type: Ready, status: "True"}
            """);

        Assert.Equal("vm2", pod.Spec.NodeName!.Value);
        Assert.Equal(("Running", "10.42.1.4", "10.65.94.199"), (pod.Status.Phase!.Value, pod.Status.PodIP!.Value, pod.Status.HostIP!.Value));
        Assert.Equal("10.42.1.4", pod.Status.PodIPs[0].Value);
        Assert.Equal(("Ready", ConditionStatus.True), (pod.Status.Conditions[0].Type.Value, pod.Status.Conditions[0].Status!.Value));
    }
}
