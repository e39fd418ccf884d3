using System.Diagnostics;
using System.Text;
using Kubepath.Model;
using static Kubepath.Manifests.Tests.Manifest;

namespace Kubepath.Manifests.Tests.BadInput;

/// <summary>Each class of bad input gives its diagnostic at the exact place, and everything else still loads.</summary>
public class BadInputTests
{
    private const string GoodService = "apiVersion: v1\nkind: Service\nmetadata: {name: good}\nspec: {ports: [{port: 80}]}\n";

    [Fact]
    public void A_syntax_error_ends_only_its_own_document()
    {
        var set = Load(GoodService + "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: broken\n   bad: indent\n---\n" + GoodService.Replace("good", "after"));

        var error = SingleDiagnostic(set, LoadDiagnostics.YamlSyntax);
        Assert.Equal((10, 7), (error.Span.Start.Line, error.Span.Start.Column));
        Assert.Equal(new[] { "good", "after" }, set.Objects.Select(o => o.Name));
    }

    [Theory]
    [InlineData("just a string\n", "not a mapping")]
    [InlineData("- a\n- b\n", "not a mapping")]
    [InlineData("replicaCount: 3\nimage: nginx\n", "no apiVersion and kind")]
    [InlineData("apiVersion: v1\nmetadata: {name: x}\n", "no kind")]
    public void A_document_that_is_not_a_Kubernetes_object_is_reported(string yaml, string reason)
    {
        var set = Load(yaml);
        var diagnostic = SingleDiagnostic(set, LoadDiagnostics.NotAnObject);
        Assert.Contains(reason, diagnostic.Message);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Empty(set.Objects);
    }

    [Theory]
    [InlineData("port: eighty", "spec.ports[0].port: expected an integer, found the string \"eighty\"", 5, 18)]
    [InlineData("port: \"80\"", "spec.ports[0].port: expected an integer, found the string \"80\"; remove the quotes", 5, 18)]
    [InlineData("port: 80, name: 8080", "spec.ports[0].name: expected a string, found the number 8080; quote it (\"8080\") if the text is meant", 5, 28)]
    [InlineData("port: [80]", "spec.ports[0].port: expected an integer, found a list", 5, 18)]
    public void A_value_of_the_wrong_type_is_reported_and_read_as_absent(string port, string message, int line, int column)
    {
        var set = Load($"apiVersion: v1\nkind: Service\nmetadata: {{name: s}}\nspec:\n  ports: [{{{port}}}]\n");
        var diagnostic = SingleDiagnostic(set, LoadDiagnostics.WrongValueType);
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal((line, column), (diagnostic.Span.Start.Line, diagnostic.Span.Start.Column));
        Assert.Single(set.OfKind<Service>());
    }

    [Fact]
    public void A_label_value_YAML_reads_as_a_boolean_or_number_is_the_wrong_type()
    {
        var set = Load("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: lab\n  labels:\n    enabled: yes\n    version: 1.0\n    ok: \"true\"\n");
        var messages = set.Diagnostics.Where(d => d.Id == LoadDiagnostics.WrongValueType.Id).Select(d => d.Message).ToList();
        Assert.Equal(
            new[]
            {
                "metadata.labels.enabled: expected a string, found the boolean yes; quote it (\"yes\") if the text is meant",
                "metadata.labels.version: expected a string, found the number 1.0; quote it (\"1.0\") if the text is meant",
            },
            messages);
        Assert.Equal("true", set.Objects.Single().Metadata.Labels["ok"]);
    }

    [Fact]
    public void An_enum_value_outside_the_allowed_set_is_reported_with_the_value_meant()
    {
        var set = Load("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: NodePort\n  externalTrafficPolicy: local\n");
        var diagnostic = SingleDiagnostic(set, LoadDiagnostics.InvalidEnumValue);
        Assert.Equal("spec.externalTrafficPolicy: \"local\" is not valid; the API accepts Cluster, Local; did you mean Local? (values are case-sensitive)", diagnostic.Message);
        Assert.Equal("6:26-6:31 spec.externalTrafficPolicy", Where(diagnostic.Span));
        Assert.Null(set.OfKind<Service>().Single().Spec.ExternalTrafficPolicy);
    }

    [Fact]
    public void A_removed_apiVersion_is_reported_with_its_replacement_and_still_read()
    {
        var set = Load("apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: old}\nspec: {replicas: 2, template: {}}\n");
        var diagnostic = SingleDiagnostic(set, LoadDiagnostics.RemovedApiVersion);
        Assert.Equal("Deployment in extensions/v1beta1 is no longer served (removed in Kubernetes 1.16); use apps/v1", diagnostic.Message);
        Assert.Equal("1:13-1:31 apiVersion", Where(diagnostic.Span));
        Assert.Equal(2, set.OfKind<Deployment>().Single().Replicas!.Value);
    }

