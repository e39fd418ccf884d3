using System;

namespace Kubepath.Model;

/// <summary>
/// Where a value came from: the file, the start and end of its text (end exclusive), and the field path inside
/// its object (for example <c>spec.ports[1].targetPort</c>). A small value type holding offsets: the loader makes
/// one for every value it reads (sharing each path among the objects of a file), and lines and columns are worked out
/// only when a report asks for them.
/// </summary>
public readonly struct SourceSpan : IEquatable<SourceSpan>
{
    private readonly SourceLines? lines;
    private readonly FieldPath? path;

    public SourceSpan(SourceLines lines, int start, int end, FieldPath path)
    {
        this.lines = lines;
        StartOffset = start;
        EndOffset = Math.Max(start, end);
        this.path = path;
    }

    public string File => lines?.File ?? string.Empty;

    public int StartOffset { get; }

    public int EndOffset { get; }

    public SourcePosition Start => lines?.At(StartOffset) ?? new SourcePosition(1, 1, 0);

    public SourcePosition End => lines?.At(EndOffset) ?? new SourcePosition(1, 1, 0);

    public FieldPath Path => path ?? FieldPath.Root;

    /// <summary>A span for a whole file, used by problems that have no better place (a file that cannot be read).</summary>
    public static SourceSpan StartOf(string file) => new(new SourceLines(file, string.Empty), 0, 0, FieldPath.Root);

    public static bool operator ==(SourceSpan left, SourceSpan right) => left.Equals(right);

    public static bool operator !=(SourceSpan left, SourceSpan right) => !left.Equals(right);

    public bool Equals(SourceSpan other) =>
        File == other.File && StartOffset == other.StartOffset && EndOffset == other.EndOffset && Path.Equals(other.Path);

    public override bool Equals(object? obj) => obj is SourceSpan other && Equals(other);

    public override int GetHashCode() => (File, StartOffset, EndOffset).GetHashCode();

    public override string ToString()
    {
        var start = Start;
        return $"{File}:{start.Line}:{start.Column}";
    }
}
