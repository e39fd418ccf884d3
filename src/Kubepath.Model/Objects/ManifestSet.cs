using System.Collections.Generic;
using System.Linq;

namespace Kubepath.Model;

/// <summary>Everything loaded from a set of inputs: the files, the objects in input order, and the load diagnostics.</summary>
public sealed record ManifestSet(
    IReadOnlyList<SourceFile> Files,
    IReadOnlyList<ManifestObject> Objects,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public IEnumerable<T> OfKind<T>()
        where T : ManifestObject => Objects.OfType<T>();
}
