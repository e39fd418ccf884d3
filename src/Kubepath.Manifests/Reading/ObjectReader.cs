using System.Linq;
using System.Collections.Generic;
using Kubepath.Manifests.Yaml;
using Kubepath.Model;

namespace Kubepath.Manifests.Reading;

/// <summary>
/// Turns one document's root node into model objects: one object, the items of a <c>kind: List</c> (or a
/// kubectl <c>*List</c>), or a KP9002 when the document is not a Kubernetes object.
/// </summary>
internal static class ObjectReader
{
    public static void Read(ReadContext context, YamlDocument document, List<ManifestObject> objects)
    {
        var node = new Node(context, document.Tree, document.Root, FieldPath.Root);
        if (!node.IsMapping)
        {
            if (node.Exists)
            {
                node.Report(LoadDiagnostics.NotAnObject, "this document is not a Kubernetes object (it is not a mapping with apiVersion and kind)");
            }

            return;
        }

        ReadObject(node, inheritedApiVersion: null, inheritedKind: null, objects);
    }

    private const string KustomizationApiVersion = "kustomize.config.k8s.io/v1beta1";

    private static bool IsKustomizationFile(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name is "kustomization.yaml" or "kustomization.yml" or "Kustomization";
    }

    /// <summary>Reports at the apiVersion, which a typed List's items inherit from the list.</summary>
    private static void Report(Node node, Field<string> apiVersion, LoadDiagnosticDescriptor descriptor, string message) =>
        node.Context.Diagnostics.Add(descriptor.At(apiVersion.Span, message));

    private static void ReadObject(Node node, Field<string>? inheritedApiVersion, string? inheritedKind, List<ManifestObject> objects)
    {
        var apiVersion = node.String("apiVersion") ?? inheritedApiVersion;
        var kind = node.String("kind") ?? (inheritedKind is null ? null : new Field<string>(inheritedKind, node.Span));
        if ((apiVersion is null || kind is null) && IsKustomizationFile(node.Context.Lines.File))
        {
            // kustomize reads kustomization.yaml whether or not it says what it is.
            apiVersion ??= new Field<string>(KustomizationApiVersion, node.Span);
            kind ??= new Field<string>("Kustomization", node.Span);
        }

        if (apiVersion is null || kind is null)
        {
            var missing = apiVersion is null && kind is null ? "apiVersion and kind" : apiVersion is null ? "apiVersion" : "kind";
            node.Report(LoadDiagnostics.NotAnObject, $"this document is not a Kubernetes object: it has no {missing}");
            return;
        }

        if (kind.Value.EndsWith("List", System.StringComparison.Ordinal) && node.Has("items"))
        {
            // kubectl get -o yaml prints kind: List; the API's typed lists (ServiceList) leave kind off their items.
            var itemKind = kind.Value == "List" ? null : kind.Value.Substring(0, kind.Value.Length - 4);
            foreach (var item in node.Items("items"))
            {
                if (item.IsMapping)
                {
                    ReadObject(item.Rebase(), itemKind is null ? null : apiVersion, itemKind, objects);
                }
                else if (item.Exists)
                {
                    item.Report(LoadDiagnostics.NotAnObject, $"{item.Path}: a list item must be an object");
                }
            }

            return;
        }

        var resolution = KindCatalog.Resolve(apiVersion.Value, kind.Value);
        if (resolution.RemovedReplacement is not null)
        {
            Report(node, apiVersion,
                LoadDiagnostics.RemovedApiVersion,
                $"{kind.Value} in {apiVersion.Value} is no longer served ({resolution.Removal}); use {resolution.RemovedReplacement}");
        }
        else if (resolution.ServedVersion is not null)
        {
            Report(node, apiVersion,
                LoadDiagnostics.WrongApiVersion,
                $"{kind.Value} is not served by apiVersion {apiVersion.Value}; use {resolution.ServedVersion}");
        }

        var metadata = CommonReaders.Metadata(node.Map("metadata"));
        objects.Add(resolution.Kind switch
        {
            ModelKind.Service => CoreReaders.Service(node, apiVersion, kind, metadata),
            ModelKind.Pod => CoreReaders.Pod(node, apiVersion, kind, metadata),
            ModelKind.Node => CoreReaders.Node(node, apiVersion, kind, metadata),
            ModelKind.Namespace => new Namespace { ApiVersion = apiVersion, Kind = kind, Metadata = metadata, Span = node.Span },
            ModelKind.Deployment or ModelKind.StatefulSet or ModelKind.DaemonSet or ModelKind.ReplicaSet or ModelKind.Job =>
                WorkloadReaders.Workload(resolution.Kind, node, apiVersion, kind, metadata),
            ModelKind.EndpointSlice => CoreReaders.EndpointSlice(node, apiVersion, kind, metadata),
            ModelKind.IPAddressPool or ModelKind.L2Advertisement or ModelKind.BGPAdvertisement or ModelKind.Community
                or ModelKind.BGPPeer or ModelKind.BFDProfile => MetalLBReaders.Read(resolution.Kind, node, apiVersion, kind, metadata),
            ModelKind.ClusterProfile => ProfileReader.Read(node, apiVersion, kind, metadata),
            ModelKind.Config => ConfigReader.Read(node, apiVersion, kind, metadata),
            ModelKind.Kustomization => new KustomizationManifest
            {
                ApiVersion = apiVersion, Kind = kind, Metadata = metadata, Span = node.Span,
                PatchPaths = node.Strings("patchesStrategicMerge").Concat(node.Items("patches").Where(patch => patch.IsMapping).Select(patch => patch.String("path")).OfType<Field<string>>()).ToList(),
            },
            _ => new OpaqueObject { ApiVersion = apiVersion, Kind = kind, Metadata = metadata, Span = node.Span },
        });

        // Validated as written: an apiVersion that is not served is reported above, and its fields are not this schema's.
        if (node.Context.CheckFields && resolution.RemovedReplacement is null && resolution.ServedVersion is null && FieldCatalog.Instance.RootOf(apiVersion.Value, kind.Value) is { } schema)
        {
            node.CheckFields(schema, FieldCatalog.Instance);
        }
    }
}
