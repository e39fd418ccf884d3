using System.Collections.Generic;
using Kubepath.Manifests.Text;
using Kubepath.Manifests.Yaml;
using Kubepath.Model;

namespace Kubepath.Manifests.Reading;

/// <summary>What every field read needs: the file, its line map, and where load diagnostics go.</summary>
internal sealed class ReadContext
{
    public ReadContext(string file, LineMap lines, List<Diagnostic> diagnostics)
    {
        File = file;
        Lines = lines;
        Diagnostics = diagnostics;
    }

    public string File { get; }

    public LineMap Lines { get; }

    public List<Diagnostic> Diagnostics { get; }

    public SourceSpan Span(YamlNode node, FieldPath path) => Span(node, path, null, -1);

    /// <summary>The span of <paramref name="node"/>, found under <paramref name="key"/> or at <paramref name="index"/> of <paramref name="parent"/> (or at <paramref name="parent"/> itself).</summary>
    public SourceSpan Span(YamlNode node, FieldPath parent, string? key, int index)
    {
        var start = Lines.At(node.Start);
        var end = Lines.At(node.End, start);
        return key is not null ? SourceSpan.OfKey(File, start, end, parent, key)
            : index >= 0 ? SourceSpan.OfItem(File, start, end, parent, index)
            : new SourceSpan(File, start, end, parent);
    }

    public void Report(LoadDiagnosticDescriptor descriptor, YamlNode node, FieldPath path, string message) =>
        Diagnostics.Add(descriptor.At(Span(node, path), message));
}
