using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Kubepath.Engine.Simulate;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

/// <summary>
/// What rules read: the world and what was predicted from it, computed once and shared, also by rules run side by side
/// (each prediction is made by the first rule that asks; the others wait for it).
/// </summary>
public sealed class RuleContext
{
    private readonly ConcurrentDictionary<string, Lazy<Announcement>> announcements = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(ServiceView, OriginKind), Lazy<ServiceFlows>> flows = new(ByReference.Instance);
    private readonly ConcurrentDictionary<ServiceView, Lazy<IReadOnlyList<PodTemplateView>>> selected = new(ByReference.Instance);
    private readonly Lazy<LabelIndex<PodTemplateView>> templatesByLabel;
    private readonly bool useEveryCore;

    /// <param name="world">The cluster the rules read.</param>
    /// <param name="settings">The user's configuration; the defaults when null.</param>
    /// <param name="useEveryCore">Compile every node's rules on the thread pool as soon as one is needed
    /// (<see cref="FlowSimulator(ClusterWorld, bool)"/>), and explain Services side by side (<see cref="ExplainAhead"/>).</param>
    public RuleContext(ClusterWorld world, LintSettings? settings = null, bool useEveryCore = false)
    {
        this.useEveryCore = useEveryCore;
        World = world;
        Settings = settings ?? LintSettings.Default;
        Flows = new FlowSimulator(world, compileNodesAhead: useEveryCore);
        templatesByLabel = new(() => new LabelIndex<PodTemplateView>(world.PodTemplates, template => template.Namespace, template => template.Labels));
    }

    public ClusterWorld World { get; }

    /// <summary>What the user's configuration declares (Services that need the client's address).</summary>
    public LintSettings Settings { get; }

    public FlowSimulator Flows { get; }

    /// <summary>Where packets from origins of one kind go to the service: simulated once for all the rules that ask.</summary>
    public ServiceFlows Explain(ServiceView service, OriginKind origins) =>
        flows.GetOrAdd((service, origins), key => new Lazy<ServiceFlows>(() => Flows.Explain(key.Item1, key.Item2))).Value;

    /// <summary>
    /// Explains the services a rule is about to ask for side by side, when the run uses every core: a rule that simulates
    /// hundreds of Services would otherwise be the one long task that the others wait for. The same explanations either way.
    /// </summary>
    public void ExplainAhead(IReadOnlyList<ServiceView> services, OriginKind origins)
    {
        if (useEveryCore && services.Count > 1)
        {
            Manifests.EveryCore.Map(services.Count, i => Explain(services[i], origins));
        }
    }

    /// <summary>The pod templates of the manifests in a namespace.</summary>
    public IReadOnlyList<PodTemplateView> TemplatesIn(string ns) => templatesByLabel.Value.In(ns);

    /// <summary>The pod templates the service's selector matches (none without a selector).</summary>
    public IReadOnlyList<PodTemplateView> TemplatesSelectedBy(ServiceView service) =>
        selected.GetOrAdd(service, key => new Lazy<IReadOnlyList<PodTemplateView>>(() => key.Source.Spec.Selector?.Value is { Count: > 0 } selector
            ? templatesByLabel.Value.Selected(key.Namespace, selector)
            : Array.Empty<PodTemplateView>())).Value;

    /// <summary>Who announces a LoadBalancer service's addresses (MetalLB's speakers).</summary>
    public Announcement Announcement(ServiceView service) =>
        announcements.GetOrAdd(service.QualifiedName, _ => new Lazy<Announcement>(() => Announcements.For(World, service))).Value;
}

/// <summary>Services as keys by identity: a record's value equality would hash every field on each lookup.</summary>
internal sealed class ByReference : IEqualityComparer<ServiceView>, IEqualityComparer<(ServiceView, OriginKind)>
{
    public static readonly ByReference Instance = new();

    public bool Equals(ServiceView? x, ServiceView? y) => ReferenceEquals(x, y);

    public int GetHashCode(ServiceView obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);

