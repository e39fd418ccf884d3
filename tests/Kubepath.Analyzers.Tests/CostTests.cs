using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kubepath.Analyzers.Tests;

/// <summary>
/// A compilation that neither references KubernetesClient nor passes YAML files costs nothing: the analyzer registers
/// no action on it, so the compiler never calls it for a syntax node, an operation or the compilation's end. (What it
/// adds to a build that does use KubernetesClient is measured in tests/Kubepath.Benchmarks.)
/// </summary>
public class CostTests
{
    [Fact]
    public void Without_KubernetesClient_or_manifests_nothing_is_registered()
    {
        var plain = CSharpCompilation.Create("Plain", [CSharpSyntaxTree.ParseText("public static class Orders { public static int Count(int[] x) => x.Length; }")], Net80.References.All);

        Assert.Equal(0, Registrations(plain, new AnalyzerOptions([])));
    }

    [Fact]
    public void With_KubernetesClient_or_a_manifest_the_analyzer_takes_part()
    {
        var models = CSharpCompilation.Create("Models", [CSharpSyntaxTree.ParseText(KubernetesModels.Source)], Net80.References.All);
        var plain = CSharpCompilation.Create("Plain", [], Net80.References.All);

        Assert.NotEqual(0, Registrations(models, new AnalyzerOptions([])));
        Assert.NotEqual(0, Registrations(plain, new AnalyzerOptions([new ManifestFile()])));
    }

    /// <summary>How many actions the analyzer registers when the compiler starts on <paramref name="compilation"/>.</summary>
    private static int Registrations(Compilation compilation, AnalyzerOptions options)
    {
        var analysis = new RecordingAnalysisContext();
        new KubepathAnalyzer().Initialize(analysis);
        var start = new RecordingStartContext(compilation, options);
        foreach (var action in analysis.StartActions)
        {
            action(start);
        }

        return start.Count;
    }

    private sealed class ManifestFile : AdditionalText
    {
        public override string Path => "service.yaml";

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From("apiVersion: v1\nkind: Service\nmetadata: {name: web}\n");
    }

    private sealed class RecordingAnalysisContext : AnalysisContext
    {
        public List<Action<CompilationStartAnalysisContext>> StartActions { get; } = [];

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => StartActions.Add(action);

        public override void EnableConcurrentExecution()
        {
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
        }

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw new InvalidOperationException("unexpected");

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw new InvalidOperationException("unexpected");

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw new InvalidOperationException("unexpected");

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new InvalidOperationException("unexpected");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw new InvalidOperationException("unexpected");

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw new InvalidOperationException("unexpected");

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw new InvalidOperationException("unexpected");
    }

    private sealed class RecordingStartContext(Compilation compilation, AnalyzerOptions options)
        : CompilationStartAnalysisContext(compilation, options, CancellationToken.None)
    {
        public int Count { get; private set; }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => Count++;

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Count++;

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Count++;

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Count++;

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Count++;

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Count++;

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => Count++;

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Count++;

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Count++;

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Count++;

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => Count++;

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => Count++;
    }
}
