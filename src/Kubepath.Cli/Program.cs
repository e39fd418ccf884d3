using System;
using System.CommandLine;
using Kubepath.Cli;
using Kubepath.Cli.Commands;
using System.Linq;
using Kubepath.Engine.Rules;
using Kubepath.Model;

// kubepath: predicts the Kubernetes datapath from manifests. Without a command it loads the manifests and reports
// what it found and every problem; `iptables` and `explain` predict what kube-proxy does with them.
try
{
    var input = new WorldInput(pathsOptional: true);
    var root = new RootCommand("Kubepath predicts what the Kubernetes datapath will do with your manifests, before anything is deployed.\n" +
        "Without a command: load the manifests, print the objects found, every input problem and every datapath finding, with its position.\n" +
        "Exit codes: 0 clean, 1 errors in the input or the findings, 2 usage or configuration error, 3 internal error.");
    input.AddTo(root);
    root.Subcommands.Add(IptablesCommand.Create());
    root.Subcommands.Add(ExplainCommand.Create());
    root.SetAction(parse =>
    {
        if (input.Load(parse, report: false) is not { } loaded)
        {
            return ExitCodes.Usage;
        }

        // Input problems first, then what the datapath rules find in the predicted cluster, as the settings leave them.
        var findings = Findings.Settle(loaded.Diagnostics.Concat(RuleRunner.Run(loaded.World, settings: loaded.Settings)), loaded.Manifests, loaded.Settings);
        Console.Out.Write(LoadSummary.Render(loaded.Manifests, findings));
        return loaded.ConfigHasErrors ? ExitCodes.Usage
            : findings.Any(f => !f.IsSuppressed && f.Diagnostic.Severity == DiagnosticSeverity.Error) ? ExitCodes.Findings
            : ExitCodes.Clean;
    });

    var result = root.Parse(args);
    if (result.Errors.Count > 0)
    {
        foreach (var error in result.Errors)
        {
            Console.Error.WriteLine("kubepath: " + error.Message);
        }

        Console.Error.WriteLine("Run kubepath --help for usage.");
        return ExitCodes.Usage;
    }

    // Kubepath reports its own internal errors (below), with the exit code the other tools expect.
    return result.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    Console.Error.WriteLine($"kubepath: internal error: {e.Message}");
    Console.Error.WriteLine("This is a bug in Kubepath; please report it with the input that caused it. Set KUBEPATH_VERBOSE=1 for details.");
    if (Environment.GetEnvironmentVariable("KUBEPATH_VERBOSE") == "1")
    {
        Console.Error.WriteLine(e);
    }

    return ExitCodes.InternalError;
}
