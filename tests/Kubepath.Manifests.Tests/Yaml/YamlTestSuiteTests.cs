using System.IO;
using System.Linq;
using Kubepath.Model;

namespace Kubepath.Manifests.Tests.Yaml;

/// <summary>
/// The 402 cases of the YAML 1.2 test suite (../shared/corpus/yaml-test-suite): no case throws, every case
/// marked as an error gets a syntax diagnostic with a position inside the file, and no valid case gets one.
/// Valid cases are not Kubernetes objects, so KP9002 is expected there and allowed.
/// </summary>
public class YamlTestSuiteTests
{
    private const string Missing = "(suite missing)";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var root = SharedFolder.Find("corpus/yaml-test-suite/data");
        if (root is null)
        {
            data.Add(Missing);
            return data;
        }

        foreach (var file in Directory.EnumerateFiles(root, "in.yaml", SearchOption.AllDirectories).OrderBy(f => f, System.StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, Path.GetDirectoryName(file)!).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void The_suite_has_402_cases_of_which_94_must_fail()
    {
        var root = SharedFolder.Require("corpus/yaml-test-suite/data");
        if (root is null)
        {
            return;
        }

        var cases = Directory.EnumerateFiles(root, "in.yaml", SearchOption.AllDirectories).Select(Path.GetDirectoryName).ToList();
        Assert.Equal(402, cases.Count);
        Assert.Equal(94, cases.Count(c => File.Exists(Path.Combine(c!, "error"))));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string id)
    {
        var root = SharedFolder.Require("corpus/yaml-test-suite/data");
        if (root is null || id == Missing)
        {
            return;
        }

        var directory = Path.Combine(root, id);
        var bytes = File.ReadAllBytes(Path.Combine(directory, "in.yaml"));
        var set = new ManifestLoader().LoadBytes("in.yaml", bytes);
        var syntax = set.Diagnostics.Where(d => d.Id == LoadDiagnostics.YamlSyntax.Id).ToList();

        if (File.Exists(Path.Combine(directory, "error")))
        {
            var error = Assert.Single(syntax.Take(1));
            var lines = set.Files.Single().Lines.LineCount;
            Assert.InRange(error.Span.Start.Line, 1, lines + 1);
            Assert.True(error.Span.Start.Column >= 1);
        }
        else
        {
            Assert.Empty(syntax);
            Assert.DoesNotContain(set.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id != LoadDiagnostics.DuplicateKey.Id);
        }
    }
}
