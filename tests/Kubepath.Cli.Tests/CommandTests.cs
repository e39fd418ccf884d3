using Kubepath.Cli.Commands;
using Kubepath.Cli.Report;
using Kubepath.Manifests.Tests;
using NJsonSchema;
using YamlDotNet.Serialization;

namespace Kubepath.Cli.Tests;

/// <summary>The commands around lint: help with examples, rules, init, and the escaping that keeps PR comments safe.</summary>
public class CommandTests
{
    [Theory]
    [InlineData("lint")]
    [InlineData("explain")]
    [InlineData("iptables")]
    [InlineData("rules")]
    [InlineData("init")]
    public void Every_command_has_help_with_examples(string command)
    {
        var (exitCode, output, _) = MainJobTests.Run(command, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Example", output);
        Assert.Contains("kubepath " + command, output);
    }

    [Fact]
    public void Rules_lists_every_rule_and_input_diagnostic_and_shows_one()
    {
        var list = MainJobTests.Run("rules").Output;
        Assert.Contains("KP1001  warning  traffic policy  internalTrafficPolicy Local does not apply to the Service's external addresses", list);
        Assert.Contains("KP9004  error    input           Value is not one of the allowed values", list);

        var (exitCode, doc, _) = MainJobTests.Run("rules", "show", "kp3006");
        Assert.Equal(0, exitCode);
        Assert.StartsWith("# KP3006: ", doc, StringComparison.Ordinal);
        Assert.Contains("https://kubepath.io/rules/KP3006", doc);
    }

    [Fact]
    public void A_command_named_like_a_folder_says_how_to_lint_the_folder()
    {
        // The tests run at the repository's root, which has a rules/ folder; it has no explain/ folder.
        var (exitCode, _, error) = MainJobTests.Run("rules");
        Assert.Equal(0, exitCode);
        Assert.Contains("kubepath: note: 'rules' is a command; to lint the path of that name, run kubepath lint ./rules", error, StringComparison.Ordinal);

        Assert.DoesNotContain("is a command", MainJobTests.Run("rules", "show", "KP1001").Error + MainJobTests.Run("lint", "samples/seed").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_rule_is_a_usage_error_with_the_rule_meant()
    {
        var (exitCode, _, error) = MainJobTests.Run("rules", "show", "KP3060");

        Assert.Equal(2, exitCode);
        Assert.Contains("no rule KP3060; did you mean KP3006?", error);
    }

    [Fact]
    public async Task Init_writes_a_config_that_loads_cleanly_and_follows_the_schema_and_never_overwrites_silently()
    {
        using var temporary = new TemporaryFolder("kubepath-init-");
        var folder = temporary.Path;

        Assert.Equal(0, MainJobTests.Run("init", folder).ExitCode);
        Assert.Equal(2, MainJobTests.Run("init", folder).ExitCode);
        Assert.Equal(0, MainJobTests.Run("init", folder, "--force").ExitCode);

        var written = File.ReadAllText(Path.Combine(folder, ".kubepath.yaml"));
        var schema = await JsonSchema.FromFileAsync(Path.Combine(MainJobTests.Root, "schemas", "config.schema.json"));
        var json = new SerializerBuilder().JsonCompatible().Build().Serialize(new DeserializerBuilder().Build().Deserialize<object>(written)!);
        Assert.Empty(schema.Validate(json));
        File.WriteAllText(Path.Combine(folder, "svc.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n");
        var (exitCode, output, _) = MainJobTests.Run(folder);
        Assert.Equal(0, exitCode);
        Assert.EndsWith("Checked 1 object (1 Service) in 1 file: 0 errors, 0 warnings, 0 infos.\n", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](https://evil.example)")]
    [InlineData("@everyone and @org/team")]
    [InlineData("| a | b |")]
    [InlineData("**bold** _it_ `code` ~~strike~~")]
    [InlineData("visit www.evil.example or https://evil.example")]
    [InlineData("line\n# heading\n- item")]
    [InlineData("&lt;script&gt;")]
    [InlineData("see #12, owner/repo#34 and GH-56, fixed in 0123abcd4567")]
    public void Manifest_text_cannot_inject_markdown_html_links_or_mentions(string hostile)
    {
        var escaped = MarkdownText.Escape(hostile);

        Assert.DoesNotContain('\n', escaped);
        foreach (var (c, i) in escaped.Select((c, i) => (c, i)))
        {
            if (c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c)) && c != '\\')
            {
                Assert.True(i > 0 && escaped[i - 1] == '\\', $"unescaped '{c}' at {i} in {escaped}");
            }
        }

        // Ordinal: a culture-aware search would skip the zero-width spaces that break mentions and autolinks.
        Assert.DoesNotContain("@e", escaped, StringComparison.Ordinal);
        Assert.DoesNotContain("@o", escaped, StringComparison.Ordinal);
        Assert.DoesNotContain("www\\.", escaped, StringComparison.Ordinal);
        Assert.DoesNotContain(":\\/\\/", escaped, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\\#\d", escaped);
        Assert.DoesNotMatch(@"(?i)GH\\-\d", escaped);
        Assert.DoesNotMatch("[0-9a-f]{7}", escaped);
    }

    [Theory]
    [InlineData("plain", "`plain`")]
    [InlineData("a`b", "``a`b``")]
    [InlineData("`x`", "`` `x` ``")]
    [InlineData("a|b", "`a\\|b`")]
    public void Code_spans_outrun_backticks_and_keep_tables_whole(string text, string code)
    {
        Assert.Equal(code, MarkdownText.Code(text));
    }

    [Fact]
    public void Mermaid_labels_carry_no_quotes_brackets_or_html()
    {
        Assert.Equal("a#34;b#93;#60;script#62;", MarkdownText.Mermaid("a\"b]<script>"));
    }

    [Fact]
    public void A_hostile_service_name_stays_inert_in_the_pull_request_comment()
    {
        using var folder = new TemporaryFolder("kubepath-md-");
        var file = Path.Combine(folder.Path, "evil.yaml");
        File.WriteAllText(file, """
            apiVersion: v1
            kind: Service
            metadata:
              name: "x</td><script>alert(1)</script>[pwn](https://evil.example)@admins"
            spec:
              type: NodePort
              selector: {app: web}
              ports: [{port: 80}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx}]}
            """);

        var output = MainJobTests.Run("lint", file, "--format", "markdown").Output;
        // Code spans show their text literally (no HTML, links or mentions inside them); everything else must be inert.
        var outsideCode = System.Text.RegularExpressions.Regex.Replace(output, "(`+)(?:(?!\\1).)*?\\1", "code");

        Assert.Contains("KP1002", output);
        Assert.Contains("`default/x</td><script>alert(1)</script>[pwn](https://evil.example)@admins`", output, StringComparison.Ordinal);
        output = outsideCode;
        Assert.DoesNotContain("<script>", output, StringComparison.Ordinal);
        Assert.DoesNotContain("](https://evil", output, StringComparison.Ordinal);
        Assert.DoesNotContain("@admins", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_init_template_stays_valid_when_its_examples_are_uncommented()
    {
        var uncommented = string.Join("\n", InitCommand.Template.Split('\n').Select(line =>
            line.StartsWith("# rules:", StringComparison.Ordinal) || line.StartsWith("# exclude:", StringComparison.Ordinal) ||
            line.StartsWith("# clientIPRequired:", StringComparison.Ordinal) || line.StartsWith("#   ", StringComparison.Ordinal) ? line[2..] : line));
        Assert.NotEqual(InitCommand.Template, uncommented);

        var set = new Kubepath.Manifests.ManifestLoader().LoadText(".kubepath.yaml", uncommented);

        Assert.Empty(set.Diagnostics);
        var config = Assert.Single(set.OfKind<Kubepath.Model.ConfigManifest>());
        Assert.Equal(["KP1002", "KP1006"], config.Rules!.Value.Select(entry => entry.Key.Value));
        Assert.Equal(2, config.Exclude.Count);
        Assert.Single(config.ClientIPRequired);
    }
}
