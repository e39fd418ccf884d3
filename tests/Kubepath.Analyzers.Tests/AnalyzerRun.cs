using System.Collections.Immutable;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Kubepath.Analyzers.Tests;

/// <summary>Compiles C# (with the k8s.Models slice) and YAML additional files, and runs the analyzer on them.</summary>
internal static class AnalyzerRun
{
    public static Task<ImmutableArray<Diagnostic>> Diagnostics(string source, params (string Path, string Text)[] additionalFiles) =>
        DiagnosticsIn("Program.cs", source, additionalFiles);

    /// <summary>As <see cref="Diagnostics"/>, with the C# at <paramref name="path"/>.</summary>
    public static Task<ImmutableArray<Diagnostic>> DiagnosticsIn(string path, string source, params (string Path, string Text)[] additionalFiles) =>
        DiagnosticsInTrees([(path, source)], additionalFiles);

    /// <summary>As <see cref="Diagnostics"/>, with several C# files (which may share a path, as trees made in memory do).</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsInTrees((string Path, string Source)[] sources, params (string Path, string Text)[] additionalFiles)
    {
        var compilation = CSharpCompilation.Create(
            "Manifests",
            [CSharpSyntaxTree.ParseText(KubernetesModels.Source, path: "Models.cs"), .. sources.Select(source => CSharpSyntaxTree.ParseText(source.Source, path: source.Path))],
            Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var options = new AnalyzerOptions([.. additionalFiles.Select(file => (AdditionalText)new InMemoryFile(file.Path, file.Text))]);
        var diagnostics = await compilation.WithAnalyzers([new KubepathAnalyzer()], options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return [.. diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath ?? d.Location.GetLineSpan().Path, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)];
    }

    /// <summary>"KP4004 Program.cs:12:17 ExternalTrafficPolicy = "Local"": the ID, where, and the C# or YAML text it marks.</summary>
    public static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var text = diagnostic.Location.SourceTree?.GetText().ToString(diagnostic.Location.SourceSpan) ?? string.Empty;
        return $"{diagnostic.Id} {System.IO.Path.GetFileName(span.Path)}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1} {text}";
    }

    private sealed class InMemoryFile(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
