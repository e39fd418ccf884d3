using Kubepath.Model;

namespace Kubepath.Model.Tests;

public class SourceFileTests
{
    [Theory]
    [InlineData("a: 1\nb: 2\n")]
    [InlineData("a: 1\r\nb: 2\r\n")]
    [InlineData("a: 1\rb: 2\r")]
    [InlineData("a: 1\nb: 2")]
    public void A_line_is_quoted_without_its_line_break_whatever_the_line_endings(string text)
    {
        var file = File(text);
        Assert.Equal("a: 1", file.Line(1));
        Assert.Equal("b: 2", file.Line(2));
    }

    [Fact]
    public void Text_outside_ascii_is_quoted_as_written()
    {
        var file = File("name: café\r\nnote: \"日本\"\nemoji: 🚀\n");
        Assert.Equal("name: café", file.Line(1));
        Assert.Equal("note: \"日本\"", file.Line(2));
        Assert.Equal("emoji: 🚀", file.Line(3));
    }

    [Fact]
    public void Lines_past_either_end_are_not_there()
    {
        var file = File("a: 1\n");
        Assert.Null(file.Line(0));
        Assert.Equal(string.Empty, file.Line(2));
        Assert.Null(file.Line(3));
        Assert.Equal("a.yaml", file.Path);
    }

    [Fact]
    public void A_line_map_of_another_text_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SourceFile(new SourceLines("a.yaml", "a: 1\nb: 2\n"), "a: 1\n"));
    }

    private static SourceFile File(string text) => new(new SourceLines("a.yaml", text), text);
}
