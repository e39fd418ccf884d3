namespace Kubepath.Manifests;

/// <summary>
/// Bounds that keep hostile input (alias bombs, deep nesting, huge files) within bounded time and memory.
/// Input over a bound is reported (KP9010) and skipped; the rest of the input still loads.
/// </summary>
public sealed record LoadLimits
{
    public static readonly LoadLimits Default = new();

    /// <summary>Files larger than this are not parsed.</summary>
    public long MaxFileBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Collections nested deeper than this end the document.</summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>Nodes one document may hold (a 5 MB CRD holds about 150,000); more ends the document.</summary>
    public int MaxDocumentNodes { get; init; } = 1_000_000;

    /// <summary>Nodes a document may reach through aliases (each alias counts the size of what it repeats).</summary>
    public long MaxAliasExpansion { get; init; } = 1_000_000;

    /// <summary>Directory levels followed below an input folder.</summary>
    public int MaxDirectoryDepth { get; init; } = 64;
}
