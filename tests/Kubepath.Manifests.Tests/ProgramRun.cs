using System.Diagnostics;

namespace Kubepath.Manifests.Tests;

/// <summary>Runs a program in a folder, as a user would, and collects what it printed (the CLI, dotnet pack and build).</summary>
internal static class ProgramRun
{
    public static (int ExitCode, string Output, string Error) In(string folder, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