    public bool Equals((ServiceView, OriginKind) x, (ServiceView, OriginKind) y) => ReferenceEquals(x.Item1, y.Item1) && x.Item2 == y.Item2;

    public int GetHashCode((ServiceView, OriginKind) obj) => (GetHashCode(obj.Item1) * 31) + (int)obj.Item2;
}

/// <summary>
/// One datapath rule: its logic here (<c>src/Kubepath.Engine/Rules/KPnnnn*.cs</c>), its metadata, documentation and
/// examples in <c>rules/KPnnnn.*</c>, its tests in <c>tests/Kubepath.Engine.Tests/Rules</c>.
/// </summary>
public abstract class DatapathRule
{
    protected DatapathRule(string id) => Descriptor = RuleCatalog.Get(id);

    public RuleDescriptor Descriptor { get; }

    /// <summary>Whether the rule concludes from MetalLB's pools, advertisements or peers (not run when they are partly unknown).</summary>
    public virtual bool ReadsMetalLBConfiguration => Descriptor.Category == "MetalLB";

    public abstract IEnumerable<Diagnostic> Check(RuleContext context);

    /// <summary>A finding at <paramref name="span"/>, its message from the catalogue's template.</summary>
    protected Diagnostic Report(SourceSpan span, params (string Name, string Value)[] values) =>
        ReportAs(Descriptor.Severity, span, values);

    /// <summary>A finding with another severity than the rule's default, where the rule's own documentation says when.</summary>
    protected Diagnostic ReportAs(DiagnosticSeverity severity, SourceSpan span, params (string Name, string Value)[] values) =>
        new(Descriptor.Id, severity, Descriptor.Format(values.ToDictionary(pair => pair.Name, pair => pair.Value)), span);
}

/// <summary>Runs every rule (or the chosen ones) over a world; findings in file, line, column and id order.</summary>
public static class RuleRunner
{
    private static readonly Lazy<IReadOnlyList<DatapathRule>> Rules = new(() =>
        typeof(DatapathRule).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DatapathRule).IsAssignableFrom(type))
            .Select(type => (DatapathRule)Activator.CreateInstance(type)!)
            .OrderBy(rule => rule.Descriptor.Id, StringComparer.Ordinal)
            .ToList());

    public static IReadOnlyList<DatapathRule> All => Rules.Value;

    /// <param name="world">The cluster the rules read.</param>
    /// <param name="select">The rules to run; all when null.</param>
    /// <param name="settings">The user's configuration; the defaults when null.</param>
    /// <param name="useEveryCore">Compile every node's rules on the thread pool as soon as one is needed, and run the rules side
    /// by side: what a command line run wants, and an analyzer at the end of a compilation, which the compiler waits for with
    /// its cores idle. The findings are the same.</param>
    public static IReadOnlyList<Diagnostic> Run(ClusterWorld world, Func<DatapathRule, bool>? select = null, LintSettings? settings = null, bool useEveryCore = false)
    {
        var context = new RuleContext(world, settings, useEveryCore);
        var rules = All.Where(rule => (select?.Invoke(rule) ?? true) && context.Settings.IsEnabled(rule.Descriptor.Id))
            .Where(rule => !(world.MetalLB.PartlyUnknown && rule.ReadsMetalLBConfiguration))
            .ToList();
        var found = useEveryCore
            ? Manifests.EveryCore.Map(rules.Count, i => rules[i].Check(context).ToList())
            : rules.Select(rule => rule.Check(context).ToList()).ToArray();

        // The same finding twice (two copies of one workload in the inputs, say) is reported once.
        return found.SelectMany(findings => findings)
            // A Service only the state holds is the cluster's, not the change under review: nothing to fix in the inputs.
            .Where(d => !world.StateFiles.Contains(d.Span.File))
            .GroupBy(d => (d.Id, d.Message, d.Span.File, d.Span.StartOffset))
            .Select(group => group.First())
            .OrderBy(d => d.Span.File, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Start.Line)
            .ThenBy(d => d.Span.Start.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
    }
}
