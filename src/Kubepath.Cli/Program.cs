using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Kubepath.Cli;
using Kubepath.Cli.Commands;

// kubepath: predicts the Kubernetes datapath from manifests. `kubepath PATH...` lints (as `kubepath lint` does);
// `explain` and `iptables` show the prediction itself; `rules` and `init` help set it up.
var verbose = new Option<bool>("--verbose") { Description = "More detail: the objects found in each file; on an internal error, its stack trace", Recursive = true };
try
{
    var root = new RootCommand("Kubepath predicts what the Kubernetes datapath will do with your manifests, before anything is deployed.\n" +
        "Without a command it lints the given paths (the current folder when none are given), like kubepath lint.\n" +
        "Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage or configuration error, 3 internal error." + LintCommand.Examples);
    root.Options.Add(verbose);
    LintCommand.Configure(root, verbose, pathsOptional: true);
    root.Subcommands.Add(LintCommand.Create(verbose));
    root.Subcommands.Add(ExplainCommand.Create());
    root.Subcommands.Add(IptablesCommand.Create());
    root.Subcommands.Add(RulesCommand.Create());
    root.Subcommands.Add(InitCommand.Create());

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

    // A command's name wins over a folder of that name: say so, since `kubepath rules` in a repository with a rules/
    // folder lists Kubepath's rules rather than linting it.
    if (result.CommandResult.Command != root && args.Length > 0 && args[0] == result.CommandResult.Command.Name && (Directory.Exists(args[0]) || File.Exists(args[0])))
    {
        Console.Error.WriteLine($"kubepath: note: '{args[0]}' is a command; to lint the path of that name, run kubepath lint ./{args[0]}");
    }

    // Kubepath reports its own internal errors (below), with the exit code the other tools expect.
    return result.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    Console.Error.WriteLine($"kubepath: internal error: {e.Message}");
    Console.Error.WriteLine("This is a bug in Kubepath; please report it with the input that caused it (run with --verbose for the details to include).");
    if (args.Contains("--verbose") || Environment.GetEnvironmentVariable("KUBEPATH_VERBOSE") == "1")
    {
        Console.Error.WriteLine(e);
    }

    return ExitCodes.InternalError;
}
