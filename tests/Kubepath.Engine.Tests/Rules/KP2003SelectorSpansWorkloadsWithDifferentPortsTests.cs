namespace Kubepath.Engine.Tests.Rules;

public class KP2003SelectorSpansWorkloadsWithDifferentPortsTests
{
    private static string Workload(string kind, string name, string ports) => $$$"""
        apiVersion: apps/v1
        kind: {{{kind}}}
        metadata: {name: {{{name}}}}
        spec:
          selector: {matchLabels: {app: web, name: {{{name}}}}}
          template:
            metadata: {labels: {app: web, name: {{{name}}}}}
            spec: {containers: [{name: c, image: nginx, ports: {{{ports}}}}]}
        """;

    private const string Service = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{name: web, port: 80, targetPort: http}]}\n";

    [Fact]
    public void Names_each_workload_and_the_port_it_resolves_to()
    {
        var manifest = string.Join("\n---\n", Workload("Deployment", "web", "[{name: http, containerPort: 8080}]"), Workload("StatefulSet", "cache", "[{name: http, containerPort: 6379}]"), Service);

        var finding = Assert.Single(RuleExamples.Run("KP2003", manifest));

        Assert.Equal(
            "default/web port web: the selector matches the pods of 2 workloads, and targetPort http resolves to different container ports among them " +
            "(Deployment default/web → 8080, StatefulSet default/cache → 6379): connections to this one Service port are spread over all of them",
            finding.Message);
    }

    [Fact]
    public void The_live_pods_a_changed_workload_replaces_are_not_a_second_workload()
    {
        // The cluster runs web's pods with http on 80; the manifest moves it to 8080: after the rollout only 8080 serves.
        const string state = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web-5d8f-abcde, labels: {app: web, name: web}}
            spec: {nodeName: vm1, containers: [{name: c, image: nginx, ports: [{name: http, containerPort: 80}]}]}
            status: {podIP: 10.42.0.5, phase: Running}
            """;
        var manifest = string.Join("\n---\n", Workload("Deployment", "web", "[{name: http, containerPort: 8080}]"), Service);

        Assert.Empty(RuleExamples.Run("KP2003", manifest, state: state));
    }

    [Fact]
    public void Live_pods_no_manifest_workload_owns_still_count()
    {
        const string state = """
            apiVersion: v1
            kind: Pod
            metadata: {name: legacy, labels: {app: web}}
            spec: {nodeName: vm1, containers: [{name: c, image: nginx, ports: [{name: http, containerPort: 80}]}]}
            status: {podIP: 10.42.0.6, phase: Running}
            """;
        var manifest = string.Join("\n---\n", Workload("Deployment", "web", "[{name: http, containerPort: 8080}]"), Service);

        Assert.Contains("Pod default/legacy → 80", Assert.Single(RuleExamples.Run("KP2003", manifest, state: state)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_canary_serving_the_same_port_is_fine()
    {
        var manifest = string.Join("\n---\n", Workload("Deployment", "web", "[{name: http, containerPort: 8080}]"), Workload("Deployment", "web-canary", "[{name: http, containerPort: 8080}]"), Service);

        Assert.Empty(RuleExamples.Run("KP2003", manifest));
    }

    [Fact]
    public void A_name_declared_for_another_protocol_does_not_count()
    {
        var manifest = string.Join("\n---\n", Workload("Deployment", "web", "[{name: http, containerPort: 8080}]"), Workload("Deployment", "dns", "[{name: http, containerPort: 53, protocol: UDP}]"), Service);

        Assert.Empty(RuleExamples.Run("KP2003", manifest));
    }

    [Fact]
    public void Numeric_target_ports_are_left_to_KP2002()
    {
        var manifest = string.Join("\n---\n", Workload("Deployment", "web", "[{name: http, containerPort: 8080}]"), Workload("Deployment", "b", "[{name: http, containerPort: 9090}]"), Service.Replace("targetPort: http", "targetPort: 8080", StringComparison.Ordinal));

        Assert.Empty(RuleExamples.Run("KP2003", manifest));
    }
}
