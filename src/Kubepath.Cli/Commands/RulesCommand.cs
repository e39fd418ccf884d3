using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using Kubepath.Engine.Rules;
using Kubepath.Manifests;
using Kubepath.Model;

namespace Kubepath.Cli.Commands;

/// <summary><c>kubepath rules</c> lists every diagnostic; <c>kubepath rules show KP1001</c> prints one rule's documentation.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var output = new OutputOptions();
        var list = new Command("rules", """
            List every rule and input diagnostic: ID, default severity, category and title.

            Examples:
              kubepath rules
              kubepath rules show KP1001
            """);
        output.AddTo(list, color: false);
        list.SetAction(parse => output.Write(parse, List()) ? ExitCodes.Clean : ExitCodes.Usage);

        var id = new Argument<string>("id") { Description = "A rule ID such as KP1001" };
        var show = new Command("show", "Print a rule's documentation: what it finds, why it matters in the datapath, and how to fix it.\n\nExample:\n  kubepath rules show KP3006");
        show.Arguments.Add(id);
        output.AddTo(show, color: false);
        show.SetAction(parse =>
        {
            var wanted = parse.GetValue(id)!.Trim().ToUpperInvariant();
            if (Show(wanted) is not { } text)
            {
                var known = RuleCatalog.All.Select(rule => rule.Id).Concat(LoadDiagnostics.All.Select(d => d.Id));
                var meant = NearestName.Find(wanted, known);
                Console.Error.WriteLine($"kubepath: no rule {wanted}" + (meant is null ? string.Empty : $"; did you mean {meant}?") + " (kubepath rules lists them)");
                return ExitCodes.Usage;
            }

            return output.Write(parse, text) ? ExitCodes.Clean : ExitCodes.Usage;
        });
        list.Subcommands.Add(show);
        return list;
    }

    private static string List()
    {
        var text = new StringBuilder();
        foreach (var rule in RuleCatalog.All)
        {
            text.Append($"{rule.Id}  {rule.Severity.ToString().ToLowerInvariant(),-7}  {rule.Category,-15} {rule.Title}\n");
        }

        foreach (var diagnostic in LoadDiagnostics.All)
        {
            text.Append($"{diagnostic.Id}  {diagnostic.DefaultSeverity.ToString().ToLowerInvariant(),-7}  {"input",-15} {diagnostic.Title}\n");
        }

        return text.ToString();
    }

    private static string? Show(string id)
    {
        if (RuleCatalog.Find(id) is { } rule)
        {
            using var stream = typeof(RulesCommand).Assembly.GetManifestResourceStream("rules/" + id + ".md")!;
            using var reader = new StreamReader(stream);
            var doc = reader.ReadToEnd().Replace("\r\n", "\n").Split('\n', 2);
            return doc[0] + "\n\nSeverity: " + rule.Severity.ToString().ToLowerInvariant() + " · category: " + rule.Category + " · " + rule.HelpUri + "\n" + (doc.Length > 1 ? doc[1] : string.Empty);
        }

        return LoadDiagnostics.All.FirstOrDefault(d => d.Id == id) is { } load
            ? "# " + load.Id + ": " + load.Title + "\n\nSeverity: " + load.DefaultSeverity.ToString().ToLowerInvariant() + " · category: input · " + RuleDescriptor.HelpBase + "\n\n" +
              "An input problem: Kubepath reports it at its exact position and goes on reading the rest of the input.\n"
            : null;
    }
}
