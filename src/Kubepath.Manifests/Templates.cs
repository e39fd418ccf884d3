using System;
using System.Collections.Generic;

namespace Kubepath.Manifests;

/// <summary>
/// Finds Helm/Go (<c>{{ }}</c>) and Jinja (<c>{% %}</c>) markers standing in the YAML structure itself rather than
/// inside a quoted or block string, where they are ordinary text (a Prometheus alert's <c>{{ $labels }}</c>).
/// Such a file is a template: it has to be rendered before anything can be said about it.
/// </summary>
internal static class Templates
{
    public static bool MayContainMarkers(string text) =>
        text.IndexOf("{{", StringComparison.Ordinal) >= 0 || text.IndexOf("{%", StringComparison.Ordinal) >= 0;

    /// <summary>The first structural marker in <c>[start, end)</c>, or -1.</summary>
    public static int FirstMarker(string text, int start, int end, IReadOnlyList<(int Start, int End)> quoted)
    {
        var i = start;
        while (i < end)
        {
            var at = NextMarker(text, i, end);
            if (at < 0)
            {
                return -1;
            }

            if (!IsInside(at, quoted) && !IsInComment(text, at))
            {
                return at;
            }

            i = at + 2;
        }

        return -1;
    }

    private static int NextMarker(string text, int from, int end)
    {
        var braces = text.IndexOf("{{", from, end - from, StringComparison.Ordinal);
        var percent = text.IndexOf("{%", from, end - from, StringComparison.Ordinal);
        return braces < 0 ? percent : percent < 0 ? braces : Math.Min(braces, percent);
    }

    /// <summary>Whether <paramref name="offset"/> lies in one of the scalars, which come in text order.</summary>
    private static bool IsInside(int offset, IReadOnlyList<(int Start, int End)> quoted)
    {
        int low = 0, high = quoted.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (offset < quoted[middle].Start)
            {
                high = middle - 1;
            }
            else if (offset >= quoted[middle].End)
            {
                low = middle + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInComment(string text, int offset)
    {
        for (var i = offset - 1; i >= 0 && text[i] is not ('\n' or '\r'); i--)
        {
            if (text[i] == '#' && (i == 0 || text[i - 1] is ' ' or '\t' or '\n' or '\r'))
            {
                return true;
            }
        }

        return false;
    }
}
