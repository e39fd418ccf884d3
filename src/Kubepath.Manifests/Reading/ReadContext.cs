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

    public SourceSpan Span(YamlNode node, FieldPath path) => new(File, Lines.At(node.Start), Lines.At(node.End), path);

    public void Report(LoadDiagnosticDescriptor descriptor, YamlNode node, FieldPath path, string message) =>
        Diagnostics.Add(descriptor.At(Span(node, path), message));
}
