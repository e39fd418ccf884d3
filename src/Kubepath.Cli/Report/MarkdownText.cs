using System;
using System.Linq;
using System.Text;

namespace Kubepath.Cli.Report;

/// <summary>
/// Text from manifests made inert in a pull-request comment: no markdown, HTML, links, mentions or table breaks can
/// come out of a name, a label or an annotation.
/// </summary>
internal static class MarkdownText
{
    private const char ZeroWidthSpace = '\u200B';

    /// <summary>
    /// Prose: every ASCII punctuation character backslash-escaped (CommonMark allows it for all of them, and it stops
    /// HTML, entities, emphasis, links and <c>|</c>); a zero-width space after <c>@</c> and <c>#</c>, inside <c>://</c>,
    /// <c>www.</c> and <c>GH-</c>, and in long hex runs, because GitHub finds mentions, references, autolinks and
    /// commit SHAs in the text after escapes are undone.
    /// </summary>
    public static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n' or '\t')
            {
                result.Append(' ');
                continue;
            }

            if (c < 128 && char.IsPunctuation(c) || c < 128 && char.IsSymbol(c))
            {
                result.Append('\\');
            }

            result.Append(c);
            if (c is '@' or '#' || (c == ':' && string.CompareOrdinal(text, i + 1, "//", 0, 2) == 0) ||
                ((c is 'w' or 'W') && i >= 2 && string.Compare(text, i - 2, "www.", 0, 4, StringComparison.OrdinalIgnoreCase) == 0) ||
                ((c is 'h' or 'H') && i >= 1 && string.Compare(text, i - 1, "GH-", 0, 3, StringComparison.OrdinalIgnoreCase) == 0) ||
                HexRunReaches(text, i, 6))
            {
                // Mentions (@user), issue references (#12, owner/repo#12, GH-12), autolinks and commit SHAs are
                // found in the rendered text, after escapes are undone: a zero-width space breaks them.
                result.Append(ZeroWidthSpace);
            }
        }

        return result.ToString();
    }

    /// <summary>Whether <paramref name="i"/> is the <paramref name="length"/>th character of a run of 7 or more hex digits (what GitHub takes for a commit SHA).</summary>
    private static bool HexRunReaches(string text, int i, int length)
    {
        static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

        var start = i;
        while (start > 0 && IsHex(text[start - 1]))
        {
            start--;
        }

        var end = i;
        while (end < text.Length && IsHex(text[end]))
        {
            end++;
        }

        return IsHex(text[i]) && i - start == length - 1 && end - start >= 7;
    }

    /// <summary>A code span (names, paths), safe inside a table cell: the delimiter outruns any backticks inside, <c>|</c> is escaped.</summary>
    public static string Code(string text)
    {
        var flat = new string(text.Select(c => c is '\r' or '\n' or '\t' ? ' ' : c).ToArray()).Replace("|", "\\|");
        var longest = 0;
        var run = 0;
        foreach (var c in flat)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = flat.StartsWith('`') || flat.EndsWith('`') ? " " : string.Empty;
        return fence + pad + flat + pad + fence;
    }

    /// <summary>A Mermaid node or edge label: letters, digits and a few safe characters as they are, the rest as Mermaid's <c>#code;</c> entities.</summary>
    public static string Mermaid(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) && c < 128 || c is ' ' or '.' or ':' or '/' or '-' or '_' or '%' or ',' or '=')
            {
                result.Append(c);
            }
            else
            {
                result.Append('#').Append((int)c).Append(';');
            }
        }

        return result.ToString();
    }
}
