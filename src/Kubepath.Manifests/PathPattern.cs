using System;
using System.Text;
using System.Text.RegularExpressions;

namespace Kubepath.Manifests;

/// <summary>
/// A glob over <c>/</c>-separated relative paths, as .gitignore-style tools read them: <c>*</c> and <c>?</c> stay
/// within one path segment, <c>**</c> spans any number of segments, and a pattern without <c>/</c> matches a file
/// or folder name at any depth. A pattern matching a folder matches everything under it.
/// </summary>
public sealed class PathPattern
{
    private readonly Regex regex;

    public PathPattern(string pattern)
    {
        Text = pattern;
        var body = pattern.Replace('\\', '/').Trim();
        while (body.StartsWith("./", StringComparison.Ordinal))
        {
            body = body.Substring(2);
        }

        // As in .gitignore, a leading / anchors the pattern at the settings file's folder.
        var rooted = body.StartsWith("/", StringComparison.Ordinal);
        body = body.Trim('/');
        var anchored = rooted || body.IndexOf('/') >= 0;
        var expression = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '*' && i + 1 < body.Length && body[i + 1] == '*')
            {
                var slash = i + 2 < body.Length && body[i + 2] == '/';
                expression.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                expression.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        expression.Append("(?:/.*)?$");
        regex = new Regex(expression.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string Text { get; }

    /// <summary>Whether <paramref name="relativePath"/> (<c>/</c>-separated, relative to where the pattern was written) matches.</summary>
    public bool Matches(string relativePath)
    {
        try
        {
            return regex.IsMatch(relativePath.Replace('\\', '/'));
        }
        catch (RegexMatchTimeoutException)
        {
            // A pattern too costly to match (many ** in a row) excludes nothing rather than stopping the run.
            return false;
        }
    }
}
