using System.Collections.Generic;
using Kubepath.Model;

namespace Kubepath.Manifests;

/// <summary>
/// Finds objects defined more than once (same API group, kind, namespace and name): applying both, the later
/// silently replaces the earlier, so which one the cluster runs depends on file order.
/// </summary>
internal static class DuplicateObjects
{
    /// <summary>What makes two objects the same object for the API server: group, kind, namespace and name.</summary>
    public static (string Group, string Kind, string Namespace, string? Name) Identity(ManifestObject obj) =>
        (obj.Group, obj.Kind.Value, obj.Namespace, obj.Metadata.Name?.Value);

    public static IEnumerable<Diagnostic> Find(IReadOnlyList<ManifestObject> objects)
    {
        var seen = new Dictionary<(string Group, string Kind, string Namespace, string? Name), ManifestObject>();
        foreach (var obj in objects)
        {
            if (obj.Metadata.Name is not { } name || name.Value.Length == 0)
            {
                continue;
            }

            var key = Identity(obj);
            if (seen.TryGetValue(key, out var first))
            {
                yield return LoadDiagnostics.DuplicateObject.At(
                    name.Span,
                    $"{obj.Kind.Value} {obj.QualifiedName} is defined more than once: first at {first.Metadata.Name!.Span}; the later definition replaces the earlier one when both are applied");
            }
            else
            {
                seen.Add(key, obj);
            }
        }
    }
}
