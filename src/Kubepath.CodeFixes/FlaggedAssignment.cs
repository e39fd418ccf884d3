using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Kubepath.CodeFixes;

/// <summary>The C# assignment a Kubepath diagnostic marks (the analyzer reports at the assignment that set the value).</summary>
internal static class FlaggedAssignment
{
    public static AssignmentExpressionSyntax? At(SyntaxNode root, TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<AssignmentExpressionSyntax>();

    /// <summary>The property an assignment sets: <c>Type</c> in <c>Type = …</c> and in <c>service.Spec.Type = …</c>.</summary>
    public static string PropertyName(AssignmentExpressionSyntax assignment) => assignment.Left switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.Text,
        MemberAccessExpressionSyntax member => member.Name.Identifier.Text,
        _ => string.Empty,
    };
}
