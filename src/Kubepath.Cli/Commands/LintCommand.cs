using System;
using System.CommandLine;
using System.Linq;
using System.Reflection;
using Kubepath.Cli.Report;
using Kubepath.Engine.Rules;
using Kubepath.Model;

namespace Kubepath.Cli.Commands;

/// <summary>
/// <c>kubepath lint PATH...</c> (also what <c>kubepath PATH...</c> does): loads the manifests, predicts the datapath,
/// runs every rule, applies the settings and suppressions, and reports in the chosen format.
/// </summary>
internal static class LintCommand
{
    public const string Examples = """

        Examples:
          kubepath lint deploy/                               lint a folder with the built-in k3s profile
          kubepath lint deploy/ --profile kubeadm --fail-on warning
          kubepath lint deploy/ --format sarif -o kubepath.sarif
          kubepath lint deploy/ --format markdown > comment.md
          kubectl kustomize overlays/prod | kubepath lint -   read rendered manifests from standard input
        """;

    public static Command Create(Option<bool> verbose)
    {
        var command = new Command("lint", "Find what the datapath will do wrong: load the manifests, predict kube-proxy's and MetalLB's behaviour, and report every finding with its position." + Examples);
        Configure(command, verbose, pathsOptional: false);
        return command;
    }

    /// <summary>Gives <paramref name="command"/> lint's arguments, options and action (the root command lints too).</summary>
    public static void Configure(Command command, Option<bool> verbose, bool pathsOptional)
    {
        var input = new WorldInput(pathsOptional);
        var output = new OutputOptions();
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (default), json (schemas/lint.schema.json), sarif (SARIF 2.1.0), github (workflow annotations) or markdown (a pull-request comment)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github", "markdown");
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when a finding at or above this severity stands: error (default), warning, info or none",
            DefaultValueFactory = _ => "error",
        };
        failOn.AcceptOnlyFromAmong("error", "warning", "info", "none");

        input.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(failOn);
        output.AddTo(command);
        command.SetAction(parse =>
        {
            using var progress = new Progress();
            progress.Say("loading manifests");
            if (input.Load(parse, report: false) is not { } loaded)
            {
                return ExitCodes.Usage;
            }

            progress.Say("predicting the datapath and running the rules");
            var findings = Findings.Settle(loaded.Diagnostics.Concat(RuleRunner.Run(loaded.World, settings: loaded.Settings, useEveryCore: true)), loaded.Manifests, loaded.Settings);
            var result = new LintResult(loaded.Manifests, loaded.World, findings);
            progress.Say("writing the report");
            var report = parse.GetValue(format) switch
            {
                "json" => JsonReport.Render(result),
                "sarif" => SarifReport.Render(result, Version),
                "github" => GithubReport.Render(result),
                "markdown" => MarkdownReport.Render(result),
                _ => TextReport.Render(result, output.Color(parse), listObjects: parse.GetValue(verbose)),
            };
            progress.Done();
            if (!output.Write(parse, report))
            {
                return ExitCodes.Usage;
            }

            var level = parse.GetValue(failOn) switch
            {
                "none" => (DiagnosticSeverity?)null,
                "warning" => DiagnosticSeverity.Warning,
                "info" => DiagnosticSeverity.Info,
                _ => DiagnosticSeverity.Error,
            };
            return loaded.ConfigHasErrors ? ExitCodes.Usage : result.Fails(level) ? ExitCodes.Findings : ExitCodes.Clean;
        });
    }

    /// <summary>The tool's version, as SARIF reports it (without the source revision, so output does not change between builds of one version).</summary>
    private static string Version =>
        (typeof(LintCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
