using System;
using System.IO;

namespace Kubepath.Manifests.Tests;

/// <summary>
/// Finds <c>../shared</c> (the corpora, the seed lab) from the test's working folder. In CI (CI=true) a missing
/// folder fails the test loudly; elsewhere the test is skipped with the reason printed.
/// </summary>
internal static class SharedFolder
{
    public static string? Find(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", relative);
            if (Directory.Exists(candidate) || File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }

            dir = dir.Parent;
        }

        return null;
    }

    /// <summary>The shared path, or null after printing why the test is skipped; throws in CI.</summary>
    public static string? Require(string relative)
    {
        var path = Find(relative);
        if (path is not null)
        {
            return path;
        }

        var message = $"../shared/{relative} was not found next to the repository";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(message + "; CI must provide it.");
        }

        Console.WriteLine($"SKIPPED: {message}.");
        return null;
    }
}
