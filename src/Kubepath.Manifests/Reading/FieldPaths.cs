using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Kubepath.Model;

namespace Kubepath.Manifests.Reading;

/// <summary>
/// The field paths values are read at, each made once and shared by every value at it: the objects of a file mostly
/// share their paths (every Service has spec.ports[0].port). A parent is then the same object for all its children, so
/// a segment is found by the parent's identity. One reader at a time.
/// </summary>
internal sealed class FieldPaths
{
    private readonly Dictionary<(FieldPath Parent, string Name), FieldPath> keys = new(Segments.Instance);
    private readonly Dictionary<(FieldPath Parent, int Position), FieldPath> items = new(Segments.Instance);

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
