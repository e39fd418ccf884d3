namespace Kubepath.Model;

/// <summary>
/// Where a value came from: the file, the start and end of its text, and the field path inside its object
/// (for example <c>spec.ports[1].targetPort</c>). End is exclusive.
/// </summary>
public sealed record SourceSpan(string File, SourcePosition Start, SourcePosition End, FieldPath Path)
{
    /// <summary>A span for a whole file, used by problems that have no better place (a file that cannot be read).</summary>
    public static SourceSpan StartOf(string file) =>
        new(file, new SourcePosition(1, 1, 0), new SourcePosition(1, 1, 0), FieldPath.Root);

    public override string ToString() => $"{File}:{Start.Line}:{Start.Column}";
}
