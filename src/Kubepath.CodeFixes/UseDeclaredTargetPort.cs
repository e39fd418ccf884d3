using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kubepath.CodeFixes;

/// <summary>KP2002: sets the targetPort to a port the selected pods declare (one fix per declared name, or number when unnamed).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseDeclaredTargetPort))]
[Shared]
public sealed class UseDeclaredTargetPort : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("KP2002");

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
            if (!diagnostic.Properties.TryGetValue(Analyzers.KubepathAnalyzer.TargetPortCandidatesProperty, out var candidates) || candidates is null ||
                FlaggedAssignment.At(root, diagnostic.Location.SourceSpan) is not { } assignment)
            {
                continue;
            }

            foreach (var candidate in candidates.Split(','))
            {
                ExpressionSyntax value = int.TryParse(candidate, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    ? SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(number))
                    : SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(candidate));
                var changed = root.ReplaceNode(assignment.Right, value.WithTriviaFrom(assignment.Right));
                context.RegisterCodeFix(
                    CodeAction.Create("Use targetPort " + (number > 0 ? candidate : "\"" + candidate + "\"") + ", which the pods declare", _ => Task.FromResult(context.Document.WithSyntaxRoot(changed)), equivalenceKey: nameof(UseDeclaredTargetPort) + candidate),
                    diagnostic);
            }
        }
    }
}
