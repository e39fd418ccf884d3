namespace Kubepath.Manifests.Yaml;

/// <summary>
/// YAML 1.2 rules that YamlDotNet does not enforce, checked on its events so that invalid YAML is reported as
/// a syntax error rather than read differently from how Kubernetes' own reader would fail on it.
/// Offsets are into the text handed to the parser.
/// </summary>
internal static class YamlSpecChecks
{
    /// <summary>
    /// YAML 1.2 (6.8.1): the %YAML directive's version is <c>major.minor</c>, and a comment after it needs white
    /// space before its '#' (<c>%YAML 1.1#x</c> is invalid).
    /// </summary>
    public static (int Offset, string Message)? VersionDirective(string text, int from, int to)
    {
        var i = from;
        while (i < to)
        {
            var lineEnd = i;
            while (lineEnd < to && text[lineEnd] is not ('\n' or '\r'))
            {
                lineEnd++;
            }

            if (string.CompareOrdinal(text, i, "%YAML", 0, 5) == 0 && i + 5 < lineEnd && text[i + 5] is ' ' or '\t')
            {
                var j = i + 5;
                while (j < lineEnd && text[j] is ' ' or '\t')
                {
                    j++;
                }

                var version = j;
                while (j < lineEnd && text[j] is (>= '0' and <= '9') or '.')
                {
                    j++;
                }

                if (j < lineEnd && text[j] is not (' ' or '\t'))
                {
                    return (j, "the %YAML directive's version must be followed by white space or the end of the line");
                }

                if (j == version)
                {
                    return (j, "the %YAML directive needs a version such as 1.2");
                }
            }

            i = lineEnd + 1;
        }

        return null;
    }

    /// <summary>
    /// YAML 1.2 (6.1, 8.2.1): a block collection nested on the same line as its parent's '-', '?' or ':' is
    /// indented by spaces; a tab there (<c>-\t- x</c>, <c>?\tkey: v</c>) is invalid.
    /// </summary>
    public static (int Offset, string Message)? TabBeforeCompactCollection(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && text[i] is not ('\n' or '\r'))
        {
            if (text[i] == '\t')
            {
                return (i, "a tab character cannot indent a block collection; use spaces");
            }

            i--;
        }

        return null;
    }

    /// <summary>
    /// YAML 1.2 (6.1): every continuation line of a multi-line flow node in block context is indented by at
    /// least one space more than the block collection holding it; tabs do not count as indentation.
    /// </summary>
    public static (int Offset, string Message)? TabIndentedContinuation(string text, int start, int end, int blockIndent)
    {
        if (blockIndent < 0)
        {
            return null;
        }

        var i = start;
        while (i < end && i < text.Length)
        {
            if (text[i] is not ('\n' or '\r'))
            {
                i++;
                continue;
            }

            i++;
            if (i < text.Length && text[i - 1] == '\r' && text[i] == '\n')
            {
                i++;
            }

            var spaces = 0;
            while (i + spaces < text.Length && text[i + spaces] == ' ')
            {
                spaces++;
            }

            var next = i + spaces;
            if (spaces <= blockIndent && next < end && next < text.Length && text[next] == '\t' && !IsBlankFrom(text, next))
            {
                return (next, "a tab character cannot be used for indentation; indent continuation lines with spaces");
            }
        }

        return null;
    }

    private static bool IsBlankFrom(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i >= text.Length || text[i] is '\n' or '\r';
    }
}
