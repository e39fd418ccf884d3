using System;

namespace Kubepath.Model;

/// <summary>
/// Where a value came from: the file, the start and end of its text (end exclusive), and the field path inside
/// its object (for example <c>spec.ports[1].targetPort</c>). A value type, like Roslyn's
/// <c>FileLinePositionSpan</c>: the loader creates one for every value it reads, so it costs no allocation,
/// and the path of a leaf value is only built when asked for.
/// </summary>
public readonly struct SourceSpan : IEquatable<SourceSpan>
{
    private readonly string? file;
    private readonly FieldPath? parent;
    private readonly string? key;
    private readonly int index;

    public SourceSpan(string file, SourcePosition start, SourcePosition end, FieldPath path)
        : this(file, start, end, path, null, -1)
    {
    }

    private SourceSpan(string file, SourcePosition start, SourcePosition end, FieldPath parent, string? key, int index)
    {
        this.file = file;
        Start = start;
        End = end;
        this.parent = parent;
        this.key = key;
        this.index = index;
    }

    public string File => file ?? string.Empty;

    public SourcePosition Start { get; }

    public SourcePosition End { get; }

    public FieldPath Path => parent is null ? FieldPath.Root : key is not null ? parent.Key(key) : index >= 0 ? parent.Index(index) : parent;

    /// <summary>The span of the value under <paramref name="name"/> of the object at <paramref name="parentPath"/>.</summary>
    public static SourceSpan OfKey(string file, SourcePosition start, SourcePosition end, FieldPath parentPath, string name) =>
        new(file, start, end, parentPath, name, -1);

    /// <summary>The span of item <paramref name="position"/> of the list at <paramref name="parentPath"/>.</summary>
    public static SourceSpan OfItem(string file, SourcePosition start, SourcePosition end, FieldPath parentPath, int position) =>
        new(file, start, end, parentPath, null, position);

    /// <summary>A span for a whole file, used by problems that have no better place (a file that cannot be read).</summary>
    public static SourceSpan StartOf(string file) =>
        new(file, new SourcePosition(1, 1, 0), new SourcePosition(1, 1, 0), FieldPath.Root);

    public static bool operator ==(SourceSpan left, SourceSpan right) => left.Equals(right);

    public static bool operator !=(SourceSpan left, SourceSpan right) => !left.Equals(right);

    public bool Equals(SourceSpan other) =>
        File == other.File && Start == other.Start && End == other.End && Path.Equals(other.Path);

    public override bool Equals(object? obj) => obj is SourceSpan other && Equals(other);

    public override int GetHashCode() => (File, Start, End).GetHashCode();

    public override string ToString() => $"{File}:{Start.Line}:{Start.Column}";
}
