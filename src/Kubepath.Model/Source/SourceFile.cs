using System.Text;

namespace Kubepath.Model;

/// <summary>
/// A loaded input: its display path (forward slashes), its line map and its decoded text, kept so reports can quote
/// lines. A lint holds every file it read until its report: a text in ASCII, as manifests mostly are, is kept one byte
/// a character (half a string's size), and a line becomes a string only when a report quotes it.
/// </summary>
public sealed class SourceFile
{
    private readonly byte[]? ascii;
    private readonly string? text;

    /// <param name="lines">The line map of <paramref name="text"/> itself.</param>
    /// <param name="text">The decoded text.</param>
    public SourceFile(SourceLines lines, string text)
    {
        if (lines.Length != text.Length)
        {
            throw new System.ArgumentException("the line map was made from another text", nameof(lines));
        }

        Lines = lines;
        if (IsAscii(text))
        {
            ascii = Encoding.ASCII.GetBytes(text);
        }
        else
        {
            this.text = text;
        }
    }

    /// <summary>The display path (forward slashes).</summary>
    public string Path => Lines.File;

    public SourceLines Lines { get; }

    /// <summary>Line <paramref name="line"/> (1-based) without its line break (LF, CRLF or CR); null when there is no such line.</summary>
    public string? Line(int line)
    {
        if (line < 1 || line > Lines.LineCount)
        {
            return null;
        }

        var start = Lines.LineStart(line);
        var end = line < Lines.LineCount ? Lines.LineStart(line + 1) : Lines.Length;
        if (end > start && At(end - 1) == '\n')
        {
            end--;
        }

        if (end > start && At(end - 1) == '\r')
        {
            end--;
        }

        return ascii is not null ? Encoding.ASCII.GetString(ascii, start, end - start) : text!.Substring(start, end - start);
    }

    private char At(int offset) => ascii is not null ? (char)ascii[offset] : text![offset];

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > '\x7f')
            {
                return false;
            }
        }

        return true;
    }
}
