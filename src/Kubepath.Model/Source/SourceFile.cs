namespace Kubepath.Model;

/// <summary>A loaded input: its display path (forward slashes) and its decoded text, kept so reports can quote lines.</summary>
public sealed record SourceFile(string Path, string Text);
