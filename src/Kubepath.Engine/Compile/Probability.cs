using System;
using System.Globalization;
using System.Linq;

namespace Kubepath.Engine.Compile;

/// <summary>
/// The <c>-m statistic --mode random --probability</c> value of the i-th of n endpoint rules, in the two
/// renderings a user meets: what kube-proxy writes to <c>iptables-restore</c>, and what <c>iptables-save</c>
/// prints back after the kernel has stored it as a 31-bit fixed-point number.
/// </summary>
public static class Probability
{
    private const double FixedPointOne = 2147483648.0; // 0x80000000

    /// <summary>The chance that rule <paramref name="index"/> (0-based) of <paramref name="count"/> is taken, given the earlier ones were not.</summary>
    public static double Of(int index, int count) => 1.0 / (count - index);

    private static readonly string[] Precomputed = Enumerable.Range(0, 1001).Select(n => n == 0 ? string.Empty : RestoreText(1.0 / n)).ToArray();

    /// <summary>The text of 1/n, precomputed as kube-proxy's <c>precomputeProbabilities</c> does.</summary>
    public static string OneIn(int n) => n > 0 && n < Precomputed.Length ? Precomputed[n] : RestoreText(1.0 / n);

    /// <summary>kube-proxy's <c>fmt.Sprintf("%0.10f", probability)</c>.</summary>
    public static string RestoreText(double probability) => probability.ToString("F10", CultureInfo.InvariantCulture);

    /// <summary>
    /// What <c>iptables-save</c> prints for a probability written as <paramref name="restoreText"/>: libxt_statistic
    /// stores <c>lround(0x80000000 * p)</c> and prints that over 0x80000000 with 11 decimals (0.3333333333 becomes
    /// 0.33333333349).
    /// </summary>
    public static string SaveText(string restoreText)
    {
        var parsed = double.Parse(restoreText, NumberStyles.Float, CultureInfo.InvariantCulture);
        var stored = Math.Round(FixedPointOne * parsed, MidpointRounding.AwayFromZero);
        return (stored / FixedPointOne).ToString("F11", CultureInfo.InvariantCulture);
    }
}
