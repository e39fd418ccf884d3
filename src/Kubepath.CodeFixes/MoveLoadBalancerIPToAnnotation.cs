using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kubepath.CodeFixes;

/// <summary>
/// KP3009: moves a deprecated <c>LoadBalancerIP = "…"</c> to the MetalLB annotation the profile's release reads
/// (<c>metallb.io/loadBalancerIPs</c> or <c>metallb.universe.tf/loadBalancerIPs</c>), in the Service's metadata
/// initializer: into its Annotations dictionary initializer, or as a new one.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveLoadBalancerIPToAnnotation))]
[Shared]
public sealed class MoveLoadBalancerIPToAnnotation : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("KP3009");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(Analyzers.KubepathAnalyzer.AnnotationProperty, out var annotation) || annotation is null ||
                FlaggedAssignment.At(root, diagnostic.Location.SourceSpan) is not { Parent: InitializerExpressionSyntax spec } assignment ||
                Metadata(spec) is not { } metadata)
            {
                continue;
            }

            var entry = SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.ImplicitElementAccess(SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(annotation)))))),
                assignment.Right.WithoutTrivia());
            var annotations = metadata.Expressions.OfType<AssignmentExpressionSyntax>().FirstOrDefault(a => FlaggedAssignment.PropertyName(a) == "Annotations");
            var newMetadata = annotations?.Right is BaseObjectCreationExpressionSyntax { Initializer: { } existing }
                ? metadata.ReplaceNode(existing, existing.AddExpressions(entry))
                : annotations is null
                    ? metadata.AddExpressions(SyntaxFactory.AssignmentExpression(
                        SyntaxKind.SimpleAssignmentExpression,
                        SyntaxFactory.IdentifierName("Annotations"),
                        SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName("System.Collections.Generic.Dictionary<string, string>"))
                            .WithArgumentList(SyntaxFactory.ArgumentList())
                            .WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(entry)))))
                    : null;
            if (newMetadata is null)
            {
                continue;
            }

            // Both edits at once: the metadata gains the annotation, the spec loses the field.
            var changed = root.ReplaceNodes(new SyntaxNode[] { metadata, spec }, (original, _) => original == metadata ? newMetadata : spec.WithExpressions(spec.Expressions.Remove(assignment)));
            context.RegisterCodeFix(
                CodeAction.Create("Move the address to the " + annotation + " annotation", _ => Task.FromResult(context.Document.WithSyntaxRoot(changed)), equivalenceKey: nameof(MoveLoadBalancerIPToAnnotation)),
                diagnostic);
        }
    }

    /// <summary>The initializer of <c>Metadata = new V1ObjectMeta { … }</c> beside the spec (<c>Spec = new V1ServiceSpec { … }</c>).</summary>
    private static InitializerExpressionSyntax? Metadata(InitializerExpressionSyntax spec) =>
        spec.Parent is BaseObjectCreationExpressionSyntax { Parent: AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax service } }
            ? service.Expressions.OfType<AssignmentExpressionSyntax>().Where(a => FlaggedAssignment.PropertyName(a) == "Metadata").Select(a => (a.Right as BaseObjectCreationExpressionSyntax)?.Initializer).FirstOrDefault()
            : null;
}
