namespace Kubepath.Manifests.Tests;

public class PathPatternTests
{
    [Theory]
    [InlineData("testdata", "deploy/testdata", true)]
    [InlineData("testdata", "deploy/testdata/a.yaml", true)]
    [InlineData("testdata", "testdata2/a.yaml", false)]
    [InlineData("*.json", "deploy/values.json", true)]
    [InlineData("*.json", "deploy/values.yaml", false)]
    [InlineData("deploy/*.yaml", "deploy/a.yaml", true)]
    [InlineData("deploy/*.yaml", "deploy/sub/a.yaml", false)]
    [InlineData("deploy/*.yaml", "other/deploy/a.yaml", false)]
    [InlineData("deploy/**/*.yaml", "deploy/a.yaml", true)]
    [InlineData("deploy/**/*.yaml", "deploy/x/y/a.yaml", true)]
    [InlineData("**/testdata", "a/b/testdata/c.yaml", true)]
    [InlineData("./charts/", "charts/x/templates/svc.yaml", true)]
    [InlineData("a?c.yaml", "abc.yaml", true)]
    [InlineData("a?c.yaml", "a/c.yaml", false)]
    [InlineData("a.b", "axb", false)]
    [InlineData("/charts", "charts/x.yaml", true)]
    [InlineData("/charts", "deploy/charts/x.yaml", false)]
    public void Globs_match_like_gitignore(string pattern, string path, bool matches)
    {
        Assert.Equal(matches, new PathPattern(pattern).Matches(path));
    }
}
