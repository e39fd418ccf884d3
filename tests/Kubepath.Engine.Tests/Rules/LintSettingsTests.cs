using Kubepath.Engine.Rules;
using Kubepath.Manifests;
using Kubepath.Model;

namespace Kubepath.Engine.Tests.Rules;

/// <summary>What a .kubepath.yaml does to the findings: severities, rules off, suppression, client-IP declarations.</summary>
public class LintSettingsTests
{
    private static (LintSettings Settings, IReadOnlyList<Diagnostic> Problems) Read(string yaml) =>
        LintSettings.Read(Assert.Single(new ManifestLoader().LoadText(".kubepath.yaml", "apiVersion: kubepath.io/v1alpha1\nkind: Config\n" + yaml).OfKind<ConfigManifest>()));

    private static Diagnostic At(string id, DiagnosticSeverity severity, SourceSpan? span = null) =>
        new(id, severity, "m", span ?? SourceSpan.StartOf("a.yaml"));

    private static readonly ManifestSet NoManifests = new ManifestLoader().LoadText("a.yaml", string.Empty);

    [Fact]
    public void Severities_replace_the_rules_and_off_drops_them()
    {
        var (settings, problems) = Read("rules: {KP1002: error, KP1006: off, KP9013: info}\n");

        Assert.Empty(problems);
        var findings = Findings.Settle([At("KP1002", DiagnosticSeverity.Info), At("KP1006", DiagnosticSeverity.Info), At("KP9013", DiagnosticSeverity.Warning), At("KP1001", DiagnosticSeverity.Warning)], NoManifests, settings);

        Assert.Equal(["KP1002 Error", "KP9013 Info", "KP1001 Warning"], findings.Select(f => f.Diagnostic.Id + " " + f.Diagnostic.Severity));
        Assert.False(settings.IsEnabled("KP1006"));
    }

    [Fact]
    public void Unknown_rules_and_severities_are_reported_where_written()
    {
        var (settings, problems) = Read("rules:\n  KP3099: off\n  KP3009: never\n  XYZ: error\n");

        Assert.Equal(
            [
                "4:3 KP9004 rules.KP3099: no such rule; did you mean KP3009? (kubepath rules lists them)",
                "5:11 KP9004 rules.KP3009: \"never\" is not a severity; use one of error, warning, info, off",
                "6:3 KP9004 rules.XYZ: no such rule (kubepath rules lists them)",
            ],
            problems.Select(p => $"{p.Span.Start.Line}:{p.Span.Start.Column} {p.Id} {p.Message}"));
        Assert.Empty(settings.Severities);
    }

    [Fact]
    public void An_ignore_annotation_suppresses_the_listed_rules_inside_its_object_only()
    {
        var manifests = new ManifestLoader().LoadText("a.yaml", """
            apiVersion: v1
            kind: Service
            metadata:
              name: a
              annotations: {kubepath.io/ignore: "KP1002, KP2001", kubepath.io/ignore-reason: proxied}
            spec: {ports: [{port: 80}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: b}
            spec: {ports: [{port: 80}]}
            """);
        var inA = manifests.Objects[0].Metadata.Name!.Span;
        var inB = manifests.Objects[1].Metadata.Name!.Span;

        var findings = Findings.Settle([At("KP1002", DiagnosticSeverity.Info, inA), At("KP1003", DiagnosticSeverity.Warning, inA), At("KP1002", DiagnosticSeverity.Info, inB)], manifests, LintSettings.Default);

        Assert.Equal(new Suppression("kubepath.io/ignore", "Service default/a", "proxied"), findings[0].Suppression);
        Assert.False(findings[1].IsSuppressed);
        Assert.False(findings[2].IsSuppressed);
    }

    [Theory]
    [InlineData("clientIPRequired: [{namespace: shop}]", true)]
    [InlineData("clientIPRequired: [{namespace: other}]", false)]
    [InlineData("clientIPRequired: [{name: web}]", true)]
    [InlineData("clientIPRequired: [{matchLabels: {tier: edge}}]", true)]
    [InlineData("clientIPRequired: [{namespace: shop, matchLabels: {tier: core}}]", false)]
    [InlineData("clientIPRequired: [{}]", true)]
    [InlineData("rules: {}", false)]
    public void ClientIPRequired_entries_select_Services_by_namespace_name_and_labels(string yaml, bool required)
    {
        var service = Assert.Single(new ManifestLoader().LoadText("s.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop, labels: {tier: edge}}\n").OfKind<Service>());

        Assert.Equal(required, Read(yaml + "\n").Settings.ClientIPRequiredBy(service) is not null);
    }
}
