using System;
using System.Globalization;

namespace Kubepath.Manifests.Reading;

internal enum ScalarKind
{
    Null,
    Bool,
    Int,
    Float,
    String,
}

/// <summary>
/// How Kubernetes reads a scalar. kubectl and the API server read YAML with go-yaml v2 (through
/// sigs.k8s.io/yaml), which resolves plain scalars by YAML 1.1 rules: <c>yes</c>/<c>on</c> are booleans,
/// <c>0755</c> is octal, <c>1.0</c> is a float. A quoted scalar is always a string; an explicit tag wins.
/// </summary>
internal readonly struct ScalarValue
{
    private ScalarValue(ScalarKind kind, string text, long integer, bool boolean)
    {
        Kind = kind;
        Text = text;
        Integer = integer;
        Boolean = boolean;
    }

    public ScalarKind Kind { get; }

    public string Text { get; }

    public long Integer { get; }

    public bool Boolean { get; }

    public string Describe() => Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Bool => $"the boolean {Text}",
        ScalarKind.Int or ScalarKind.Float => $"the number {Text}",
        _ => $"the string \"{Text}\"",
    };

    public static ScalarValue FromCache(ScalarKind kind, string text, long integer) =>
        new(kind, text, kind == ScalarKind.Bool ? 0 : integer, kind == ScalarKind.Bool && integer != 0);

    public static ScalarValue ResolveUncached(string text, string? tag, bool plain)
    {
        switch (tag)
        {
            case "tag:yaml.org,2002:str":
                return new ScalarValue(ScalarKind.String, text, 0, false);
            case "tag:yaml.org,2002:null":
                return new ScalarValue(ScalarKind.Null, text, 0, false);
            case "tag:yaml.org,2002:bool":
            case "tag:yaml.org,2002:int":
            case "tag:yaml.org,2002:float":
                return ResolvePlain(text);
        }

        // A tag go-yaml does not know keeps the text as written.
        return plain && tag is null ? ResolvePlain(text) : new ScalarValue(ScalarKind.String, text, 0, false);
    }

    private static ScalarValue ResolvePlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return new ScalarValue(ScalarKind.Null, text, 0, false);
            case "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON":
                return new ScalarValue(ScalarKind.Bool, text, 0, true);
            case "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF":
                return new ScalarValue(ScalarKind.Bool, text, 0, false);
        }

        var first = text[0];
        if (!(first is (>= '0' and <= '9') or '-' or '+' or '.'))
        {
            return new ScalarValue(ScalarKind.String, text, 0, false);
        }

        if (TryParseInteger(text.Replace("_", string.Empty), out var integer))
        {
            return new ScalarValue(ScalarKind.Int, text, integer, false);
        }

        if (IsFloat(text) && double.TryParse(text.Replace("_", string.Empty), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            // sigs.k8s.io/yaml writes a whole float as an integer (80.0 becomes 80), so it reads as one.
            return Math.Abs(value) < 9e15 && Math.Floor(value) == value
                ? new ScalarValue(ScalarKind.Int, text, (long)value, false)
                : new ScalarValue(ScalarKind.Float, text, 0, false);
        }

        return IsInfinityOrNaN(text)
            ? new ScalarValue(ScalarKind.Float, text, 0, false)
            : new ScalarValue(ScalarKind.String, text, 0, false);
    }

    private static bool IsInfinityOrNaN(string text)
    {
        var unsigned = text.Length > 0 && text[0] is '-' or '+' ? text.Substring(1) : text;
        return unsigned is ".inf" or ".Inf" or ".INF" || (text is ".nan" or ".NaN" or ".NAN");
    }

    /// <summary>Go's <c>strconv.ParseInt(text, 0, 64)</c>: a sign, then 0x/0b/0o (any case) or a leading 0 for octal.</summary>
    private static bool TryParseInteger(string text, out long value)
    {
        value = 0;
        var negative = text.StartsWith("-", StringComparison.Ordinal);
        var digits = text.Length > 0 && text[0] is '-' or '+' ? text.Substring(1) : text;
        if (digits.Length == 0)
        {
            return false;
        }

        int radix;
        if (digits.Length > 2 && digits[0] == '0' && digits[1] is 'x' or 'X')
        {
            radix = 16;
            digits = digits.Substring(2);
        }
        else if (digits.Length > 2 && digits[0] == '0' && digits[1] is 'b' or 'B')
        {
            radix = 2;
            digits = digits.Substring(2);
        }
        else if (digits.Length > 2 && digits[0] == '0' && digits[1] is 'o' or 'O')
        {
            radix = 8;
            digits = digits.Substring(2);
        }
        else if (digits.Length > 1 && digits[0] == '0')
        {
            radix = 8;
            digits = digits.Substring(1);
        }
        else
        {
            radix = 10;
        }

        ulong magnitude = 0;
        foreach (var c in digits)
        {
            var digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : 99;
            if (digit >= radix || magnitude > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
            {
                return false;
            }

            magnitude = (magnitude * (ulong)radix) + (ulong)digit;
        }

        var limit = negative ? 9223372036854775808UL : long.MaxValue;
        if (magnitude > limit)
        {
            return false;
        }

        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }

    private static bool IsFloat(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] is '-' or '+')
        {
            i++;
        }

        var digits = 0;
        while (i < text.Length && (text[i] is >= '0' and <= '9' || text[i] == '_'))
        {
            digits += text[i] == '_' ? 0 : 1;
            i++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && (text[i] is >= '0' and <= '9' || text[i] == '_'))
            {
                digits += text[i] == '_' ? 0 : 1;
                i++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '-' or '+')
            {
                i++;
            }

            var exponent = 0;
            while (i < text.Length && text[i] is >= '0' and <= '9')
            {
                i++;
                exponent++;
            }

            if (exponent == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }
}
