using System;
using System.IO;
using Kubepath.Cli;
using Kubepath.Manifests;

// kubepath PATH... : loads manifests (files, folders, - for stdin) and prints what was found and every load
// problem. The full command set (lint, explain, iptables) builds on this loader.
try
{
    if (args.Length == 1 && args[0] is "-h" or "--help")
    {
        Console.Out.Write(LoadSummary.Usage);
        return ExitCodes.Clean;
    }

    var paths = args.Length == 0 ? new[] { "." } : args;
    var set = new ManifestLoader().Load(paths);
    Console.Out.Write(LoadSummary.Render(set));
    return LoadSummary.HasErrors(set) ? ExitCodes.Findings : ExitCodes.Clean;
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
