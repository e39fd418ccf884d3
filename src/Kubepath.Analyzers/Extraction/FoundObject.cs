using System.Globalization;
using Kubepath.Manifests;
using Microsoft.CodeAnalysis.Operations;

namespace Kubepath.Analyzers.Extraction;

/// <summary>
/// The creation of a manifest's root object, as the compiler handed it over, waiting to be read at the end of the
/// compilation; <see cref="SourceName"/> is its C# file's path, told apart from other trees with the same path.
/// </summary>
internal sealed record RootCreation(IObjectCreationOperation Creation, (string ApiVersion, string Kind) Kind, string SourceName);

/// <summary>
/// A manifest read from C#: extracted from its operation tree, written as JSON and read by the loader at the end of the
/// compilation, every object on its own, side by side on every core. Nothing is read while the compiler's threads look
/// for objects: there the compiler's own work competes for the cores, and a host that analyses one file as it is edited
/// (and the end of the compilation only on demand) does not pay for it on every edit.
/// </summary>
internal sealed class FoundObject
{
    /// <summary>What the name of an object's file starts with: <c>csharp:</c>, then where in C# it is made.</summary>
    public const string FilePrefix = "csharp:";

    private FoundObject(WrittenFile file, SourceMap map)
    {
        File = file;
        Map = map;
    }

    /// <summary>The object as the loader read it, in a file of its own.</summary>
    public WrittenFile File { get; }

    /// <summary>From the JSON text's offsets back to the C# that set each value.</summary>
    public SourceMap Map { get; }

    /// <param name="loader">Reads the object.</param>
    /// <param name="writer">The writer to write the object with: restarted for it, its memory reused (one per worker).</param>
    /// <param name="types">The compilation's k8s.Models types.</param>
    /// <param name="root">Where the object is made.</param>
    /// <returns>The object read; null for a custom resource whose kind is not known.</returns>
    public static FoundObject? Read(ManifestLoader loader, ManifestJsonWriter writer, ModelTypes types, RootCreation root)
    {
        if (new ObjectExtractor(types).Extract(root.Creation, root.Kind) is not { } manifest)
        {
            return null;
        }

        // A file per object, named as the compiler names a place in C#: a message that cites another object (where a
        // duplicate was first defined) then says where in C# that one is made.
        var creation = root.Creation.Syntax;
        var start = creation.SyntaxTree.GetLineSpan(creation.Span).StartLinePosition;
        var path = string.Format(CultureInfo.InvariantCulture, "{0}{1}({2},{3})", FilePrefix, root.SourceName, start.Line + 1, start.Character + 1);
        writer.Restart(path);
        var map = new SourceMap(manifest.MaxRanges());
        writer.BeginDocument();
        manifest.Write(writer, map);
        writer.EndDocument();
        return new FoundObject(loader.Read(writer), map);
    }
}
