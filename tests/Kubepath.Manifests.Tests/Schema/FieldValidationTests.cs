using static Kubepath.Manifests.Tests.Manifest;

namespace Kubepath.Manifests.Tests.Schema;

/// <summary>
/// Objects are checked against the API's fields as the API server's strict field validation does: unknown fields
/// with the field meant, values of the wrong shape, missing required fields, each at its exact position.
/// </summary>
public class FieldValidationTests
{
    [Fact]
    public void An_unknown_field_is_reported_at_its_key_with_the_field_meant()
    {
        var set = Load("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  externalTrafficPolcy: Local\n  ports: [{port: 80}]\n");

        var diagnostic = SingleDiagnostic(set, LoadDiagnostics.UnknownField);
        Assert.Equal("spec.externalTrafficPolcy: unknown field \"externalTrafficPolcy\"; did you mean externalTrafficPolicy? (the API server refuses it under strict field validation)", diagnostic.Message);
        Assert.Equal("5:3-5:23 spec.externalTrafficPolcy", Where(diagnostic.Span));
        Assert.Single(set.OfKind<Kubepath.Model.Service>());
    }

    [Fact]
    public void Unknown_fields_are_found_at_any_depth_and_in_lists()
    {
        var set = Load("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, lables: {app: web}}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    image: nginx
                    ports: [{containerPort: 80, protocl: TCP}]
            """);

        Assert.Equal(
            ["3:23 metadata.lables: unknown field \"lables\"; did you mean labels? (the API server refuses it under strict field validation)",
             "12:37 spec.template.spec.containers[0].ports[0].protocl: unknown field \"protocl\"; did you mean protocol? (the API server refuses it under strict field validation)"],
            set.Diagnostics.Select(d => $"{d.Span.Start.Line}:{d.Span.Start.Column} {d.Message}"));
    }

    [Fact]
    public void A_missing_required_field_is_reported_on_the_object_that_lacks_it()
    {
        var set = Load("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - name: http\n    targetPort: 8080\n");

        var diagnostic = SingleDiagnostic(set, LoadDiagnostics.MissingRequiredField);
        Assert.Equal("spec.ports[0]: missing required field \"port\"", diagnostic.Message);
        Assert.Equal(6, diagnostic.Span.Start.Line);
    }

    [Fact]
    public void Values_of_fields_Kubepath_does_not_read_are_still_type_checked()
    {
        var set = Load("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  terminationGracePeriodSeconds: \"30\"\n  containers: [{name: c, image: nginx, tty: maybe}]\n");

        Assert.Equal(
            ["5:34 KP9003 spec.terminationGracePeriodSeconds: expected an integer, found the string \"30\"",
             "6:45 KP9003 spec.containers[0].tty: expected a boolean, found the string \"maybe\""],
            set.Diagnostics.Select(d => $"{d.Span.Start.Line}:{d.Span.Start.Column} {d.Id} {d.Message}"));
    }

    [Fact]
    public void A_value_the_reader_reported_is_not_reported_again()
    {
        var set = Load("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: eighty}]\n");

        Assert.Single(set.Diagnostics);
    }

    [Fact]
    public void Int_or_string_quantities_maps_and_free_form_fields_accept_what_the_API_accepts()
    {
        var set = Load("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p, annotations: {a: b}}
            spec:
              containers:
              - name: c
                resources: {limits: {cpu: 500m, memory: 1}}
                livenessProbe: {httpGet: {port: http}}
                readinessProbe: {tcpSocket: {port: 8080}}
              nodeSelector: {disk: ssd}
            """);

        Assert.Empty(set.Diagnostics);
    }

