using System.Linq;
using Kubepath.Model;

namespace Kubepath.Manifests.Tests;

/// <summary>Test helpers: load a manifest written inline, and find what came out of it.</summary>
internal static class Manifest
{
    public const string FileName = "test.yaml";

    public static ManifestSet Load(string yaml) => new ManifestLoader().LoadText(FileName, yaml);

    public static T Single<T>(string yaml)
        where T : ManifestObject
    {
        var set = Load(yaml);
        Assert.Empty(set.Diagnostics);
        return Assert.Single(set.OfKind<T>());
    }

    public static Diagnostic SingleDiagnostic(ManifestSet set, LoadDiagnosticDescriptor descriptor)
    {
        var matching = set.Diagnostics.Where(d => d.Id == descriptor.Id).ToList();
        Assert.True(matching.Count == 1, $"expected one {descriptor.Id}, got: {string.Join("; ", set.Diagnostics)}");
        return matching[0];
    }

    /// <summary>Asserts a span as "line:column-line:column path".</summary>
    public static string Where(SourceSpan span) =>
        $"{span.Start.Line}:{span.Start.Column}-{span.End.Line}:{span.End.Column} {span.Path}";
}
