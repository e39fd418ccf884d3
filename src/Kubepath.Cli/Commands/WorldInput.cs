using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Kubepath.Engine.Rules;
using Kubepath.Engine.World;
using Kubepath.Manifests;
using Kubepath.Model;

namespace Kubepath.Cli.Commands;

/// <summary>
/// The inputs every prediction command shares: manifest paths, <c>--profile</c>, <c>--state</c> and <c>--config</c>
/// (else the <c>.kubepath.yaml</c> found by walking up from the first input, stopping at the repository's root).
/// Options on the command line win over the config file; the config file's paths are relative to it.
/// </summary>
internal sealed class WorldInput
{
    public WorldInput(bool pathsOptional = false)
    {
        Paths = new Argument<string[]>("paths")
        {
            Description = "Manifest files or folders (searched for .yaml, .yml and .json); - reads standard input" + (pathsOptional ? "; the current folder when none is given" : string.Empty),
            Arity = pathsOptional ? ArgumentArity.ZeroOrMore : ArgumentArity.OneOrMore,
        };
    }

    public Argument<string[]> Paths { get; }

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "A built-in profile (" + string.Join(", ", BuiltInProfiles.Names) + ") or a ClusterProfile file; k3s unless the config file names one",
    };

    public Option<string?> State { get; } = new("--state")
    {
        Description = "The output of kubectl get nodes,pods,services,endpointslices -A -o yaml: addresses, ports and endpoints as observed",
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "The settings file (kind: Config); by default the .kubepath.yaml found in the first input's folder or above it, up to the repository's root",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        command.Options.Add(Profile);
        command.Options.Add(State);
        command.Options.Add(Config);
    }

    /// <summary>
    /// Loads the world; every input problem is printed to standard error unless <paramref name="report"/> is false (the
    /// caller reports them). Null, after saying why, when the world cannot be built.
    /// </summary>
    public Loaded? Load(ParseResult parse, bool report = true)
    {
        var paths = parse.GetValue(Paths) is { Length: > 0 } given ? given : ["."];
        var diagnostics = new List<Diagnostic>();
        var config = ConfigFile.Find(parse.GetValue(Config), paths[0]);
        if (config is { Missing: true })
        {
            Console.Error.WriteLine($"kubepath: --config {config.Path}: no such file");
            return null;
        }

        var settings = LintSettings.Default;
        var configErrors = false;
        if (config is not null)
        {
            var read = config.Read();
            diagnostics.AddRange(read.Problems);
            // At the severity the file itself gives them: a problem it turns off or down does not fail the run.
            configErrors = read.Problems.Any(d => read.Settings.IsEnabled(d.Id) && read.Settings.SeverityOf(d.Id, d.Severity) == DiagnosticSeverity.Error);
            if (read.Manifest is null)
            {
                Console.Error.WriteLine($"kubepath: {config.Path}: expected one kubepath.io/v1alpha1 Config");
                PrintDiagnostics(diagnostics);
                return null;
            }

            settings = read.Settings;
        }

        var loader = new ManifestLoader(excluded: config is null ? null : config.Excludes) { UseEveryCore = true };
        var manifests = loader.Load(paths);
        diagnostics.AddRange(manifests.Diagnostics);
        ManifestSet? state = null;
        if ((parse.GetValue(State) ?? config?.Resolve(config.Manifest?.State)) is { } statePath)
        {
            // What the API server wrote is not checked against this release's fields.
            state = new ManifestLoader(checkFields: false) { UseEveryCore = true }.Load(statePath);
            diagnostics.AddRange(state.Diagnostics);
        }

        var profileName = parse.GetValue(Profile) ?? (config?.Manifest?.Profile is { } configured && BuiltInProfiles.Find(configured.Value) is null ? config.Resolve(configured) : config?.Manifest?.Profile?.Value) ?? "k3s";
        var profile = BuiltInProfiles.Find(profileName);
        if (profile is null)
        {
            if (!File.Exists(profileName))
            {
                Console.Error.WriteLine($"kubepath: --profile {profileName}: not a built-in profile ({string.Join(", ", BuiltInProfiles.Names)}) and no such file");
                return null;
            }

            var file = loader.Load(profileName);
            diagnostics.AddRange(file.Diagnostics);
            var profiles = file.OfKind<ClusterProfileManifest>().ToList();
            if (profiles.Count != 1)
            {
                Console.Error.WriteLine($"kubepath: --profile {profileName}: expected one kubepath.io/v1alpha1 ClusterProfile, found {profiles.Count}");
                PrintDiagnostics(diagnostics);
                return null;
            }

            var (read, problems) = ProfileFile.Read(profiles[0]);
            diagnostics.AddRange(problems);
            profile = read;
        }

        if (profile.KubeProxy.Mode != ProxyMode.Iptables)
        {
            Console.Error.WriteLine($"kubepath: kube-proxy mode {profile.KubeProxy.Mode.ToString().ToLowerInvariant()} is not modelled yet; Kubepath predicts iptables mode");
            return null;
        }

        if (report)
        {
            PrintDiagnostics(diagnostics);
        }

        return new Loaded(WorldBuilder.Build(manifests, profile, state), manifests, diagnostics, settings, configErrors);
    }

    private static void PrintDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Console.Error.WriteLine(diagnostic.ToString());
        }
    }

    /// <summary>The world and what went into it; <c>ConfigHasErrors</c>: the settings file had values that could not be used (exit 2).</summary>
    public sealed record Loaded(ClusterWorld World, ManifestSet Manifests, IReadOnlyList<Diagnostic> Diagnostics, LintSettings Settings, bool ConfigHasErrors)
    {
        public bool InputHasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

        public int ExitCode => ConfigHasErrors ? ExitCodes.Usage : InputHasErrors ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
