using System.Collections.Generic;
using System.IO;
using System.Linq;
using Kubepath.Manifests;
using Kubepath.Manifests.Text;
using Kubepath.Manifests.Yaml;
using Kubepath.Model;
using Xunit.Abstractions;

namespace Kubepath.Manifests.Tests.Yaml;

public class YamlTestSuiteProbe(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        var root = "/work/shared/corpus/yaml-test-suite/data";
        var bad = new List<string>();
        foreach (var dir in Directory.EnumerateFiles(root, "in.yaml", SearchOption.AllDirectories).Select(Path.GetDirectoryName).OrderBy(x => x))
        {
            var expectError = File.Exists(Path.Combine(dir!, "error"));
            var text = File.ReadAllText(Path.Combine(dir!, "in.yaml"));
            var diags = new List<Diagnostic>();
            new YamlStreamReader("in.yaml", text, new LineMap(text), LoadLimits.Default, false, diags, _ => { }).Read();
            var syntax = diags.Where(d => d.Id == "KP9001").ToList();
            if (expectError != syntax.Count > 0)
            {
                bad.Add($"{Path.GetRelativePath(root, dir!)} expectError={expectError} got={string.Join(" | ", diags)}");
            }
        }

        output.WriteLine(string.Join("\n", bad));
        Assert.Empty(bad);
    }
}
