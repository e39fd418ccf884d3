using Kubepath.Model;

namespace Kubepath.Model.Tests;

public class StringMapTests
{
    private static readonly SourceSpan Nowhere = SourceSpan.StartOf("t.yaml");

    [Fact]
    public void A_selector_matches_labels_that_contain_all_its_entries()
    {
        var labels = Map(("app", "web"), ("tier", "front"));
        Assert.True(labels.Contains(Map(("app", "web"))));
        Assert.True(labels.Contains(StringMap.Empty));
        Assert.False(labels.Contains(Map(("app", "db"))));
        Assert.False(labels.Contains(Map(("app", "web"), ("zone", "a"))));
    }

    [Fact]
    public void Lookups_find_values_and_keep_entry_order()
    {
        var labels = Map(("b", "2"), ("a", "1"));
        Assert.Equal("1", labels["a"]);
        Assert.Null(labels["c"]);
        Assert.True(labels.TryGetValue("b", out var b) && b == "2");
        Assert.Equal(new[] { "b", "a" }, labels.Keys);
    }

    private static StringMap Map(params (string Key, string Value)[] entries) =>
        new(entries.Select(e => new MapEntry(new Field<string>(e.Key, Nowhere), new Field<string>(e.Value, Nowhere))).ToList());
}
