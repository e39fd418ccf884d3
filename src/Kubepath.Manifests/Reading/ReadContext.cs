using System.Collections.Generic;
using Kubepath.Model;

namespace Kubepath.Manifests.Reading;

/// <summary>What every field read needs: the file, its line map, and where load diagnostics go.</summary>
internal sealed class ReadContext
{
    public ReadContext(SourceLines lines, List<Diagnostic> diagnostics, bool mayHavePlaceholders, bool checkFields = true)
    {
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

    /// <summary>The span of <c>[start, end)</c>, found under <paramref name="key"/> or at <paramref name="index"/> of <paramref name="parent"/> (or at <paramref name="parent"/> itself).</summary>
    public SourceSpan Span(int start, int end, FieldPath parent, string? key, int index) =>
        key is not null ? SourceSpan.OfKey(Lines, start, end, parent, key)
            : index >= 0 ? SourceSpan.OfItem(Lines, start, end, parent, index)
            : new SourceSpan(Lines, start, end, parent);
}
