using System.Collections.Generic;
using Kubepath.Model;

namespace Kubepath.Manifests.Text;

/// <summary>
/// Turns character offsets into 1-based lines and columns. Line breaks are LF, CRLF and CR, as YAML 1.2
/// defines them, so a file gives the same positions whatever its line endings.
/// </summary>
internal sealed class LineMap
{
    private readonly int[] lineStarts;
    private readonly int length;

    public LineMap(string text)
    {
        length = text.Length;
        var starts = new List<int>(text.Length / 24 + 1) { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
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

    /// <summary>The offset where 1-based <paramref name="line"/> starts.</summary>
    public int LineStart(int line) => lineStarts[System.Math.Max(0, System.Math.Min(line - 1, lineStarts.Length - 1))];
}
