using System.Collections.Generic;
using Kubepath.Model;

namespace Kubepath.Manifests.Reading;

/// <summary>What every field read needs: the file, its line map, and where load diagnostics go.</summary>
internal sealed class ReadContext
{
    private readonly FieldPaths paths;

    public ReadContext(SourceLines lines, List<Diagnostic> diagnostics, bool mayHavePlaceholders, bool checkFields = true, FieldPaths? paths = null)
    {
        this.paths = paths ?? new FieldPaths();
        Lines = lines;
        Diagnostics = diagnostics;
        MayHavePlaceholders = mayHavePlaceholders;
        CheckFields = checkFields;
    }

    /// <summary>Check objects against the API's fields (not for what the API server itself wrote: a state file).</summary>
    public bool CheckFields { get; }

    /// <summary>False when the file has no <c>{{</c> or <c>${</c> at all, so no value needs checking for one.</summary>
    public bool MayHavePlaceholders { get; }

    public SourceLines Lines { get; }

    public List<Diagnostic> Diagnostics { get; }

    /// <summary>The path of the field <paramref name="name"/> of the object at <paramref name="parent"/>.</summary>
    public FieldPath Key(FieldPath parent, string name) => paths.Key(parent, name);

    /// <summary>The path of item <paramref name="position"/> of the list at <paramref name="parent"/>.</summary>
    public FieldPath Index(FieldPath parent, int position) => paths.Index(parent, position);

    /// <summary>The span of <c>[start, end)</c>, found under <paramref name="key"/> or at <paramref name="index"/> of <paramref name="parent"/> (or at <paramref name="parent"/> itself).</summary>
    public SourceSpan Span(int start, int end, FieldPath parent, string? key, int index) =>
        new(Lines, start, end, key is not null ? Key(parent, key) : index >= 0 ? Index(parent, index) : parent);
}
