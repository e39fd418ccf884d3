using System;
using System.Collections.Generic;
using System.IO;

namespace Kubepath.Cli.Report;

/// <summary>The source lines findings point at, read back from the files (standard input has none to show).</summary>
internal sealed class SourceExcerpt
{
    private readonly Dictionary<string, string[]?> files = new(StringComparer.Ordinal);

    /// <summary>Line <paramref name="line"/> (1-based) of <paramref name="file"/>, split as the loader splits lines (LF, CRLF, CR).</summary>
    public string? Line(string file, int line)
    {
        if (!files.TryGetValue(file, out var lines))
        {
            lines = files[file] = Read(file);
        }

        return lines is not null && line >= 1 && line <= lines.Length ? lines[line - 1] : null;
    }

    private static string[]? Read(string file)
    {
        try
        {
            return File.Exists(file) ? File.ReadAllText(file).Replace("\r\n", "\n").Replace('\r', '\n').Split('\n') : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
