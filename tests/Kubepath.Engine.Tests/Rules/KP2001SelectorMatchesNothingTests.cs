namespace Kubepath.Engine.Tests.Rules;

public class KP2001SelectorMatchesNothingTests
{
    private const string Workload = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {app: frontend}}
        spec:
          selector: {matchLabels: {app: web, tier: front}}
          template:
            metadata: {labels: {app: web, tier: front}}
            spec: {containers: [{name: web, image: nginx}]}
        ---

        """;

    [Fact]
    public void A_workload_one_label_away_is_named()
    {
        var finding = Assert.Single(RuleExamples.Run("KP2001", Workload + """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {clusterIP: 10.43.0.7, selector: {app: web, tier: back}, ports: [{port: 80}]}
            """));

        Assert.Equal("default/web's selector app=web,tier=back matches no pod or pod template of the given manifests in namespace default (Deployment default/web has app=web, tier=front): it has no endpoints, and kube-proxy rejects connections to 10.43.0.7 (\"default/web has no endpoints\")", finding.Message);
    }

    [Fact]
    public void Another_namespace_does_not_count_and_a_namespace_without_workloads_says_nothing()
    {
        const string Service = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: other}
            spec: {selector: {app: web}, ports: [{port: 80}]}
            """;

        Assert.Empty(RuleExamples.Run("KP2001", Service));
        Assert.Empty(RuleExamples.Run("KP2001", Workload + Service));
    }

    [Fact]
    public void Matching_the_workloads_own_labels_instead_of_its_template_is_caught()
    {
        Assert.Single(RuleExamples.Run("KP2001", Workload + """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {selector: {app: frontend}, ports: [{port: 80}]}
            """));
    }
}
