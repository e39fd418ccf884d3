namespace Kubepath.Model;

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>A finding about the input, anchored at the exact text it is about.</summary>
public sealed record Diagnostic(string Id, DiagnosticSeverity Severity, string Message, SourceSpan Span)
{
    public override string ToString() =>
        $"{Span}: {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}
