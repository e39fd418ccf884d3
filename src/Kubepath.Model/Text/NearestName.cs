using System;
using System.Collections.Generic;

namespace Kubepath.Model;

/// <summary>The "did you mean" of a message: the known name closest to a misspelt one, if it is close enough to be meant.</summary>
public static class NearestName
{
    /// <summary>Longer text is no misspelt name; comparing it would cost time and memory for nothing.</summary>
    private const int MaxLength = 128;

    public static string? Find(string text, IEnumerable<string> known)
    {
        if (text.Length > MaxLength)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in known)
        {
            // Names whose length alone rules them out are not compared.
            if (Math.Abs(name.Length - text.Length) > Allowed(Math.Max(name.Length, text.Length)))
            {
                continue;
            }

            var distance = Distance(text.ToLowerInvariant(), name.ToLowerInvariant());
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(name, best) < 0))
            {
                best = name;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Allowed(Math.Max(text.Length, best.Length)) ? best : null;
    }

    /// <summary>One edit in four characters, at least one: "externalTrafficPolcy" → externalTrafficPolicy, never "port" → "name".</summary>
    private static int Allowed(int length) => Math.Max(1, length / 4);

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
