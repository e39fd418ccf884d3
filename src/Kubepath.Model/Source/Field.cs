namespace Kubepath.Model;

/// <summary>A value read from a manifest together with where it was written.</summary>
public sealed record Field<T>(T Value, SourceSpan Span)
{
    public override string ToString() => $"{Value} ({Span})";
}
