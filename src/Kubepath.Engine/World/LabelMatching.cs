using System.Collections.Generic;
using System.Linq;
using Kubepath.Model;

namespace Kubepath.Engine.World;

/// <summary>Kubernetes label selectors (matchLabels AND matchExpressions), over any set of labels.</summary>
public static class LabelMatching
{
    public static bool Matches(LabelSelector selector, StringMap labels) =>
        Matches(selector, key => labels.TryGetValue(key, out var value) ? value : null);

    public static bool Matches(LabelSelector selector, IReadOnlyDictionary<string, string> labels) =>
        Matches(selector, key => labels.TryGetValue(key, out var value) ? value : null);

    private static bool Matches(LabelSelector selector, System.Func<string, string?> lookup) =>
        selector.MatchLabels.All(entry => lookup(entry.Key.Value) == entry.Value.Value) &&
        selector.MatchExpressions.All(requirement =>
        {
            var value = lookup(requirement.Key.Value);
            var values = requirement.Values.Select(field => field.Value).ToList();
            return requirement.Operator?.Value switch
            {
                SelectorOperator.In => value is not null && values.Contains(value),
                SelectorOperator.NotIn => value is null || !values.Contains(value),
                SelectorOperator.Exists => value is not null,
                SelectorOperator.DoesNotExist => value is null,
                _ => false,
            };
        });
}
