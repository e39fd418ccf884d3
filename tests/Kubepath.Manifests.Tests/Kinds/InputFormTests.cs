using System.Text;
using Kubepath.Model;
using static Kubepath.Manifests.Tests.Manifest;

namespace Kubepath.Manifests.Tests.Kinds;

/// <summary>The shapes input comes in: streams of documents, lists, JSON, folders, standard input.</summary>
public class InputFormTests
{
    [Fact]
    public void A_multi_document_stream_loads_every_document_in_order()
    {
        var set = Load("---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n...\n---\n# only a comment\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n");
        Assert.Empty(set.Diagnostics);
        Assert.Equal(new[] { "a", "b" }, set.Objects.Select(o => o.Name));
        Assert.Equal(new[] { 2, 9 }, set.Objects.Select(o => o.Span.Start.Line));
    }

    [Fact]
    public void A_kubectl_List_loads_its_items_as_objects_with_their_own_spans()
    {
        var set = Load("""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Service
              metadata: {name: a}
              spec: {ports: [{port: 80}]}
            - apiVersion: apps/v1
              kind: Deployment
              metadata: {name: b}
              spec: {selector: {matchLabels: {app: b}}, template: {}}
            """);

        Assert.Empty(set.Diagnostics);
        Assert.Equal(new[] { "Service", "Deployment" }, set.Objects.Select(o => o.Kind.Value));
        var service = set.OfKind<Service>().Single();
        Assert.Equal("7:25-7:27 spec.ports[0].port", Where(service.Spec.Ports[0].Port!.Span));
        Assert.Equal(4, service.Span.Start.Line);
    }

    [Fact]
    public void Items_of_a_typed_list_take_their_kind_from_the_list()
    {
        var set = Load("apiVersion: v1\nkind: ServiceList\nitems:\n- metadata: {name: a}\n  spec: {type: NodePort}\n");
        Assert.Empty(set.Diagnostics);
        var service = Assert.Single(set.OfKind<Service>());
        Assert.Equal(("v1", ServiceType.NodePort), (service.ApiVersion.Value, service.Spec.EffectiveType));
    }

    [Fact]
    public void JSON_manifests_load_with_positions()
    {
        var set = new ManifestLoader().LoadText("svc.json", "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Service\",\n  \"metadata\": {\"name\": \"j\"},\n  \"spec\": {\"ports\": [{\"port\": 443, \"targetPort\": \"https\"}]}\n}\n");
        Assert.Empty(set.Diagnostics);
        var port = set.OfKind<Service>().Single().Spec.Ports[0];
        Assert.Equal(443, port.Port!.Value);
        Assert.Equal("5:50-5:57 spec.ports[0].targetPort", Where(port.TargetPort!.Span));
    }

    [Fact]
    public void YAML_merge_keys_are_honoured_as_kubectl_does()
    {
        var service = Single<Service>("""
            apiVersion: v1
            kind: Service
            metadata: {name: merged}
            spec:
              ports:
              - &http {name: http, port: 80, protocol: TCP}
              - <<: *http
                name: alt
                port: 8080
            """);

        Assert.Equal(("alt", 8080, Protocol.Tcp), (service.Spec.Ports[1].Name!.Value, service.Spec.Ports[1].Port!.Value, service.Spec.Ports[1].EffectiveProtocol));
    }

    [Fact]
    public void Merge_keys_apply_in_document_order_as_go_yaml_does()
    {
        var ns = Single<Namespace>("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: merged
              labels:
                a: own
                <<: {a: merged, b: merged}
                <<: [{c: first}, {c: second, d: second}]
                b: own
            """);

        var labels = ns.Metadata.Labels;
        Assert.Equal(("merged", "own", "first", "second"), (labels["a"], labels["b"], labels["c"], labels["d"]));
        Assert.Equal(4, labels.Count);
    }

    [Fact]
    public void A_merge_key_with_something_other_than_mappings_is_reported()
    {
        var set = Load("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: m\n  labels:\n    <<: 5\n    a: b\n");
        var diagnostic = Assert.Single(set.Diagnostics);
        Assert.Equal((LoadDiagnostics.WrongValueType.Id, 6, 9), (diagnostic.Id, diagnostic.Span.Start.Line, diagnostic.Span.Start.Column));
        Assert.Equal("b", set.Objects.Single().Metadata.Labels["a"]);
    }

    [Fact]
    public void A_folder_loads_yaml_yml_and_json_recursively_in_path_order_skipping_hidden_folders()
    {
        using var folder = new TemporaryFolder("kubepath-");
        var root = folder.Path;
        Directory.CreateDirectory(Path.Combine(root, "b"));
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        File.WriteAllText(Path.Combine(root, "b", "z.yml"), Namespace("z"));
        File.WriteAllText(Path.Combine(root, "a.yaml"), Namespace("a"));
        File.WriteAllText(Path.Combine(root, "c.json"), "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"c\"}}");
        File.WriteAllText(Path.Combine(root, "notes.txt"), "not: a manifest");
        File.WriteAllText(Path.Combine(root, ".git", "x.yaml"), Namespace("hidden"));

        var set = new ManifestLoader().Load(root);

        Assert.Empty(set.Diagnostics);
        Assert.Equal(new[] { "a", "z", "c" }, set.Objects.Select(o => o.Name));
        Assert.All(set.Files, f => Assert.DoesNotContain('\\', f.Path));
    }

    [Fact]
    public void Standard_input_is_read_when_the_path_is_a_dash()
    {
        var loader = new ManifestLoader(openStandardInput: () => new MemoryStream(Encoding.UTF8.GetBytes(Namespace("from-stdin"))));
        var set = loader.Load(ManifestLoader.StandardInput);
        Assert.Equal("from-stdin", Assert.Single(set.Objects).Name);
        Assert.Equal("<stdin>", set.Objects[0].Span.File);
    }

    [Fact]
    public void Standard_input_is_read_once_however_often_the_dash_is_given()
    {
        var opened = 0;
        var loader = new ManifestLoader(openStandardInput: () =>
        {
            opened++;
            return new MemoryStream(Encoding.UTF8.GetBytes(Namespace("from-stdin")));
        })
        { UseEveryCore = true };

        var set = loader.Load(ManifestLoader.StandardInput, ManifestLoader.StandardInput);

        Assert.Equal(1, opened);
        Assert.Equal("from-stdin", Assert.Single(set.Objects).Name);
    }

    private static string Namespace(string name) => $"apiVersion: v1\nkind: Namespace\nmetadata: {{name: {name}}}\n";
}
