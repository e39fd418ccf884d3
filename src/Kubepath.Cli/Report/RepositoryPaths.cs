using System;
using System.IO;

namespace Kubepath.Cli.Report;

/// <summary>Paths as code hosts want them: relative to the repository's root (the nearest folder with .git above the current one).</summary>
internal static class RepositoryPaths
{
    public static string? Root()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, ".git")) || File.Exists(Path.Combine(folder.FullName, ".git")))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    /// <summary><paramref name="file"/> relative to <paramref name="root"/> with / separators; null when it lies outside it (or there is no root).</summary>
    public static string? Relative(string file, string? root)
    {
        if (root is null)
        {
            return null;
        }

        var relative = Path.GetRelativePath(root, Path.GetFullPath(file)).Replace('\\', '/');
        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative;
    }
}
