using System.Collections.Generic;
using System.Linq;

namespace Kubepath.Model;

/// <summary>Everything loaded from a set of inputs: the files, the objects in input order, and the load diagnostics.</summary>
public sealed record ManifestSet(
    IReadOnlyList<SourceFile> Files,
    IReadOnlyList<ManifestObject> Objects,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The objects of a kind the cluster would hold: kustomize patches merged into another object are not.</summary>
    public IEnumerable<T> OfKind<T>()
        where T : ManifestObject => Objects.OfType<T>().Where(obj => !obj.IsMergedPatch);
}
