using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Kubepath.Engine.World;
using Kubepath.Manifests;
using Kubepath.Model;

namespace Kubepath.Cli.Commands;

/// <summary>The inputs every prediction command shares: manifest paths, <c>--profile</c> and <c>--state</c>.</summary>
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

    public Option<string> Profile { get; } = new("--profile")
    {
        Description = "A built-in profile (" + string.Join(", ", BuiltInProfiles.Names) + ") or a ClusterProfile file",
        DefaultValueFactory = _ => "k3s",
    };

    public Option<string?> State { get; } = new("--state")
    {
        Description = "The output of kubectl get nodes,pods,services,endpointslices -A -o yaml: addresses, ports and endpoints as observed",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        command.Options.Add(Profile);
        command.Options.Add(State);
    }

    /// <summary>
    /// Loads the world; every input problem is printed to standard error unless <paramref name="report"/> is false (the
    /// caller reports them). Null, after saying why, when the world cannot be built.
    /// </summary>
    public Loaded? Load(ParseResult parse, bool report = true)
    {
        var loader = new ManifestLoader();
        var paths = parse.GetValue(Paths);
        var manifests = loader.Load(paths is { Length: > 0 } ? paths : ["."]);
        var diagnostics = new List<Diagnostic>(manifests.Diagnostics);
        ManifestSet? state = null;
        if (parse.GetValue(State) is { } statePath)
        {
            state = loader.Load(statePath);
            diagnostics.AddRange(state.Diagnostics);
        }

        var profileName = parse.GetValue(Profile) ?? "k3s";
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

        return new Loaded(WorldBuilder.Build(manifests, profile, state), manifests, diagnostics);
    }

    private static void PrintDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Console.Error.WriteLine(diagnostic.ToString());
        }
    }

    public sealed record Loaded(ClusterWorld World, ManifestSet Manifests, IReadOnlyList<Diagnostic> Diagnostics)
    {
        public bool InputHasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

        public int ExitCode => InputHasErrors ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
