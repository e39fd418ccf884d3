using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Kubepath.Analyzers.Extraction;
using Kubepath.Engine.Rules;
using Kubepath.Engine.World;
using Kubepath.Manifests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using KubepathDiagnostic = Kubepath.Model.Diagnostic;
using KubepathSeverity = Kubepath.Model.DiagnosticSeverity;

namespace Kubepath.Analyzers;

/// <summary>
/// Kubepath's rules on the manifests a compilation builds with k8s.Models and on the YAML files it passes as
/// AdditionalFiles. The objects of the whole compilation make one cluster (a selector in C# meets a Deployment in
/// YAML), so the rules run once, at the end of the compilation, through the same engine as the CLI.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KubepathAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Set on KP1002 findings for a Service declared to need the client's address (the code fix sets Local).</summary>
    public const string ClientIPRequiredProperty = "ClientIPRequired";

    /// <summary>On KP2002: the container ports (names, else numbers) of the selected pods the targetPort could be, comma-separated.</summary>
    public const string TargetPortCandidatesProperty = "TargetPortCandidates";

    /// <summary>On KP3009: the MetalLB annotation the profile's release reads for a requested address.</summary>
    public const string AnnotationProperty = "Annotation";

    private static readonly Lazy<ImmutableDictionary<string, DiagnosticDescriptor>> Descriptors = new(CreateDescriptors);

    // "csharp:src/Shop.cs(12,9):1:57": a place in the JSON of the object made at src/Shop.cs(12,9), which is one line.
    private static readonly System.Text.RegularExpressions.Regex CitedPlace = new(
        "(?<file>" + System.Text.RegularExpressions.Regex.Escape(FoundObject.FilePrefix) + @"[^\r\n]*?\(\d+,\d+\)):(?<line>\d+):(?<column>\d+)",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly ImmutableDictionary<string, string?> ClientIPRequired = ImmutableDictionary<string, string?>.Empty.Add(ClientIPRequiredProperty, "true");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.Value.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is not analysed, so nothing is reported there. Not filtering the reports as well spares Roslyn a
        // walk of every reported file for [GeneratedCode] attributes at the end of the compilation, on the build's critical path.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(Start);
    }

    private static void Start(CompilationStartAnalysisContext context)
    {
        var yamlFiles = context.Options.AdditionalFiles.Where(IsYaml).ToList();
        var types = ModelTypes.Find(context.Compilation);
        if (types is null && yamlFiles.Count == 0)
        {
            return;
        }

        var roots = new ConcurrentBag<RootCreation>();
        var failures = new ConcurrentBag<Microsoft.CodeAnalysis.Diagnostic>();
        if (types is not null)
        {
            var sharedPaths = SharedPaths(context.Compilation);
            // An operation action: the compiler's driver builds each method's operation tree once for every analyzer that
            // has such actions (in a default build, the .NET SDK's analyzers have them), outside any analyzer's time, and
            // hands Kubepath each creation already bound. Roslyn keeps generated code (files and [GeneratedCode] members) out.
            // Only the roots are kept here, while the compiler's threads compete for the cores; they are read at the end.
            context.RegisterOperationAction(
                operation =>
                {
                    var creation = (IObjectCreationOperation)operation.Operation;
                    try
                    {
                        if (types.IsRoot(creation.Type, out var kind) && !InsideObject(creation, types))
                        {
                            var tree = creation.Syntax.SyntaxTree;
                            roots.Add(new RootCreation(creation, kind, sharedPaths.TryGetValue(tree, out var name) ? name : tree.FilePath));
                        }
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // A failure costs this object only; it is reported with the findings, at the end of the compilation.
                        failures.Add(Failure(creation.Syntax.GetLocation(), "reading the object made here", e));
                    }
                },
                OperationKind.ObjectCreation);
        }

        context.RegisterCompilationEndAction(end => Report(end, types, roots, failures, yamlFiles));
    }

    private static void Report(CompilationAnalysisContext context, ModelTypes? types, IEnumerable<RootCreation> roots, IEnumerable<Microsoft.CodeAnalysis.Diagnostic> failures, List<AdditionalText> yamlFiles)
    {
        var reports = new List<Microsoft.CodeAnalysis.Diagnostic>(failures);
        try
        {
            // The objects in the order of their files and, within a file, of their source, read side by side: the compiler
            // waits for the analyzers' findings before it writes the assembly (an analyzer's error must stop it), so this
            // action is on the build's critical path, with the compiler's own cores idle.
            var loader = new ManifestLoader();
            var ordered = roots.OrderBy(item => item.SourceName, StringComparer.Ordinal).ThenBy(item => item.Creation.Syntax.SpanStart).ToList();
            var objects = types is null ? new List<FoundObject>() : EveryCore.Map(ordered.Count, () => new ManifestJsonWriter(string.Empty), (writer, i) => Read(loader, writer, types, ordered[i], reports)).OfType<FoundObject>().ToList();
            var maps = objects.ToDictionary(item => item.File.Path, StringComparer.Ordinal);

            // The settings file among the additional files (.kubepath.yaml) chooses the profile, severities and the
            // Services that need the client's address, as it does for the CLI.
            var settingsFile = yamlFiles.FirstOrDefault(file => ManifestLoader.ConfigFileNames.Contains(Path.GetFileName(file.Path)));
            var (profile, settings, settingsProblems) = Settings(settingsFile, yamlFiles, context.CancellationToken);
            var files = new List<(string Path, string Text)>();
            foreach (var file in yamlFiles.Where(file => file != settingsFile))
            {
                if (file.GetText(context.CancellationToken) is { } text)
                {
                    files.Add((file.Path, text.ToString()));
                }
            }

            var manifests = loader.LoadTexts(objects.Select(item => item.File), files);
            var world = WorldBuilder.Build(manifests, profile);

            // On every core, as the objects were read.
            var findings = Findings.Settle(manifests.Diagnostics.Concat(settingsProblems).Concat(RuleRunner.Run(world, settings: settings, useEveryCore: true)), manifests, settings)
                .Where(finding => !finding.IsSuppressed)
                .ToList();
            // Two additional files can name one path ("a/x.yaml" and "./a/x.yaml"): both hold the same text.
            var texts = yamlFiles.GroupBy(file => ManifestLoader.DisplayPath(file.Path), StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
            foreach (var settled in findings)
            {
                var finding = settled.Diagnostic;
                if (Locate(finding, maps, texts, context.CancellationToken) is { } location && Descriptors.Value.TryGetValue(finding.Id, out var descriptor))
                {
                    reports.Add(Microsoft.CodeAnalysis.Diagnostic.Create(descriptor, location, Severity(finding.Severity), null, FixData(settled, world), CitingCSharp(finding.Message, maps)));
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            reports.Add(Failure(Location.None, "analysing this compilation", e));
        }

        // In the order of the C# and YAML that set the values (the engine orders by the files it was given, one per C# object).
        foreach (var report in reports
            .OrderBy(report => report.Location.SourceTree?.FilePath ?? report.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(report => report.Location.SourceSpan.Start)
            .ThenBy(report => report.Id, StringComparer.Ordinal)
            .ThenBy(report => report.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal))
        {
            context.ReportDiagnostic(report);
        }
    }

    /// <summary>An object extracted, written and read; a failure costs this object only, reported where it is made.</summary>
    private static FoundObject? Read(ManifestLoader loader, ManifestJsonWriter writer, ModelTypes types, RootCreation root, List<Microsoft.CodeAnalysis.Diagnostic> reports)
    {
        try
        {
            return FoundObject.Read(loader, writer, types, root);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            lock (reports)
            {
                reports.Add(Failure(root.Creation.Syntax.GetLocation(), "reading the object made here", e));
            }

            return null;
        }
    }

    /// <summary>
    /// The names the objects of trees that share a path are filed under (trees made in memory have none): the path and the
    /// tree's place in the compilation, so that no two objects are filed under one name.
    /// </summary>
    private static Dictionary<SyntaxTree, string> SharedPaths(Compilation compilation)
    {
        var names = new Dictionary<SyntaxTree, string>();
        var place = 0;
        foreach (var group in compilation.SyntaxTrees.Select(tree => (Tree: tree, Place: place++)).GroupBy(item => item.Tree.FilePath, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            foreach (var (tree, index) in group)
            {
                names[tree] = group.Key + "#" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return names;
    }

    /// <summary>An analyzer never throws: a failure is one warning (KP9014, an error for the CLI), not a broken build.</summary>
    private static Microsoft.CodeAnalysis.Diagnostic Failure(Location location, string doing, Exception e) =>
        Microsoft.CodeAnalysis.Diagnostic.Create(Descriptors.Value["KP9014"], location, DiagnosticSeverity.Warning, null, null, "Kubepath failed while " + doing + " (" + e.GetType().Name + ": " + e.Message + "); this is a bug, please report it");

    /// <summary>What a code fix needs to know that only the world knows.</summary>
    private static ImmutableDictionary<string, string?>? FixData(Finding finding, ClusterWorld world)
    {
        switch (finding.Diagnostic.Id)
        {
            // KP1002 is raised to a warning only for Services declared to need the client's address.
            case "KP1002" when finding.Diagnostic.Severity == KubepathSeverity.Warning:
                return ClientIPRequired;
            case "KP3009":
                var prefix = MetalLBAnnotations.ReadsCurrentPrefix(world.Profile.MetalLB.Version) ? MetalLBAnnotations.CurrentPrefix : MetalLBAnnotations.OldPrefix;
                return ImmutableDictionary<string, string?>.Empty.Add(AnnotationProperty, prefix + "loadBalancerIPs");
            case "KP2002" when finding.Subject is Kubepath.Model.Service service && finding.Diagnostic.Span.Path.ToString() is var field:
                var port = service.Spec.Ports.FirstOrDefault(p => field == p.Span.Path.ToString() || field.StartsWith(p.Span.Path + ".", StringComparison.Ordinal));
                var selector = service.Spec.Selector?.Value;
                if (port is null || selector is null)
                {
                    return null;
                }

                var declared = world.PodTemplates
                    .Where(template => template.Namespace == service.Namespace && template.Labels.Contains(selector))
                    .SelectMany(template => template.Spec.Containers.SelectMany(container => container.Ports))
                    .Where(declaredPort => declaredPort.EffectiveProtocol == port.EffectiveProtocol)
                    .Select(declaredPort => declaredPort.Name?.Value is { Length: > 0 } name ? name : declaredPort.Number?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .OfType<string>()
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                return declared.Count == 0 ? null : ImmutableDictionary<string, string?>.Empty.Add(TargetPortCandidatesProperty, string.Join(",", declared));
            default:
                return null;
        }
    }

    /// <summary>
    /// A message that cites a place in another object made in C# (where a duplicate was first defined) names the C# that set
    /// the value there, as the compiler names places, rather than a column of the JSON the object was written as.
    /// </summary>
    private static string CitingCSharp(string message, Dictionary<string, FoundObject> maps) =>
        message.IndexOf(FoundObject.FilePrefix, StringComparison.Ordinal) < 0
            ? message
            : CitedPlace.Replace(message, cited =>
                maps.TryGetValue(cited.Groups["file"].Value, out var found) && cited.Groups["line"].Value == "1" &&
                int.TryParse(cited.Groups["column"].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var column) &&
                found.Map.Find(column - 1) is { } syntax && syntax.GetLocation().GetLineSpan() is var place
                    ? string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}({1},{2})", place.Path, place.StartLinePosition.Line + 1, place.StartLinePosition.Character + 1)
                    : cited.Value);

    private static Location? Locate(KubepathDiagnostic finding, Dictionary<string, FoundObject> maps, Dictionary<string, AdditionalText> texts, System.Threading.CancellationToken cancellation)
    {
        var span = finding.Span;
        if (maps.TryGetValue(span.File, out var csharp))
        {
            return csharp.Map.Find(span.StartOffset) is { } syntax ? syntax.GetLocation() : null;
        }

        if (texts.TryGetValue(span.File, out var file) && file.GetText(cancellation) is { } text)
        {
            var start = Math.Min(span.StartOffset, text.Length);
            var textSpan = TextSpan.FromBounds(start, Math.Min(Math.Max(start, span.EndOffset), text.Length));
            return Location.Create(file.Path, textSpan, text.Lines.GetLinePositionSpan(textSpan));
        }

        return null;
    }

    private static bool IsYaml(AdditionalText file)
    {
        var extension = Path.GetExtension(file.Path);
        return string.Equals(extension, ".yaml", StringComparison.OrdinalIgnoreCase) || string.Equals(extension, ".yml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The profile and settings a .kubepath.yaml gives (k3s and the defaults without one); its problems are located in it.</summary>
    private static (ClusterProfile Profile, LintSettings Settings, IReadOnlyList<KubepathDiagnostic> Problems) Settings(AdditionalText? file, List<AdditionalText> yamlFiles, System.Threading.CancellationToken cancellation)
    {
        if (file?.GetText(cancellation) is not { } text)
        {
            return (BuiltInProfiles.K3s, LintSettings.Default, Array.Empty<KubepathDiagnostic>());
        }

        var set = new ManifestLoader().LoadText(file.Path, text.ToString());
        var problems = new List<KubepathDiagnostic>(set.Diagnostics);
        if (set.OfKind<Kubepath.Model.ConfigManifest>().FirstOrDefault() is not { } config)
        {
            return (BuiltInProfiles.K3s, LintSettings.Default, problems);
        }

        var (settings, settingsProblems) = LintSettings.Read(config);
        problems.AddRange(settingsProblems);
        var profile = BuiltInProfiles.K3s;
        if (config.Profile is { } named)
        {
            // A built-in profile by name, or a ClusterProfile file that is also an additional file.
            var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file.Path) ?? string.Empty, named.Value));
            var profileFile = yamlFiles.FirstOrDefault(candidate => string.Equals(Path.GetFullPath(candidate.Path), path, StringComparison.Ordinal));
            if (BuiltInProfiles.Find(named.Value) is { } builtIn)
            {
                profile = builtIn;
            }
            else if (profileFile?.GetText(cancellation) is { } profileText &&
                     new ManifestLoader().LoadText(profileFile.Path, profileText.ToString()).OfKind<Kubepath.Model.ClusterProfileManifest>().FirstOrDefault() is { } manifest)
            {
                var (read, profileProblems) = ProfileFile.Read(manifest);
                problems.AddRange(profileProblems);
                profile = read;
            }
            else
            {
                problems.Add(LoadDiagnostics.InvalidEnumValue.At(named.Span, "profile: \"" + named.Value + "\" is neither a built-in profile (" + string.Join(", ", BuiltInProfiles.Names) + ") nor a ClusterProfile file among the project's AdditionalFiles"));
            }
        }

        return (profile, settings, problems);
    }

    /// <summary>
    /// An object built inside a model's or a custom resource's initializer belongs to that one (a V1Pod inside a
    /// V1PodTemplateSpec...); one inside the project's own classes or a list object's items stands alone.
    /// </summary>
    private static bool InsideObject(IOperation operation, ModelTypes types)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IObjectCreationOperation outer && !types.IsList(outer.Type) && (types.IsModel(outer.Type) || types.IsRoot(outer.Type, out _)))
            {
                return true;
            }
        }

        return false;
    }

    private static DiagnosticSeverity Severity(KubepathSeverity severity) => severity switch
    {
        KubepathSeverity.Error => DiagnosticSeverity.Error,
        KubepathSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    /// <summary>One descriptor per rule of the catalogue and per input diagnostic, with the CLI's ID, title and help link.</summary>
    private static ImmutableDictionary<string, DiagnosticDescriptor> CreateDescriptors()
    {
        var result = ImmutableDictionary.CreateBuilder<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var rule in RuleCatalog.All)
        {
#pragma warning disable RS2008 // Release tracking is kept by CatalogTests: the descriptors come from the catalogue.
            result[rule.Id] = new DiagnosticDescriptor(rule.Id, rule.Title, "{0}", "Kubepath." + rule.Category, Severity(rule.Severity), true, rule.Why, rule.HelpUri, WellKnownDiagnosticTags.CompilationEnd);
        }

        foreach (var load in LoadDiagnostics.All)
        {
            result[load.Id] = new DiagnosticDescriptor(load.Id, load.Title, "{0}", "Kubepath.input", Severity(load.DefaultSeverity), true, load.Title + ".", RuleDescriptor.HelpBase, WellKnownDiagnosticTags.CompilationEnd);
#pragma warning restore RS2008
        }

        return result.ToImmutable();
    }
}
