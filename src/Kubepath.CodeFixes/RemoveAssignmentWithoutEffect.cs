using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kubepath.CodeFixes;

/// <summary>KP4004: removes the assignment of a field that has no effect for the Service's type (in an initializer, or as a statement).</summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(RemoveAssignmentWithoutEffect))]
[Shared]
public sealed class RemoveAssignmentWithoutEffect : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("KP4004");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <summary>The initializer without the element and its separator; a one-line initializer keeps its space before <c>}</c>.</summary>
    private static InitializerExpressionSyntax Without(InitializerExpressionSyntax initializer, ExpressionSyntax element)
    {
        var result = initializer.WithExpressions(initializer.Expressions.Remove(element));
        var before = result.CloseBraceToken.GetPreviousToken();
        return initializer.ToString().IndexOf('\n') < 0 && !before.TrailingTrivia.Any() && !result.CloseBraceToken.LeadingTrivia.Any()
            ? result.WithCloseBraceToken(result.CloseBraceToken.WithLeadingTrivia(Microsoft.CodeAnalysis.CSharp.SyntaxFactory.Space))
            : result;
    }

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        if (FlaggedAssignment.At(root, context.Span) is not { } assignment)
        {
            return;
        }

        SyntaxNode? changed = assignment.Parent switch
        {
            // The element and its own separator go; the braces keep their layout.
            InitializerExpressionSyntax initializer => root.ReplaceNode(initializer, Without(initializer, assignment)),
            ExpressionStatementSyntax statement => root.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia),
            _ => null,
        };
        if (changed is null)
        {
            return;
        }

        var title = "Remove " + FlaggedAssignment.PropertyName(assignment) + ", which has no effect";
        context.RegisterCodeFix(
            CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(changed)), equivalenceKey: nameof(RemoveAssignmentWithoutEffect)),
            context.Diagnostics);
    }
}
