namespace Kubepath.Model;

/// <summary>
/// A point in a source file: 1-based line and column (in UTF-16 code units, as SARIF and editors count them)
/// and the 0-based character offset into the file's text (after any byte order mark).
/// </summary>
public readonly record struct SourcePosition(int Line, int Column, int Offset)
{
    public override string ToString() => $"{Line}:{Column}";
}
