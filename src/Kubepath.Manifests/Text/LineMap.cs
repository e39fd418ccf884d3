using System.Collections.Generic;
using Kubepath.Model;

namespace Kubepath.Manifests.Text;

/// <summary>
/// Turns character offsets into 1-based lines and columns. Line breaks are LF, CRLF and CR, as YAML 1.2
/// defines them, so a file gives the same positions whatever its line endings.
/// </summary>
internal sealed class LineMap
{
    private static readonly char[] LineBreaks = { '\n', '\r' };

    private readonly int[] lineStarts;
    private readonly int length;

    public LineMap(string text)
    {
        length = text.Length;
        var starts = new List<int>(text.Length / 24 + 1) { 0 };
        var i = text.IndexOfAny(LineBreaks);
        while (i >= 0)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            starts.Add(i + 1);
            i = i + 1 < text.Length ? text.IndexOfAny(LineBreaks, i + 1) : -1;
        }

        lineStarts = starts.ToArray();
    }

    public int LineCount => lineStarts.Length;

    public SourcePosition At(int offset)
    {
        if (offset < 0)
        {
            offset = 0;
        }
        else if (offset > length)
        {
            offset = length;
        }

        var line = System.Array.BinarySearch(lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new SourcePosition(line + 1, offset - lineStarts[line] + 1, offset);
    }

    /// <summary>The position of <paramref name="offset"/>, found quickly when it is on the line of <paramref name="near"/> (a span's end).</summary>
    public SourcePosition At(int offset, SourcePosition near)
    {
        var line = near.Line - 1;
        if (offset >= near.Offset && line < lineStarts.Length && (line + 1 == lineStarts.Length || offset < lineStarts[line + 1]) && offset <= length)
        {
            return new SourcePosition(near.Line, offset - lineStarts[line] + 1, offset);
        }

        return At(offset);
    }

    /// <summary>The offset where 1-based <paramref name="line"/> starts.</summary>
    public int LineStart(int line) => lineStarts[System.Math.Max(0, System.Math.Min(line - 1, lineStarts.Length - 1))];
}
