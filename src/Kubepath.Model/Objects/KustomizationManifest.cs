using System;
using System.Collections.Generic;

namespace Kubepath.Model;

/// <summary>
/// A kustomization file (<c>kustomize.config.k8s.io/v1beta1 Kustomization</c>), read for one thing: the files it
/// applies as patches, which hold partial objects rather than whole ones.
/// </summary>
public sealed record KustomizationManifest : ManifestObject
{
    public override bool IsNamespaced => false;

    /// <summary><c>patchesStrategicMerge</c> entries and <c>patches[].path</c>, relative to the kustomization's folder.</summary>
    public IReadOnlyList<Field<string>> PatchPaths { get; init; } = Array.Empty<Field<string>>();
}
