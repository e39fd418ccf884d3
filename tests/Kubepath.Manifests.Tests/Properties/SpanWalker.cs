using System.Collections;
using System.Reflection;
using Kubepath.Model;

namespace Kubepath.Manifests.Tests.Properties;

/// <summary>Collects every SourceSpan reachable from a loaded object (the object's, each field's, each item's).</summary>
internal static class SpanWalker
{
    public static List<SourceSpan> All(ManifestObject obj)
    {
        var spans = new List<SourceSpan>();
        Walk(obj, spans, 0);
        return spans;
    }

    private static void Walk(object? value, List<SourceSpan> spans, int depth)
    {
        if (value is null || depth > 40)
        {
            return;
        }

        switch (value)
        {
            case SourceSpan span:
                spans.Add(span);
                return;
            case string or FieldPath or SourcePosition or Enum or ValueType when value is not IntOrString:
                return;
            case IEnumerable items:
                foreach (var item in items)
                {
                    Walk(item, spans, depth + 1);
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
                Walk(property.GetValue(value), spans, depth + 1);
            }
        }
    }
}
