using System.Collections.Generic;
using Kubepath.Model;

namespace Kubepath.Manifests;

/// <summary>A kind of load problem: its stable id, a short title, and how serious it is by default.</summary>
public sealed record LoadDiagnosticDescriptor(string Id, string Title, DiagnosticSeverity DefaultSeverity)
{
    public Diagnostic At(SourceSpan span, string message) => new(Id, DefaultSeverity, message, span);
}

/// <summary>
/// The input problems the loader reports (KP9xxx). Each one leaves the rest of the input loading: a bad
/// value is dropped, a bad document is skipped, a bad file is skipped.
/// </summary>
public static class LoadDiagnostics
{
    public static readonly LoadDiagnosticDescriptor YamlSyntax =
        new("KP9001", "YAML syntax error", DiagnosticSeverity.Error);

    public static readonly LoadDiagnosticDescriptor NotAnObject =
        new("KP9002", "Document is not a Kubernetes object", DiagnosticSeverity.Warning);

    public static readonly LoadDiagnosticDescriptor WrongValueType =
        new("KP9003", "Value has the wrong type", DiagnosticSeverity.Error);

    public static readonly LoadDiagnosticDescriptor InvalidEnumValue =
        new("KP9004", "Value is not one of the allowed values", DiagnosticSeverity.Error);

    public static readonly LoadDiagnosticDescriptor RemovedApiVersion =
        new("KP9005", "apiVersion is no longer served", DiagnosticSeverity.Error);

    public static readonly LoadDiagnosticDescriptor UnrenderedTemplate =
        new("KP9006", "Unrendered template", DiagnosticSeverity.Error);

    public static readonly LoadDiagnosticDescriptor DuplicateKey =
        new("KP9007", "Duplicate mapping key", DiagnosticSeverity.Error);

    public static readonly LoadDiagnosticDescriptor DuplicateObject =
        new("KP9008", "Object defined more than once", DiagnosticSeverity.Error);

    public static readonly LoadDiagnosticDescriptor UnreadableFile =
        new("KP9009", "File is not text", DiagnosticSeverity.Error);

    public static readonly LoadDiagnosticDescriptor InputLimit =
        new("KP9010", "Input exceeds a safety limit", DiagnosticSeverity.Error);

    public static readonly LoadDiagnosticDescriptor PathNotFound =
        new("KP9011", "Input path cannot be read", DiagnosticSeverity.Error);

    public static readonly LoadDiagnosticDescriptor WrongApiVersion =
        new("KP9012", "Kind is not served by this apiVersion", DiagnosticSeverity.Error);

    public static readonly LoadDiagnosticDescriptor YamlReaderDifference =
        new("KP9013", "Valid YAML that kubectl may not read", DiagnosticSeverity.Warning);

    public static readonly LoadDiagnosticDescriptor InternalError =
        new("KP9014", "Internal error while reading the input", DiagnosticSeverity.Error);

    public static readonly LoadDiagnosticDescriptor UnknownField =
        new("KP9015", "Field unknown to the API", DiagnosticSeverity.Error);

    public static readonly LoadDiagnosticDescriptor MissingRequiredField =
        new("KP9016", "Required field missing", DiagnosticSeverity.Error);

    public static IReadOnlyList<LoadDiagnosticDescriptor> All { get; } = new[]
    {
        YamlSyntax, NotAnObject, WrongValueType, InvalidEnumValue, RemovedApiVersion, UnrenderedTemplate,
        DuplicateKey, DuplicateObject, UnreadableFile, InputLimit, PathNotFound, WrongApiVersion,
        YamlReaderDifference, InternalError, UnknownField, MissingRequiredField,
    };
}
