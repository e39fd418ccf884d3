using System;

namespace Kubepath.Model;

/// <summary>
/// A source file's name and where its lines start, turning character offsets into 1-based lines and columns.
/// Line breaks are LF, CRLF and CR, as YAML 1.2 defines them, so a file gives the same positions whatever its
/// line endings. Spans keep offsets and ask this for positions only when a report needs them.
/// </summary>
public sealed class SourceLines
{
    private static readonly char[] LineBreaks = { '\n', '\r' };

    private readonly int[] lineStarts;

    public SourceLines(string file, string text)
    {
        File = file;
        Length = text.Length;

        // Counted first, then filled: one array of the right size for every file a run reads.
        lineStarts = new int[LineBreakEnds(text, null) + 1];
        LineBreakEnds(text, lineStarts);
    }

    /// <summary>Counts the line breaks (LF, CRLF, CR), writing where each ends after a leading 0 when given an array.</summary>
    private static int LineBreakEnds(string text, int[]? starts)
    {
        var count = 0;
        var i = text.IndexOfAny(LineBreaks);
        while (i >= 0)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            count++;
            if (starts is not null)
            {
                starts[count] = i + 1;
            }

            i = i + 1 < text.Length ? text.IndexOfAny(LineBreaks, i + 1) : -1;
        }

        return count;
    }

    /// <summary>The file's display path (forward slashes).</summary>
    public string File { get; }

    public int LineCount => lineStarts.Length;

    /// <summary>The length of the text the lines were found in.</summary>
    public int Length { get; }

    public SourcePosition At(int offset)
    {
        offset = Math.Max(0, Math.Min(offset, Length));
        var line = Array.BinarySearch(lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new SourcePosition(line + 1, offset - lineStarts[line] + 1, offset);
    }

    /// <summary>The offset where 1-based <paramref name="line"/> starts.</summary>
    public int LineStart(int line) => lineStarts[Math.Max(0, Math.Min(line - 1, lineStarts.Length - 1))];

    /// <summary>The span of <c>[start, end)</c> at <paramref name="path"/>.</summary>
    public SourceSpan Span(int start, int end, FieldPath path) => new(this, start, end, path);
}
