using System;
using System.Collections.Generic;
using System.Linq;
using Kubepath.Model;

namespace Kubepath.Cli.Report;

/// <summary>
/// The source lines findings point at, from the texts the loader read (standard input included); a file it did not
/// read (too large, unreadable) shows no line, and is never read again here.
/// </summary>
internal sealed class SourceExcerpt
{
    private readonly Dictionary<string, string> texts;
    private readonly Dictionary<string, SourceLines> lines = new(StringComparer.Ordinal);

    public SourceExcerpt(IEnumerable<SourceFile> files)
    {
        texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            texts[file.Path] = file.Text;
        }
    }

    /// <summary>Line <paramref name="line"/> (1-based) of <paramref name="file"/>, split as the loader splits lines (LF, CRLF, CR).</summary>
    public string? Line(string file, int line)
    {
        if (!texts.TryGetValue(file, out var text))
        {
            return null;
        }

        // Only the lines asked for are cut out: a report on a large folder quotes a small part of it.
        if (!lines.TryGetValue(file, out var map))
        {
            map = lines[file] = new SourceLines(file, text);
        }

        if (line < 1 || line > map.LineCount)
        {
            return null;
        }

        var start = map.LineStart(line);
        var end = line < map.LineCount ? map.LineStart(line + 1) : text.Length;
        if (end > start && text[end - 1] == '\n')
        {
            end--;
        }

        if (end > start && text[end - 1] == '\r')
        {
            end--;
        }

        return text.Substring(start, end - start);
    }
}
