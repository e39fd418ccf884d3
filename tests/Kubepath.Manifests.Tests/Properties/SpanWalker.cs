using System.Collections;
using System.Globalization;
using System.Reflection;
using Kubepath.Model;

namespace Kubepath.Manifests.Tests.Properties;

/// <summary>Walks a loaded object's properties: every SourceSpan reachable from it (the object's, each field's, each item's), or every value.</summary>
internal static class SpanWalker
{
    public static List<SourceSpan> All(ManifestObject obj)
    {
        var spans = new List<SourceSpan>();
        Walk(obj, string.Empty, (_, value) =>
        {
            if (value is SourceSpan span)
            {
                spans.Add(span);
            }
        }, 0);
        return spans;
    }

    /// <summary>Each value reachable from the object, one line each with the properties that lead to it: spans as offsets and field paths.</summary>
    public static List<string> Describe(ManifestObject obj)
    {
        var lines = new List<string>();
        Walk(obj, obj.GetType().Name, (at, value) => lines.Add(at + " = " + (value is SourceSpan span
            ? $"{span.File}@{span.StartOffset}-{span.EndOffset} {span.Path}"
            : Convert.ToString(value, CultureInfo.InvariantCulture))), 0);
        return lines;
    }

    private static void Walk(object? value, string at, Action<string, object> leaf, int depth)
    {
        if (value is null || depth > 40)
        {
            return;
        }

        switch (value)
        {
            case SourceSpan or string or FieldPath or SourcePosition or Enum or ValueType when value is not IntOrString:
                leaf(at, value);
                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    Walk(item, at + "[" + index++ + "]", leaf, depth + 1);
                }

                return;
        }

        if (value.GetType().Namespace != typeof(Service).Namespace)
        {
            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
            {
                Walk(property.GetValue(value), at + "." + property.Name, leaf, depth + 1);
            }
        }
    }
}
