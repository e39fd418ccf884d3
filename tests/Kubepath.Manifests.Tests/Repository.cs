using System;
using System.IO;

namespace Kubepath.Manifests.Tests;

/// <summary>The repository's own files (samples), found by walking up to Linter.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => System.IO.Path.Combine(Root, relative);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Linter.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Linter.sln not found above " + AppContext.BaseDirectory);
    }
}
