using System;
using System.CommandLine;
using System.IO;
using System.Text;
using Kubepath.Manifests;

namespace Kubepath.Cli.Commands;

/// <summary><c>kubepath init [FOLDER]</c>: writes a commented <c>.kubepath.yaml</c> to start from.</summary>
internal static class InitCommand
{
    public const string Template = """
        # Kubepath's settings for this folder and the folders below it. Kubepath finds this file by walking up from
        # the paths it lints (stopping at the repository's root); --config names another. Command-line options win.
        # Schema: https://kubepath.io/schemas/config.schema.json
        apiVersion: kubepath.io/v1alpha1
        kind: Config

        # The cluster the manifests are predicted on: a built-in profile (k3s, kubeadm, kind) or a ClusterProfile
        # file, relative to this file.
        profile: k3s

        # What the cluster looks like now (kubectl get nodes,pods,services,endpointslices -A -o yaml), if you have it.
        # state: cluster-state.yaml

        # A severity per rule (kubepath rules lists them): error, warning, info, or off.
        # rules:
        #   KP1002: warning
        #   KP1006: off

        # Files and folders not to read when walking folders: * and ? within a name, ** across folders, a leading /
        # for this folder only.
        # exclude:
        #   - "**/testdata"
        #   - charts

        # Services whose backends need the client's address: externalTrafficPolicy Cluster is a warning for them.
        # A Service can also say so itself with the annotation kubepath.io/requires-client-ip: "true".
        # clientIPRequired:
        #   - namespace: shop
        #     matchLabels: {tier: edge}
        """;

    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "Where to write .kubepath.yaml (the current folder when not given)", DefaultValueFactory = _ => "." };
        var force = new Option<bool>("--force") { Description = "Replace an existing .kubepath.yaml" };
        var command = new Command("init", "Write a commented .kubepath.yaml to start from.\n\nExamples:\n  kubepath init\n  kubepath init deploy/ --force");
        command.Arguments.Add(folder);
        command.Options.Add(force);
        command.SetAction(parse =>
        {
            var path = Path.Combine(parse.GetValue(folder)!, ManifestLoader.ConfigFileNames[0]);
            if (File.Exists(path) && !parse.GetValue(force))
            {
                Console.Error.WriteLine($"kubepath: {path} exists; --force replaces it");
                return ExitCodes.Usage;
            }

            try
            {
                File.WriteAllText(path, Template + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                Console.Error.WriteLine($"kubepath: cannot write {path}: {e.Message}");
                return ExitCodes.Usage;
            }

            Console.Out.WriteLine($"Wrote {path.Replace('\\', '/')}");
            return ExitCodes.Clean;
        });
        return command;
    }
}
