using System;

namespace Kubepath.Manifests.Yaml;

/// <summary>
/// YamlDotNet rejects a few constructs that YAML 1.2 allows. Each repair rewrites one such construct into an
/// equivalent form the parser accepts, only where the parser failed on it, and the parse is retried. The
/// yaml-test-suite cases that need them: DK95/04 (a blank line holding a tab), 4MUZ/02 and VJP3/01 (a flow
/// mapping's ':' on the line after its key), UKK6/00 (an empty key in a compact mapping, <c>- :</c>),
/// JEF9/01 (a block scalar whose only lines are spaces).
/// </summary>
internal static class YamlRepairs
{
    // YAML 1.2 (6.6, l-empty): a line holding only spaces and tabs is a blank line between nodes; YamlDotNet
    // (like libyaml and go-yaml) takes a leading tab there for indentation. Blank the tabs of the blank lines after the failure point
    // (same length, so no position moves). Inside a block scalar such a tab is an error, and the parser says so
    // with another message, so it is left alone.
    private static bool TabOnBlankLine(RepairableText text, int offset, string message)
    {
        if (message.IndexOf("tab character that violate indentation", StringComparison.Ordinal) < 0)
        {
            return false;
        }

        var s = text.Text;
        var repaired = false;
        var lineStart = LineStartBefore(s, Math.Min(offset, s.Length));
        while (lineStart < s.Length)
        {
            var lineEnd = lineStart;
            while (lineEnd < s.Length && s[lineEnd] is ' ' or '\t')
            {
                lineEnd++;
            }

            var blank = lineEnd >= s.Length || s[lineEnd] is '\n' or '\r';
            if (blank && s.IndexOf('\t', lineStart, lineEnd - lineStart) >= 0)
            {
                text.Replace(lineStart, new string(' ', lineEnd - lineStart));
                s = text.Text;
                repaired = true;
            }
            else if (!blank && lineStart > offset)
            {
                break;
            }

            while (lineEnd < s.Length && s[lineEnd] is not ('\n' or '\r'))
            {
                lineEnd++;
            }

            lineStart = lineEnd + (lineEnd + 1 < s.Length && s[lineEnd] == '\r' && s[lineEnd + 1] == '\n' ? 2 : 1);
        }

        return repaired;
    }

    /// <summary>
    /// Tries the repair that fits a parse failure at <paramref name="offset"/>; when the text changed, returns what
    /// a user should know: the construct is valid YAML 1.2, but YAML 1.1 readers such as kubectl's (go-yaml, a
    /// port of libyaml like YamlDotNet) may refuse it.
    /// </summary>
    public static string? TryRepair(RepairableText text, int offset, string message)
    {
        if (TabOnBlankLine(text, offset, message))
        {
            return "a blank line starting with a tab is valid YAML 1.2, but YAML 1.1 readers such as kubectl's take the tab for indentation and reject the file; use spaces";
        }

        if (ColonOnLineAfterFlowKey(text, offset, message))
        {
            return "a ':' on the line after its key in a flow mapping is valid YAML 1.2, but YAML 1.1 readers such as kubectl's may reject it; keep the ':' on the key's line";
        }

        if (EmptyKeyInCompactMapping(text, offset))
        {
            return "an empty key ('- :') is valid YAML 1.2, but YAML 1.1 readers such as kubectl's may reject it; write the key";
        }

        return BlankBlockScalar(text, offset, message)
            ? "a block scalar holding only spaces is valid YAML 1.2, but YAML 1.1 readers such as kubectl's may reject it"
            : null;
    }

