using System.Collections.Concurrent;
using System.Globalization;
using Kubepath.Manifests;
using Microsoft.CodeAnalysis;

namespace Kubepath.Analyzers.Extraction;

/// <summary>
/// A manifest read from C#, written as JSON and read by the loader where it was found, on the compiler's threads: the end
/// of the compilation, which the build waits for, then only has to combine the objects and run the rules.
/// </summary>
internal sealed class FoundObject
{
    /// <summary>What the name of an object's file starts with: <c>csharp:</c>, then where in C# it is made.</summary>
    public const string FilePrefix = "csharp:";

    private FoundObject(WrittenFile file, SourceMap map, SyntaxNode creation, string sourceName)
    {
        File = file;
        Map = map;
        Creation = creation;
        SourceName = sourceName;
    }

    /// <summary>The object as the loader read it, in a file of its own.</summary>
    public WrittenFile File { get; }

    /// <summary>From the JSON text's offsets back to the C# that set each value.</summary>
    public SourceMap Map { get; }

    /// <summary>The creation that made the object.</summary>
    public SyntaxNode Creation { get; }

    /// <summary>The C# file the object is made in: its path, unique among the compilation's trees.</summary>
    public string SourceName { get; }

    /// <param name="loader">Reads the object.</param>
    /// <param name="writers">Writers done with, to write the object with: one is taken, and given back once the loader has read it.</param>
    /// <param name="manifest">The object as extracted.</param>
    /// <param name="creation">Where it is made.</param>
    /// <param name="sourceName">The C# file's path, told apart from other trees with the same path.</param>
    public static FoundObject Read(ManifestLoader loader, ConcurrentBag<ManifestJsonWriter> writers, JsonObject manifest, SyntaxNode creation, string sourceName)
    {
        // A file per object, named as the compiler names a place in C#: a message that cites another object (where a
        // duplicate was first defined) then says where in C# that one is made.
        var start = creation.SyntaxTree.GetLineSpan(creation.Span).StartLinePosition;
        var path = string.Format(CultureInfo.InvariantCulture, "{0}{1}({2},{3})", FilePrefix, sourceName, start.Line + 1, start.Character + 1);
        var writer = writers.TryTake(out var done) ? done : new ManifestJsonWriter(path);
        writer.Restart(path);
        var map = new SourceMap();
        writer.BeginDocument();
        manifest.Write(writer, map);
        writer.EndDocument();
        var file = loader.Read(writer);
        writers.Add(writer);
        return new FoundObject(file, map, creation, sourceName);
    }
}
