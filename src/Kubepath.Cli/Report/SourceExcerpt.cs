using System;
using System.Collections.Generic;
using Kubepath.Model;

namespace Kubepath.Cli.Report;

/// <summary>
/// The source lines findings point at, from the texts the loader read (standard input included); a file it did not
/// read (too large, unreadable) shows no line, and is never read again here.
/// </summary>
internal sealed class SourceExcerpt
{
    private readonly Dictionary<string, SourceFile> files = new(StringComparer.Ordinal);

    public SourceExcerpt(IEnumerable<SourceFile> files)
    {
        foreach (var file in files)
        {
            this.files[file.Path] = file;
        }
    }

    /// <summary>Line <paramref name="line"/> (1-based) of <paramref name="file"/>, split as the loader splits lines (LF, CRLF, CR).</summary>
    public string? Line(string file, int line) => files.TryGetValue(file, out var source) ? source.Line(line) : null;
}
