using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kubepath.Manifests.Yaml;

/// <summary>
/// The parser events document trees are built from, whichever reader found them (<see cref="BlockYamlReader"/> for the
/// block style manifests are written in, YamlDotNet's parser for everything else). Offsets are into the text being
/// parsed, End exclusive, as YamlDotNet marks them. A handler returns a YAML 1.2 rule the text breaks, which ends
/// reading, or null.
/// </summary>
internal interface IYamlEvents
{
    (int Offset, string Message)? DocumentStart(bool isImplicit, int start, int end);

    void DocumentEnd(int end);

    /// <summary>A scalar; <c>multiLine</c> when its text spans lines; <c>tag</c> as written (<c>!</c> for the non-specific tag) or null.</summary>
    (int Offset, string Message)? Scalar(string value, ScalarStyle style, int start, int end, bool multiLine, string? tag, string? anchor);

    /// <summary>A mapping or sequence starts; <c>column</c> is the 0-based column of <c>start</c>.</summary>
    (int Offset, string Message)? CollectionStart(YamlNodeKind kind, bool flow, int start, int column, string? tag, string? anchor);

    (int Offset, string Message)? CollectionEnd(int end);

    void Alias(string name, int start, int end);
}

/// <summary>YamlDotNet's parser events, passed on as <see cref="IYamlEvents"/>.</summary>
internal static class YamlDotNetEvents
{
    /// <summary>Passes one event on; <c>start</c> is where the parser's text starts in the text being parsed.</summary>
    public static (int Offset, string Message)? Dispatch(ParsingEvent e, int start, IYamlEvents to)
    {
        switch (e)
        {
            case Scalar scalar:
                return to.Scalar(scalar.Value, scalar.Style, start + (int)e.Start.Index, start + (int)e.End.Index, e.Start.Line != e.End.Line, TagOf(scalar), AnchorOf(scalar));
            case MappingStart mapping:
                return to.CollectionStart(YamlNodeKind.Mapping, mapping.Style == MappingStyle.Flow, start + (int)e.Start.Index, (int)e.Start.Column - 1, TagOf(mapping), AnchorOf(mapping));
            case SequenceStart sequence:
                return to.CollectionStart(YamlNodeKind.Sequence, sequence.Style == SequenceStyle.Flow, start + (int)e.Start.Index, (int)e.Start.Column - 1, TagOf(sequence), AnchorOf(sequence));
            case MappingEnd:
            case SequenceEnd:
                return to.CollectionEnd(start + (int)e.End.Index);
            case AnchorAlias alias:
                to.Alias(alias.Value.Value, start + (int)e.Start.Index, start + (int)e.End.Index);
                return null;
            case DocumentStart document:
                return to.DocumentStart(document.IsImplicit, start + (int)e.Start.Index, start + (int)e.End.Index);
            case DocumentEnd:
                to.DocumentEnd(start + (int)e.End.Index);
                return null;
            default:
                return null;
        }
    }

    private static string? TagOf(NodeEvent e) => e.Tag.IsEmpty ? null : e.Tag.Value;

    private static string? AnchorOf(NodeEvent e) => e.Anchor.IsEmpty ? null : e.Anchor.Value;
}