    // YAML 1.2 (7.4.2, ns-flow-map-implicit-entry): inside a flow mapping, separation before ':' may span lines.
    // Rotate the ':' back to the end of the key: "{foo\n: bar}" becomes "{foo:\n  bar}", same length.
    private static bool ColonOnLineAfterFlowKey(RepairableText text, int offset, string message)
    {
        var s = text.Text;
        if (message.IndexOf("flow mapping", StringComparison.Ordinal) < 0 || offset >= s.Length || s[offset] != ':')
        {
            return false;
        }

        var keyEnd = offset - 1;
        while (keyEnd >= 0 && s[keyEnd] is ' ' or '\t' or '\n' or '\r')
        {
            keyEnd--;
        }

        if (keyEnd < 0 || s[keyEnd] is '{' or ',' or '[' || keyEnd == offset - 1)
        {
            return false;
        }

        text.Replace(keyEnd + 1, ":" + s.Substring(keyEnd + 1, offset - keyEnd - 1));
        return true;
    }

    // YAML 1.2 allows an empty implicit key ("- :" is a sequence holding {null: null}); YamlDotNet does not after
    // a block sequence indicator. An explicit null key "~" means the same.
    private static bool EmptyKeyInCompactMapping(RepairableText text, int offset)
    {
        var s = text.Text;
        var lineStart = LineStartBefore(s, Math.Min(offset, s.Length));
        for (var line = 0; line < 2 && lineStart >= 0; line++)
        {
            var i = lineStart;
            var sawDash = false;
            while (i < s.Length && (s[i] == ' ' || (s[i] == '-' && i + 1 < s.Length && s[i + 1] == ' ')))
            {
                sawDash |= s[i] == '-';
                i++;
            }

            if (sawDash && i < s.Length && s[i] == ':' && (i + 1 >= s.Length || s[i + 1] is ' ' or '\t' or '\n' or '\r'))
            {
                text.Insert(i, '~');
                return true;
            }

            lineStart = lineStart == 0 ? -1 : LineStartBefore(s, lineStart - 1);
        }

        return false;
    }

    // YAML 1.2 (8.1.1.1): a block scalar with no non-empty line takes its indentation from its longest line;
    // YamlDotNet rejects the leading spaces instead. An explicit indentation indicator states the same.
    private static bool BlankBlockScalar(RepairableText text, int offset, string message)
    {
        if (message.IndexOf("extra spaces in first line", StringComparison.Ordinal) < 0)
        {
            return false;
        }

        var s = text.Text;
        var lineStart = LineStartBefore(s, Math.Min(offset, s.Length));
        while (lineStart > 0)
        {
            var headerStart = LineStartBefore(s, lineStart - 1);
            var headerEnd = lineStart - 1;
            while (headerEnd > headerStart && s[headerEnd - 1] is '\r' or '\n' or ' ')
            {
                headerEnd--;
            }

            var indicator = headerEnd - 1;
            while (indicator > headerStart && s[indicator] is '+' or '-')
            {
                indicator--;
            }

            if (indicator >= headerStart && s[indicator] is '|' or '>')
            {
                var longest = LongestBlankLine(s, lineStart);
                var parentIndent = 0;
                while (headerStart + parentIndent < s.Length && s[headerStart + parentIndent] == ' ')
                {
                    parentIndent++;
                }

                var digit = Math.Max(1, Math.Min(9, longest - parentIndent));
                text.Insert(indicator + 1, (char)('0' + digit));
                return true;
            }

            lineStart = headerStart;
        }

        return false;
    }

    private static int LongestBlankLine(string s, int from)
    {
        var longest = 0;
        var run = 0;
        for (var i = from; i < s.Length; i++)
        {
            if (s[i] == ' ')
            {
                run++;
            }
            else if (s[i] is '\n' or '\r')
            {
                longest = Math.Max(longest, run);
                run = 0;
            }
            else
            {
                break;
            }
        }

        return Math.Max(longest, run);
    }

    private static int LineStartBefore(string s, int offset)
    {
        var i = Math.Min(offset, s.Length) - 1;
        while (i >= 0 && s[i] != '\n' && s[i] != '\r')
        {
            i--;
        }

        return i + 1;
    }
}
