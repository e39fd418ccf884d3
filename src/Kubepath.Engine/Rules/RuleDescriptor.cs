using System;
using System.Collections.Generic;
using System.Linq;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>An example manifest in a rule's catalogue file: a bad one triggers the rule once at <see cref="Line"/>, a good one never.</summary>
public sealed record RuleExample(bool Bad, string Manifest, int Line, string Profile, string? Kubernetes = null);

/// <summary>A rule as the catalogue (<c>rules/KPnnnn.yaml</c>) describes it; the CLI, SARIF and the analyzer all read this.</summary>
public sealed record RuleDescriptor
{
    /// <summary>Where each rule's documentation (<c>rules/KPnnnn.md</c> in the repository) is published.</summary>
    public const string HelpBase = "https://kubepath.io/rules/";

    public required string Id { get; init; }

    public required string Title { get; init; }

    public required DiagnosticSeverity Severity { get; init; }

    public required string Category { get; init; }

    /// <summary>The message, with <c>{name}</c> placeholders the rule fills in.</summary>
    public required string Message { get; init; }

    public required string Why { get; init; }

    public required string Fix { get; init; }

    public IReadOnlyList<RuleExample> Examples { get; init; } = Array.Empty<RuleExample>();

    /// <summary>The rule file's <c>help</c> link: its published documentation.</summary>
    public required string HelpUri { get; init; }

    /// <summary>The message with its placeholders filled; a placeholder without a value is a bug in the rule.</summary>
    public string Format(IReadOnlyDictionary<string, string> values)
    {
        var text = Message;
        foreach (var pair in values)
        {
            text = text.Replace("{" + pair.Key + "}", pair.Value);
        }

        if (text.IndexOf('{') >= 0 && Placeholders(text).Any())
        {
            throw new InvalidOperationException(Id + ": no value for " + string.Join(", ", Placeholders(text)));
        }

        return text;
    }

    public static IEnumerable<string> Placeholders(string message)
    {
        for (var start = message.IndexOf('{'); start >= 0; start = message.IndexOf('{', start + 1))
        {
            var end = message.IndexOf('}', start);
            if (end > start + 1 && message.Substring(start + 1, end - start - 1).All(c => char.IsLetterOrDigit(c)))
            {
                yield return message.Substring(start + 1, end - start - 1);
            }
        }
    }
}
