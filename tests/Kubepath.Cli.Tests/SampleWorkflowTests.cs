using System.Text.RegularExpressions;
using Kubepath.Manifests.Tests;
using YamlDotNet.RepresentationModel;

namespace Kubepath.Cli.Tests;

/// <summary>The sample GitHub Actions workflow only uses commands and options kubepath has: each of its kubepath lines runs on the samples.</summary>
public class SampleWorkflowTests
{
    [Fact]
    public void Every_kubepath_command_of_the_workflow_runs_on_the_samples()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(MainJobTests.Root, "samples", "github-actions", "kubepath.yml"))));
        var steps = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"])["lint"])["steps"];
        var lines = steps.Children.OfType<YamlMappingNode>()
            .Where(step => step.Children.ContainsKey("run"))
            .SelectMany(step => ((YamlScalarNode)step["run"]).Value!.Split('\n'))
            .Where(line => line.TrimStart().StartsWith("kubepath ", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(4, lines.Count);

        using var folder = new TemporaryFolder("kubepath-workflow-");
        var output = Path.Combine(folder.Path, "report");
        foreach (var line in lines)
        {
            var args = Regex.Matches(line.Trim(), "\"[^\"]*\"|\\S+").Select(m => m.Value.Trim('"')).Skip(1)
                .Select(arg => arg == "$MANIFESTS" ? "samples/seed" : arg.StartsWith("kubepath.", StringComparison.Ordinal) ? output + Path.GetExtension(arg) : arg)
                .ToArray();
            var (exitCode, _, error) = MainJobTests.Run(args);
            Assert.True(exitCode == 0, line + ": " + error);
        }
    }
}
