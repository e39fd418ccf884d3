using System;
using System.CommandLine;
using Kubepath.Cli;
using Kubepath.Cli.Commands;
using Kubepath.Manifests;

// kubepath: predicts the Kubernetes datapath from manifests. Without a command it loads the manifests and reports
// what it found and every problem; `iptables` and `explain` predict what kube-proxy does with them.
try
{
    var paths = new Argument<string[]>("paths") { Description = "Manifest files or folders; - reads standard input", Arity = ArgumentArity.ZeroOrMore };
    var root = new RootCommand("Kubepath predicts what the Kubernetes datapath will do with your manifests, before anything is deployed.\n" +
        "Without a command: load the manifests and print the objects found and every problem, with its position.\n" +
        "Exit codes: 0 clean, 1 problems in the input, 2 usage error, 3 internal error.");
    root.Arguments.Add(paths);
    root.Subcommands.Add(IptablesCommand.Create());
    root.Subcommands.Add(ExplainCommand.Create());
    root.SetAction(parse =>
    {
        var given = parse.GetValue(paths);
        var set = new ManifestLoader().Load(given is { Length: > 0 } ? given : ["."]);
        Console.Out.Write(LoadSummary.Render(set));
        return LoadSummary.HasErrors(set) ? ExitCodes.Findings : ExitCodes.Clean;
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
