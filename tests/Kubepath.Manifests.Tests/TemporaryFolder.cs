using System;
using System.IO;

namespace Kubepath.Manifests.Tests;

/// <summary>A fresh folder under the system's temporary folder, deleted with its contents when the test is done with it.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder(string prefix) => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file a finished tool still holds open (Windows) leaves the folder behind; the test's result stands.
        }
    }
}
