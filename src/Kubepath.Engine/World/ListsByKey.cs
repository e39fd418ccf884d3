using System.Collections.Generic;

namespace Kubepath.Engine.World;

/// <summary>Items grouped by a key, each group a list in the order its items were added.</summary>
internal static class ListsByKey
{
    public static void AddToList<TKey, TValue>(this Dictionary<TKey, List<TValue>> lists, TKey key, TValue value)
        where TKey : notnull
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = new List<TValue>();
        }

        list.Add(value);
    }
}
