using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Kubepath.Model;

namespace Kubepath.Manifests.Reading;

/// <summary>What every field read needs: the file, its line map, and where load diagnostics go.</summary>
internal sealed class ReadContext
{
    // The objects of a file mostly share their paths (every Service has spec.ports[0].port): each path is made once per
    // file and shared by every value at it, and a parent is then the same object for all its children, so a segment
    // is found by the parent's identity.
    private readonly Dictionary<(FieldPath Parent, string Name), FieldPath> keys = new(Segments.Instance);
    private readonly Dictionary<(FieldPath Parent, int Position), FieldPath> items = new(Segments.Instance);

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

    /// <summary>The path of the field <paramref name="name"/> of the object at <paramref name="parent"/>.</summary>
    public FieldPath Key(FieldPath parent, string name)
    {
        if (!keys.TryGetValue((parent, name), out var path))
        {
            keys.Add((parent, name), path = parent.Key(name));
        }

        return path;
    }

    /// <summary>The path of item <paramref name="position"/> of the list at <paramref name="parent"/>.</summary>
    public FieldPath Index(FieldPath parent, int position)
    {
        if (!items.TryGetValue((parent, position), out var path))
        {
            items.Add((parent, position), path = parent.Index(position));
        }

        return path;
    }

    /// <summary>The span of <c>[start, end)</c>, found under <paramref name="key"/> or at <paramref name="index"/> of <paramref name="parent"/> (or at <paramref name="parent"/> itself).</summary>
    public SourceSpan Span(int start, int end, FieldPath parent, string? key, int index) =>
        new(Lines, start, end, key is not null ? Key(parent, key) : index >= 0 ? Index(parent, index) : parent);

    private sealed class Segments : IEqualityComparer<(FieldPath Parent, string Name)>, IEqualityComparer<(FieldPath Parent, int Position)>
    {
        public static readonly Segments Instance = new();

        public bool Equals((FieldPath Parent, string Name) x, (FieldPath Parent, string Name) y) =>
            ReferenceEquals(x.Parent, y.Parent) && string.Equals(x.Name, y.Name, System.StringComparison.Ordinal);

        public int GetHashCode((FieldPath Parent, string Name) obj) =>
            (RuntimeHelpers.GetHashCode(obj.Parent) * 31) + System.StringComparer.Ordinal.GetHashCode(obj.Name);

        public bool Equals((FieldPath Parent, int Position) x, (FieldPath Parent, int Position) y) =>
            ReferenceEquals(x.Parent, y.Parent) && x.Position == y.Position;

        public int GetHashCode((FieldPath Parent, int Position) obj) => (RuntimeHelpers.GetHashCode(obj.Parent) * 31) + obj.Position;
    }
}
