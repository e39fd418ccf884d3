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
/// KP1002 on a Service declared to need the client's address: sets <c>ExternalTrafficPolicy = "Local"</c>, replacing
/// the value it has, or adding it to the spec's initializer.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(UseLocalExternalTrafficPolicy))]
[Shared]
public sealed class UseLocalExternalTrafficPolicy : CodeFixProvider
{
    private const string Property = "ExternalTrafficPolicy";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("KP1002");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics.Where(d => d.Properties.ContainsKey(Analyzers.KubepathAnalyzer.ClientIPRequiredProperty)))
        {
            if (FlaggedAssignment.At(root, diagnostic.Location.SourceSpan) is not { } assignment)
            {
                continue;
            }

            var local = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("Local"));
            SyntaxNode? fixedRoot = null;
            if (FlaggedAssignment.PropertyName(assignment) == Property)
            {
                fixedRoot = root.ReplaceNode(assignment.Right, local.WithTriviaFrom(assignment.Right));
            }
            else if (assignment.Parent is InitializerExpressionSyntax initializer)
            {
                var added = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(Property), local);
                fixedRoot = root.ReplaceNode(initializer, initializer.AddExpressions(added));
            }

            if (fixedRoot is not null)
            {
                var result = fixedRoot;
                context.RegisterCodeFix(
                    CodeAction.Create("Set ExternalTrafficPolicy = \"Local\" to keep the client's address", _ => Task.FromResult(context.Document.WithSyntaxRoot(result)), equivalenceKey: nameof(UseLocalExternalTrafficPolicy)),
                    diagnostic);
            }
        }
    }
}
