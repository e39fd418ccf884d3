using System;
using System.CommandLine;
using System.IO;
using System.Text;

namespace Kubepath.Cli.Commands;

/// <summary>Where a command's report goes (<c>--output</c>) and whether it may use colour (<c>--no-color</c>, <c>NO_COLOR</c>).</summary>
internal sealed class OutputOptions
{
    public Option<string?> File { get; } = new("--output", "-o") { Description = "Write the report to this file instead of standard output" };

    public Option<bool> NoColor { get; } = new("--no-color") { Description = "No colour (also without a terminal, or when NO_COLOR is set)" };

    public void AddTo(Command command, bool color = true)
    {
        command.Options.Add(File);
        if (color)
        {
            command.Options.Add(NoColor);
        }
    }

    /// <summary>Colour only on a terminal, and only if neither --no-color nor NO_COLOR (https://no-color.org) says otherwise.</summary>
    public bool Color(ParseResult parse) =>
        !parse.GetValue(NoColor) && parse.GetValue(File) is null && !Console.IsOutputRedirected &&
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>Writes the report; false (after saying why) when the file cannot be written.</summary>
    public bool Write(ParseResult parse, string text)
    {
        if (parse.GetValue(File) is not { } path)
        {
            Console.Out.Write(text);
            return true;
        }

        try
        {
            System.IO.File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Console.Error.WriteLine($"kubepath: --output {path}: {e.Message}");
            return false;
        }
    }
}