    [Fact]
    public void A_kind_under_an_apiVersion_that_never_served_it_is_reported()
    {
        var set = Load("apiVersion: v1\nkind: Deployment\nmetadata: {name: d}\n");
        Assert.Equal("Deployment is not served by apiVersion v1; use apps/v1", SingleDiagnostic(set, LoadDiagnostics.WrongApiVersion).Message);
        Assert.IsType<OpaqueObject>(set.Objects.Single());
    }

    [Fact]
    public void A_custom_resource_that_shares_a_core_kind_name_is_not_a_mistake()
    {
        var set = Load("apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: hello}\n");
        Assert.Empty(set.Diagnostics);
        Assert.IsType<OpaqueObject>(set.Objects.Single());
    }

    [Fact]
    public void A_Helm_template_is_reported_once_as_unrendered()
    {
        var set = Load("apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n{{- if .Values.lb }}\nspec:\n  type: LoadBalancer\n{{- end }}\n");
        var diagnostic = SingleDiagnostic(set, LoadDiagnostics.UnrenderedTemplate);
        Assert.Equal((4, 9), (diagnostic.Span.Start.Line, diagnostic.Span.Start.Column));
        Assert.DoesNotContain(set.Diagnostics, d => d.Id == LoadDiagnostics.YamlSyntax.Id);
        Assert.Empty(set.Objects);
    }

    [Fact]
    public void An_envsubst_placeholder_in_a_typed_field_is_reported_as_unrendered()
    {
        var set = Load("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: ${SERVICE_TYPE:-ClusterIP}\n");
        var diagnostic = SingleDiagnostic(set, LoadDiagnostics.UnrenderedTemplate);
        Assert.Equal("spec.type: \"${SERVICE_TYPE:-ClusterIP}\" is an unrendered template placeholder; lint the rendered manifests (helm template, envsubst, kustomize build)", diagnostic.Message);
        Assert.Single(set.Diagnostics);
    }

