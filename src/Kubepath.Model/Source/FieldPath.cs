using System;
using System.Text;

namespace Kubepath.Model;

/// <summary>
/// The path of a field inside its object, written as kubectl's error messages write it:
/// <c>spec.ports[1].targetPort</c>, and <c>metadata.labels['app.kubernetes.io/name']</c> for keys that are not
/// plain identifiers. Built by appending segments; rendered on demand.
/// </summary>
public sealed class FieldPath : IEquatable<FieldPath>
{
    public static readonly FieldPath Root = new(null, null, -1);

    private readonly FieldPath? parent;
    private readonly string? key;
    private readonly int index;
    private string? text;

    private FieldPath(FieldPath? parent, string? key, int index)
    {
        this.parent = parent;
        this.key = key;
        this.index = index;
    }

    public bool IsRoot => parent is null;

    public FieldPath Key(string name) => new(this, name, -1);

    public FieldPath Index(int position) => new(this, null, position);

    public static FieldPath Parse(string dotted)
    {
        var path = Root;
        foreach (var part in dotted.Split('.'))
        {
            var bracket = part.IndexOf('[');
            path = path.Key(bracket < 0 ? part : part.Substring(0, bracket));
            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                path = path.Index(int.Parse(part.Substring(bracket + 1, close - bracket - 1), System.Globalization.CultureInfo.InvariantCulture));
                bracket = part.IndexOf('[', close);
            }
        }

        return path;
    }

    public override string ToString()
    {
        if (text is not null)
        {
            return text;
        }

        var builder = new StringBuilder();
        Append(builder);
        return text = builder.ToString();
    }

    public bool Equals(FieldPath? other) => other is not null && ToString() == other.ToString();

    public override bool Equals(object? obj) => obj is FieldPath other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    private void Append(StringBuilder builder)
    {
        if (parent is null)
        {
            return;
        }

        parent.Append(builder);
        if (key is null)
        {
            builder.Append('[').Append(index).Append(']');
        }
        else if (IsIdentifier(key))
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(key);
        }
        else
        {
            builder.Append("['").Append(key.Replace("'", "\\'")).Append("']");
        }
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
