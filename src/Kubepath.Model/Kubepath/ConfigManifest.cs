using System;
using System.Collections.Generic;

namespace Kubepath.Model;

/// <summary>
/// Kubepath's settings file, <c>.kubepath.yaml</c> (<c>apiVersion: kubepath.io/v1alpha1</c>, <c>kind: Config</c>):
/// the profile, rule severities, paths to leave out and the Services that need the client's address.
/// schemas/config.schema.json describes it.
/// </summary>
public sealed record ConfigManifest : ManifestObject
{
    public override bool IsNamespaced => false;

    /// <summary>A built-in profile name or a ClusterProfile file (relative to the config file).</summary>
    public Field<string>? Profile { get; init; }

    /// <summary>A state file (kubectl get ... -o yaml), relative to the config file.</summary>
    public Field<string>? State { get; init; }

    /// <summary>Rule ID to <c>error</c>, <c>warning</c>, <c>info</c> or <c>off</c>.</summary>
    public Field<StringMap>? Rules { get; init; }

    /// <summary>Glob patterns (<c>*</c>, <c>**</c>, <c>?</c>) of files and folders to leave out, relative to the config file.</summary>
    public IReadOnlyList<Field<string>> Exclude { get; init; } = Array.Empty<Field<string>>();

    public IReadOnlyList<ServiceSelectorEntry> ClientIPRequired { get; init; } = Array.Empty<ServiceSelectorEntry>();
}

/// <summary>Services chosen by namespace, name and labels; a field left out matches every Service.</summary>
public sealed record ServiceSelectorEntry(Field<string>? Namespace, Field<string>? Name, Field<StringMap>? MatchLabels, SourceSpan Span);
