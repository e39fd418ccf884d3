using System;

namespace Kubepath.Cli.Commands;

/// <summary>What a long run is doing, on standard error when it is a terminal; nothing otherwise (CI logs stay clean).</summary>
internal sealed class Progress : IDisposable
{
    private readonly bool shown = !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
    private bool written;

    public void Say(string what)
    {
        if (shown)
        {
            Console.Error.Write("\r\u001b[Kkubepath: " + what + "…");
            written = true;
        }
    }

    /// <summary>Clears the line before the report is printed.</summary>
    public void Done()
    {
        if (written)
        {
            Console.Error.Write("\r\u001b[K");
            written = false;
        }
    }

    public void Dispose() => Done();
}
