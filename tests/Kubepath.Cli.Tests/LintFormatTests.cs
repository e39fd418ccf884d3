using System.Collections.Generic;
using Kubepath.Manifests.Tests;
using NJsonSchema;

namespace Kubepath.Cli.Tests;

/// <summary>
/// <c>kubepath lint</c> in every format on the samples: whole outputs against approved files (regenerate with
/// KUBEPATH_APPROVE=1 and review the diff), the machine formats against their schemas, exit codes per --fail-on.
/// </summary>
public class LintFormatTests
{
    private static readonly string[] SeedLab =
    {
        "lint", "samples/seed", "--state", "samples/seed-state/cluster-state.yaml", "--profile", "samples/seed-state/profile.yaml",
    };

    private static readonly string[] Shop = { "lint", "samples/shop" };

    public static TheoryData<string, string> Formats()
    {
        var data = new TheoryData<string, string>();
        foreach (var format in new[] { "text", "json", "sarif", "github", "markdown" })
        {
            data.Add("seed-lab", format);
            data.Add("shop", format);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_format_matches_its_approved_file(string sample, string format)
    {
        var (exitCode, output, error) = MainJobTests.Run([.. Sample(sample), "--format", format]);

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, exitCode);
        var extension = format switch { "text" => "txt", "github" => "github.txt", "markdown" => "md", _ => format };
        var path = Path.Combine(MainJobTests.Root, "tests", "Kubepath.Cli.Tests", "Approved", "lint", sample + "." + extension);
        if (Environment.GetEnvironmentVariable("KUBEPATH_APPROVE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, output);
        }

        Assert.Equal(File.ReadAllText(path), output);
    }

    [Fact]
    public async Task Sarif_is_valid_SARIF_2_1_0_with_regions_help_and_fingerprints()
    {
        var schemaPath = SharedFolder.Require("schemas/sarif-schema-2.1.0.json");
        if (schemaPath is null)
        {
            return;
        }

        var schema = await JsonSchema.FromFileAsync(schemaPath);
        foreach (var sample in new[] { "seed-lab", "shop" })
        {
            var output = MainJobTests.Run([.. Sample(sample), "--format", "sarif"]).Output;
            Assert.Empty(schema.Validate(output));
            using var sarif = System.Text.Json.JsonDocument.Parse(output);
            var run = sarif.RootElement.GetProperty("runs")[0];
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
            Assert.All(rules, rule => Assert.StartsWith("https://kubepath.io/rules/", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal));
            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                Assert.StartsWith("samples/", location.GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
                Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
                Assert.Equal(32, result.GetProperty("partialFingerprints").GetProperty("kubepath/v1").GetString()!.Length);
                Assert.Equal(result.GetProperty("ruleId").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            }
        }
    }

    [Fact]
    public async Task Json_follows_its_schema_and_keeps_suppressed_findings()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(MainJobTests.Root, "schemas", "lint.schema.json"));
        var output = MainJobTests.Run([.. Shop, "--format", "json"]).Output;

        Assert.Empty(schema.Validate(output));
        Assert.Contains("\"suppressed\": 1", output);
        Assert.Contains("\"reason\": \"the bastion passes the client address in X-Forwarded-For\"", output);
    }

    [Fact]
    public void A_fingerprint_does_not_change_when_lines_move()
    {
        using var folder = new TemporaryFolder("kubepath-fp-");
        var root = folder.Path;
        var manifest = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {type: NodePort, selector: {app: web}, ports: [{port: 80}]}\n---\n" +
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n";
        File.WriteAllText(Path.Combine(root, "a.yaml"), manifest);
        var before = Fingerprints(MainJobTests.Run("lint", Path.Combine(root, "a.yaml"), "--format", "sarif").Output);
        File.WriteAllText(Path.Combine(root, "a.yaml"), "# a comment\n# and another\n" + manifest);
        var after = Fingerprints(MainJobTests.Run("lint", Path.Combine(root, "a.yaml"), "--format", "sarif").Output);

        Assert.NotEmpty(before);
        Assert.Equal(before, after);

        static List<string> Fingerprints(string sarif)
        {
            using var document = System.Text.Json.JsonDocument.Parse(sarif);
            return document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("partialFingerprints").GetProperty("kubepath/v1").GetString()!).ToList();
        }
    }

    [Theory]
    [InlineData("error", 0)]
    [InlineData("warning", 1)]
    [InlineData("info", 1)]
    [InlineData("none", 0)]
    public void Fail_on_sets_the_exit_code(string level, int expected)
    {
        Assert.Equal(expected, MainJobTests.Run([.. SeedLab, "--fail-on", level, "--format", "github"]).ExitCode);
    }

    [Fact]
    public void Output_writes_the_report_to_a_file()
    {
        using var folder = new TemporaryFolder("kubepath-out-");
        var file = Path.Combine(folder.Path, "report.md");

        var (exitCode, output, _) = MainJobTests.Run([.. Shop, "--format", "markdown", "--output", file]);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("## Kubepath: 0 errors, 1 warning, 0 infos, 1 suppressed", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_alone_lint_as_lint_does()
    {
        Assert.Equal(MainJobTests.Run([.. Shop, "--format", "json"]).Output, MainJobTests.Run("samples/shop", "--format", "json").Output);
    }

    [Fact]
    public void Text_output_cannot_be_made_to_start_a_line_or_send_escapes()
    {
        using var folder = new TemporaryFolder("kubepath-ctl-");
        var file = Path.Combine(folder.Path, "evil.yaml");
        File.WriteAllText(file, "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {\"x\\n::error file=a::owned\\e[31m\": 1, ports: [{port: 80}]}\n");

        var (_, output, _) = MainJobTests.Run("lint", file, "--no-color");

        Assert.Contains("KP9015", output);
        Assert.DoesNotContain(output.Split('\n'), line => line.StartsWith("::", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("\\u000a::error", output);
    }

    [Fact]
    public void A_markdown_report_stays_within_the_size_of_a_GitHub_comment()
    {
        using var folder = new TemporaryFolder("kubepath-big-");
        var file = Path.Combine(folder.Path, "many.yaml");
        File.WriteAllText(file, string.Concat(Enumerable.Range(0, 800).Select(i =>
            $"---\napiVersion: v1\nkind: Service\nmetadata: {{name: s{i}}}\nspec: {{externalTrafficPolicy: Local, internalTrafficPolicy: Local, ports: [{{port: 80}}]}}\n")));

        var output = MainJobTests.Run("lint", file, "--format", "markdown").Output;

        Assert.True(output.Length < 65_536, output.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Matches(@"…and \d+ more findings on \d+ more objects", output);
    }

    private static string[] Sample(string name) => name == "shop" ? Shop : SeedLab;
}