    [Fact]
    public void Template_syntax_inside_strings_is_ordinary_text()
    {
        var set = Load("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: alerts
              annotations:
                summary: "{{ $labels.instance }} is down"
                script: echo ${HOME}
            data:
              rule: |
                {{ range .Alerts }}{{ .Labels }}{{ end }}
            """);
        Assert.Empty(set.Diagnostics);
        Assert.Single(set.Objects);
    }

    [Fact]
    public void A_duplicate_key_is_reported_citing_the_first_and_the_first_value_is_kept()
    {
        var set = Load("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: NodePort\n  ports: [{port: 80}]\n  type: LoadBalancer\n");
        var diagnostic = SingleDiagnostic(set, LoadDiagnostics.DuplicateKey);
        Assert.Equal("7:3-7:7 ", Where(diagnostic.Span));
        Assert.Contains("first defined at line 5", diagnostic.Message);
        Assert.Equal(ServiceType.NodePort, set.OfKind<Service>().Single().Spec.EffectiveType);
    }

    [Fact]
    public void An_object_defined_twice_is_reported_at_the_second_citing_both_places()
    {
        var set = Load(GoodService + "---\n" + GoodService + "---\n" + GoodService.Replace("metadata: {name: good}", "metadata: {name: good, namespace: other}"));
        var diagnostic = SingleDiagnostic(set, LoadDiagnostics.DuplicateObject);
        Assert.Equal("Service default/good is defined more than once: first at test.yaml:3:18; the later definition replaces the earlier one when both are applied", diagnostic.Message);
        Assert.Equal(8, diagnostic.Span.Start.Line);
        Assert.Equal(3, set.Objects.Count);
    }

    [Fact]
    public void Invalid_UTF8_is_reported_at_the_first_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("apiVersion: v1\nkind: Namespace\nmetadata: {name: caf\u00e9").Concat(new byte[] { 0xC3, 0x28, (byte)'}', (byte)'\n' }).ToArray();
        var set = new ManifestLoader().LoadBytes("bad.yaml", bytes);
        var diagnostic = SingleDiagnostic(set, LoadDiagnostics.UnreadableFile);
        Assert.Equal((3, 22), (diagnostic.Span.Start.Line, diagnostic.Span.Start.Column));
        Assert.Contains("0xC3 is not valid UTF-8", diagnostic.Message);
    }

    [Fact]
    public void A_binary_file_is_reported_and_skipped()
    {
        var set = new ManifestLoader().LoadBytes("image.yaml", new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 0, 13 });
        Assert.Contains("not valid UTF-8", SingleDiagnostic(set, LoadDiagnostics.UnreadableFile).Message);
        Assert.Empty(set.Objects);
    }

    [Fact]
    public void UTF16_with_a_byte_order_mark_is_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("apiVersion: v1\nkind: Namespace\nmetadata: {name: wide}\n")).ToArray();
        var set = new ManifestLoader().LoadBytes("wide.yaml", bytes);
        Assert.Empty(set.Diagnostics);
        Assert.Equal("3:18-3:22 metadata.name", Where(set.Objects.Single().Metadata.Name!.Span));
    }

    [Fact]
    public void An_alias_bomb_is_stopped_within_bounded_time_and_the_next_document_still_loads()
    {
        // Twelve levels of ten aliases each: a billion laughs if expanded.
        var bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            bomb.Append($"  a{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))).Append("]\n");
        }

        var watch = Stopwatch.StartNew();
        var set = Load(bomb + "---\n" + GoodService);
        watch.Stop();

        Assert.Contains("alias bomb", SingleDiagnostic(set, LoadDiagnostics.InputLimit).Message);
        Assert.Equal("good", Assert.Single(set.Objects).Name);
        // A guard against hanging, not a speed target: expanded, this document would take hours.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Deep_nesting_is_stopped_at_the_depth_limit()
    {
        var deep = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: " + new string('[', 5000) + new string(']', 5000) + "\n---\n" + GoodService;
        var set = Load(deep);
        Assert.Contains("nested more than 256 levels", SingleDiagnostic(set, LoadDiagnostics.InputLimit).Message);
        Assert.Equal("good", Assert.Single(set.Objects).Name);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_reported_without_being_parsed()
    {
        var set = new ManifestLoader(new LoadLimits { MaxFileBytes = 64 }).LoadBytes("big.yaml", Encoding.UTF8.GetBytes(GoodService));
        Assert.Contains("over the 64-byte limit", SingleDiagnostic(set, LoadDiagnostics.InputLimit).Message);
        Assert.Empty(set.Objects);
    }

    [Fact]
    public void A_large_file_of_many_documents_loads_completely()
    {
        var big = new StringBuilder();
        for (var i = 0; i < 5_000; i++)
        {
            big.Append(GoodService.Replace("good", $"svc-{i}")).Append("---\n");
        }

        var set = Load(big.ToString());

        Assert.Equal(5_000, set.Objects.Count);
        Assert.Empty(set.Diagnostics);
        Assert.Equal((4_999 * 5) + 1, set.Objects[^1].Span.Start.Line);
    }

    [Fact]
    public void Many_broken_documents_are_each_reported_and_reading_stays_linear()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            text.Append("---\napiVersion: v1\nkind: Namespace\nmetadata: {name: [broken}\n");
        }

        var watch = Stopwatch.StartNew();
        var set = Load(text + "---\n" + GoodService);
        watch.Stop();

        Assert.Equal(20_000, set.Diagnostics.Count(d => d.Id == LoadDiagnostics.YamlSyntax.Id));
        Assert.Equal("good", Assert.Single(set.Objects).Name);

        // A guard against quadratic resumption, not a speed target.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }

    [Fact]
    public void An_alias_to_no_anchor_is_a_syntax_error_of_its_document_only()
    {
        var set = Load("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: *missing\n---\n" + GoodService);
        Assert.Contains("*missing refers to no anchor", SingleDiagnostic(set, LoadDiagnostics.YamlSyntax).Message);
        Assert.Equal("good", Assert.Single(set.Objects).Name);
    }

    [Fact]
    public void A_missing_path_is_reported_and_the_other_paths_still_load()
    {
        using var folder = new TemporaryFolder("kubepath-");
        var file = Path.Combine(folder.Path, "ok.yaml");
        File.WriteAllText(file, GoodService);
        var set = new ManifestLoader().Load("no/such/folder", file);
        Assert.Equal("no such file or folder: no/such/folder", SingleDiagnostic(set, LoadDiagnostics.PathNotFound).Message);
        Assert.Single(set.Objects);
    }

    [Fact]
    public void The_document_after_an_unclosed_bracket_still_loads()
    {
        var set = Load("apiVersion: v1\nkind: Namespace\nmetadata: {name: a, labels: [x\n---\n" + GoodService);
        Assert.Equal((4, 1), (SingleDiagnostic(set, LoadDiagnostics.YamlSyntax).Span.Start.Line, SingleDiagnostic(set, LoadDiagnostics.YamlSyntax).Span.Start.Column));
        Assert.Equal("good", Assert.Single(set.Objects).Name);
    }

    [Fact]
    public void Items_of_a_typed_list_under_a_removed_apiVersion_are_reported_at_the_list()
    {
        var set = Load("apiVersion: extensions/v1beta1\nkind: DeploymentList\nitems:\n- metadata: {name: a}\n---\n" + GoodService);
        var diagnostic = SingleDiagnostic(set, LoadDiagnostics.RemovedApiVersion);
        Assert.Equal((1, 13), (diagnostic.Span.Start.Line, diagnostic.Span.Start.Column));
        Assert.Equal(new[] { "a", "good" }, set.Objects.Select(o => o.Name));
    }

    [Theory]
    [InlineData("-_")]
    [InlineData("+_")]
    [InlineData("._")]
    [InlineData("-_e5")]
    public void Scalars_that_only_look_numeric_are_strings(string value)
    {
        var set = Load($"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n  labels: {{x: {value}}}\n");
        Assert.Empty(set.Diagnostics);
        Assert.Equal(value, set.Objects.Single().Metadata.Labels["x"]);
    }

    [Theory]
    [InlineData("0X1F", 31L)]
    [InlineData("0o17", 15L)]
    [InlineData("017", 15L)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("1_000", 1000L)]
    public void Integers_are_read_as_Go_reads_them(string text, long expected)
    {
        var peer = Single<BGPPeer>($"apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata: {{name: p}}\nspec: {{myASN: {text}, peerAddress: 192.0.2.1}}\n");
        Assert.Equal(expected, peer.MyASN!.Value);
    }

    [Fact]
    public void An_integer_too_large_for_64_bits_is_reported_not_wrapped()
    {
        var set = Load("apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata: {name: p}\nspec: {myASN: 20000000000000000000}\n");
        Assert.Equal("spec.myASN: expected an integer, found the number 20000000000000000000", SingleDiagnostic(set, LoadDiagnostics.WrongValueType).Message);
        Assert.Null(set.OfKind<BGPPeer>().Single().MyASN);
    }

    [Fact]
    public void A_syntax_error_is_not_blamed_on_template_text_inside_strings()
    {
        var set = Load("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alerts\n  annotations:\n    summary: \"Instance {{ $labels.instance }} down\"\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: x, labels: {a: b}\n");
        Assert.Equal(11, SingleDiagnostic(set, LoadDiagnostics.YamlSyntax).Span.Start.Line);
        Assert.DoesNotContain(set.Diagnostics, d => d.Id == LoadDiagnostics.UnrenderedTemplate.Id);
        Assert.Equal("alerts", Assert.Single(set.Objects).Name);
    }

    [Fact]
    public void What_a_document_found_before_its_syntax_error_is_still_reported()
    {
        var set = Load("apiVersion: v1\napiVersion: v1\nkind: Namespace\nmetadata: {name: [\n");
        Assert.Equal(2, SingleDiagnostic(set, LoadDiagnostics.DuplicateKey).Span.Start.Line);
        SingleDiagnostic(set, LoadDiagnostics.YamlSyntax);
    }

    [Fact]
    public void Valid_YAML_that_kubectl_refuses_loads_with_a_warning()
    {
        var set = Load("apiVersion: v1\nkind: Namespace\n\t\nmetadata: {name: tabbed}\n");
        var warning = SingleDiagnostic(set, LoadDiagnostics.YamlReaderDifference);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("kubectl", warning.Message);
        Assert.Equal("tabbed", Assert.Single(set.Objects).Name);
    }

    [Fact]
    public void An_anchor_before_a_block_mapping_does_not_move_its_indentation()
    {
        var set = Load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: anchored}\ndata: &x\n  a: \"multi\n    \tline\"\n");
        Assert.Empty(set.Diagnostics);
        Assert.Single(set.Objects);
    }

    [Fact]
    public void A_document_with_too_many_nodes_is_skipped()
    {
        var set = new ManifestLoader(new LoadLimits { MaxDocumentNodes = 50 }).LoadText("many.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: many}\ndata: [" + string.Join(", ", Enumerable.Repeat("a", 100)) + "]\n---\n" + GoodService);
        Assert.Contains("more than 50 nodes", SingleDiagnostic(set, LoadDiagnostics.InputLimit).Message);
        Assert.Equal("good", Assert.Single(set.Objects).Name);
    }
}
