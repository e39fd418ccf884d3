using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Kubepath.Engine.Rules;
using Kubepath.Manifests;
using Kubepath.Model;

namespace Kubepath.Cli.Commands;

/// <summary>The settings file in use: where it is, what it says, and the paths it leaves out.</summary>
internal sealed class ConfigFile
{
    private readonly string directory;
    private IReadOnlyList<PathPattern> patterns = Array.Empty<PathPattern>();

    private ConfigFile(string path, bool missing)
    {
        Path = path;
        Missing = missing;
        directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
    }

    public string Path { get; }

    /// <summary>Named with --config but not there.</summary>
    public bool Missing { get; }

    public ConfigManifest? Manifest { get; private set; }

    /// <summary>The file given, or the nearest .kubepath.yaml from <paramref name="firstInput"/> up to the repository's root; null when none.</summary>
    public static ConfigFile? Find(string? given, string firstInput)
    {
        if (given is not null)
        {
            return new ConfigFile(given, !File.Exists(given));
        }

        var start = firstInput == ManifestLoader.StandardInput ? Directory.GetCurrentDirectory() : System.IO.Path.GetFullPath(firstInput);
        var folder = Directory.Exists(start) ? new DirectoryInfo(start) : new FileInfo(start).Directory;
        for (; folder is not null; folder = folder.Parent)
        {
            foreach (var name in ManifestLoader.ConfigFileNames)
            {
                var candidate = System.IO.Path.Combine(folder.FullName, name);
                if (File.Exists(candidate))
                {
                    return new ConfigFile(DisplayPath(candidate), false);
                }
            }

            // A settings file above the repository belongs to something else.
            if (Directory.Exists(System.IO.Path.Combine(folder.FullName, ".git")) || File.Exists(System.IO.Path.Combine(folder.FullName, ".git")))
            {
                return null;
            }
        }

        return null;
    }

    public (ConfigManifest? Manifest, LintSettings Settings, IReadOnlyList<Diagnostic> Problems) Read()
    {
        var set = new ManifestLoader().Load(Path);
        var problems = new List<Diagnostic>(set.Diagnostics);
        var configs = set.OfKind<ConfigManifest>().ToList();
        if (configs.Count != 1)
        {
            return (null, LintSettings.Default, problems);
        }

        Manifest = configs[0];
        patterns = Manifest.Exclude.Select(pattern => new PathPattern(pattern.Value)).ToList();
        var (settings, settingsProblems) = LintSettings.Read(Manifest);
        problems.AddRange(settingsProblems);
        return (Manifest, settings, problems);
    }

    /// <summary>Whether a file or folder met while walking the inputs matches an <c>exclude</c> pattern.</summary>
    public bool Excludes(string path)
    {
        if (patterns.Count == 0)
        {
            return false;
        }

        var relative = System.IO.Path.GetRelativePath(directory, System.IO.Path.GetFullPath(path)).Replace('\\', '/');
        return !relative.StartsWith("../", StringComparison.Ordinal) && relative != ".." && patterns.Any(pattern => pattern.Matches(relative));
    }

    /// <summary>A path written in the config file, made relative to the current folder.</summary>
    public string? Resolve(Field<string>? written) =>
        written is null ? null : DisplayPath(System.IO.Path.GetRelativePath(Directory.GetCurrentDirectory(), System.IO.Path.Combine(directory, written.Value)));

    private static string DisplayPath(string path)
    {
        var relative = System.IO.Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? path : relative).Replace('\\', '/');
    }
}