    [Fact]
    public void MetalLB_objects_are_checked_against_their_CRDs()
    {
        var set = Load("apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: p, namespace: metallb-system}\nspec:\n  adresses: [192.0.2.0/28]\n");

        Assert.Equal(
            ["5:3 KP9015 spec.adresses: unknown field \"adresses\"; did you mean addresses? (the API server refuses it under strict field validation)",
             "5:3 KP9016 spec: missing required field \"addresses\""],
            set.Diagnostics.Select(d => $"{d.Span.Start.Line}:{d.Span.Start.Column} {d.Id} {d.Message}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_served_version_has_its_own_fields()
    {
        const string Peer = "kind: BGPPeer\nmetadata: {name: p}\nspec: {myASN: 64512, peerASN: 64513, peerAddress: 192.0.2.1, vrf: red}\n";

        Assert.Empty(Load("apiVersion: metallb.io/v1beta2\n" + Peer).Diagnostics);
        Assert.Equal("spec.vrf: unknown field \"vrf\" (the API server refuses it under strict field validation)", SingleDiagnostic(Load("apiVersion: metallb.io/v1beta1\n" + Peer), LoadDiagnostics.UnknownField).Message);
    }

    [Fact]
    public void Kinds_without_a_schema_and_unserved_apiVersions_are_not_checked()
    {
        Assert.Empty(Load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nanything: [1, 2]\n").Diagnostics);
        Assert.DoesNotContain(Load("apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: d}\nspec: {oldField: 1}\n").Diagnostics, d => d.Id == LoadDiagnostics.UnknownField.Id);
    }

    [Fact]
    public void Kustomize_patches_are_partial_objects_and_need_no_required_fields()
    {
        using var folder = new TemporaryFolder("kubepath-kustomize-");
        var root = folder.Path;
        const string partial = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 3}\n";
        File.WriteAllText(Path.Combine(root, "kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\npatchesStrategicMerge: [replicas.yaml]\npatches: [{path: more.yaml}]\n");
        File.WriteAllText(Path.Combine(root, "replicas.yaml"), partial);
        File.WriteAllText(Path.Combine(root, "more.yaml"), partial.Replace("web", "api", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(root, "speaker-patch.yaml"), partial.Replace("web", "speaker", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(root, "directive.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: gone}\n$patch: delete\n");
        File.WriteAllText(Path.Combine(root, "whole.yaml"), partial.Replace("web", "whole", StringComparison.Ordinal));

        var set = new ManifestLoader().Load(root);

        var diagnostic = Assert.Single(set.Diagnostics);
        Assert.EndsWith("whole.yaml", diagnostic.Span.File, StringComparison.Ordinal);
        Assert.Equal("spec: missing required fields \"selector\", \"template\"", diagnostic.Message);
    }

    [Fact]
    public void A_patch_of_an_object_among_the_inputs_is_neither_a_duplicate_nor_an_object_of_its_own()
    {
        using var folder = new TemporaryFolder("kubepath-kustomize-base-");
        var root = folder.Path;
        File.WriteAllText(Path.Combine(root, "kustomization.yaml"), "resources: [service.yaml]\npatches: [{path: lb.yaml}]\n");
        File.WriteAllText(Path.Combine(root, "service.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n");
        File.WriteAllText(Path.Combine(root, "lb.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {type: LoadBalancer}\n");
        // A patch whose object is not among the inputs stays: it is all Kubepath has of that object.
        File.WriteAllText(Path.Combine(root, "other-patch.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: elsewhere}\nspec: {type: NodePort}\n");

        var set = new ManifestLoader().Load(root);

        Assert.Empty(set.Diagnostics);
        Assert.Equal(
            ["elsewhere other-patch.yaml", "web service.yaml"],
            set.OfKind<Kubepath.Model.Service>().Select(s => s.Name + " " + Path.GetFileName(s.Span.File)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_patch_directive_anywhere_makes_the_document_a_patch_and_a_headerless_kustomization_is_still_read()
    {
        using var folder = new TemporaryFolder("kubepath-patches-");
        var root = folder.Path;
        Directory.CreateDirectory(Path.Combine(root, "overlay"));
        File.WriteAllText(Path.Combine(root, "overlay", "kustomization.yaml"), "resources: [../base]\npatchesStrategicMerge: [./replicas.yaml]\n");
        File.WriteAllText(Path.Combine(root, "overlay", "replicas.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 3}\n");
        File.WriteAllText(Path.Combine(root, "deep.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: deep}\nspec:\n  template:\n    spec:\n      containers:\n      - {name: old, $patch: delete}\n");

        var set = new ManifestLoader().Load(root);

        Assert.Empty(set.Diagnostics);
        Assert.Single(set.OfKind<Kubepath.Model.KustomizationManifest>());
    }

    [Fact]
    public void Whole_numbers_written_as_floats_are_integers_as_kubectl_sends_them()
    {
        Assert.Empty(Load("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {terminationGracePeriodSeconds: 30.0, containers: [{name: c}]}\n").Diagnostics);
        Assert.Single(Load("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {terminationGracePeriodSeconds: 30.5, containers: [{name: c}]}\n").Diagnostics);
    }

    [Fact]
    public void A_key_repeated_through_an_anchor_is_reported_once_and_a_huge_key_gets_no_suggestion()
    {
        var set = Load("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - &c {name: a, imag: nginx}\n  - *c\n");
        Assert.Single(set.Diagnostics, d => d.Id == LoadDiagnostics.UnknownField.Id);

        var huge = new string('x', 100_000);
        var diagnostic = SingleDiagnostic(Load("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {" + huge + ": 1}\n"), LoadDiagnostics.UnknownField);
        Assert.DoesNotContain("did you mean", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void State_files_written_by_the_API_server_are_not_field_checked_and_an_explicit_null_is_present()
    {
        const string Slice = "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: s}\naddressType: IPv4\nendpoints: null\nfutureField: 1\n";

        Assert.Equal([LoadDiagnostics.UnknownField.Id], Load(Slice).Diagnostics.Select(d => d.Id));
        Assert.Empty(new ManifestLoader(checkFields: false).LoadText("state.yaml", Slice).Diagnostics);
    }

    [Fact]
    public void A_kubeconfig_is_not_taken_for_a_misspelt_Kubepath_setting()
    {
        Assert.Empty(Load("apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\n").Diagnostics);
    }

    [Fact]
    public void The_settings_file_is_checked_too()
    {
        var diagnostic = SingleDiagnostic(Load("apiVersion: kubepath.io/v1alpha1\nkind: Config\nexlude: [charts]\nrules: {KP1006: off}\n"), LoadDiagnostics.UnknownField);
        Assert.StartsWith("exlude: unknown field \"exlude\"; did you mean exclude?", diagnostic.Message, StringComparison.Ordinal);
    }
}
