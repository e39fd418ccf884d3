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
    private readonly Dictionary<string, string[]> lines = new(StringComparer.Ordinal);

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
        if (!lines.TryGetValue(file, out var split))
        {
            if (!texts.TryGetValue(file, out var text))
            {
                return null;
            }

            split = lines[file] = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        }

        return line >= 1 && line <= split.Length ? split[line - 1] : null;
    }
}
