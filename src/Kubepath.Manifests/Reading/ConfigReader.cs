using Kubepath.Model;

namespace Kubepath.Manifests.Reading;

/// <summary>Kubepath's settings file (kubepath.io/v1alpha1 Config, usually <c>.kubepath.yaml</c>).</summary>
internal static class ConfigReader
{
    public static ManifestObject Read(Node node, Field<string> apiVersion, Field<string> kind, ObjectMeta metadata) => new ConfigManifest
    {
        ApiVersion = apiVersion, Kind = kind, Metadata = metadata, Span = node.Span,
        Profile = node.String("profile"),
        State = node.String("state"),
        Rules = node.StringMap("rules", checkTemplates: false, anyScalar: true),
        Exclude = node.Strings("exclude"),
        ClientIPRequired = node.Mappings("clientIPRequired", item => new ServiceSelectorEntry(item.String("namespace"), item.String("name"), item.StringMap("matchLabels"), item.Span)),
    };
}
