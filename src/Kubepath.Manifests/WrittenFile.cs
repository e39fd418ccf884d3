namespace Kubepath.Manifests;

/// <summary>The objects <see cref="ManifestLoader.Read(ManifestJsonWriter)"/> read from one writer, waiting to be loaded with the others.</summary>
public sealed class WrittenFile
{
    internal WrittenFile(ManifestLoader.FileResult result) => Result = result;

    /// <summary>The file the objects' findings name: the writer's path, as the loader shows it.</summary>
    public string Path => Result.File!.Path;

    internal ManifestLoader.FileResult Result { get; }
}
