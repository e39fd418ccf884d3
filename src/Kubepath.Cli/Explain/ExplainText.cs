using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Kubepath.Engine.Simulate;
using Kubepath.Engine.World;

namespace Kubepath.Cli.Explain;

/// <summary>
/// The terminal form of <c>explain</c>: per service, port and entry point, a diagram of the chains the packets take
/// (like the seed notebook's), then one line per origin with the endpoints reached, their chance and the source the
/// endpoint sees.
/// </summary>
internal static class ExplainText
{
    public static string Render(ClusterWorld world, IReadOnlyList<ServiceFlows> services, FlowSimulator simulator)
    {
        var text = new StringBuilder();
        text.Append("# Kubepath: datapath of ").Append(services.Count).Append(services.Count == 1 ? " service" : " services")
            .Append(" (kube-proxy ").Append(world.Profile.KubeProxy.Version).Append(" iptables, profile ").Append(world.Profile.Name).Append(")\n");
        text.Append("# Each line is the first packet of a new connection. An external client is shown arriving at every node in turn.\n");
        foreach (var service in services)
        {
            text.Append('\n').Append(service.Service.QualifiedName).Append(" (").Append(service.Service.Type).Append(", ")
                .Append(Describe(service.Service.EndpointSource)).Append(")\n");
            if (service.Service.IgnoredByKubeProxy)
            {
                text.Append("  kube-proxy ignores it: labelled service.kubernetes.io/service-proxy-name or service.kubernetes.io/headless\n");
            }

            if (service.Service.Allocation is { } allocation)
            {
                text.Append("  MetalLB: ").Append(Describe(allocation)).Append('\n');
            }

            if (!service.Service.HasClusterIP)
            {
                text.Append("  no cluster IP (headless or ExternalName): kube-proxy writes no rules for it\n");
                continue;
            }

            foreach (var port in service.Ports)
            {
                text.Append("  port ").Append(PortName(port.Port)).Append('\n');
                foreach (var entry in port.Entries)
                {
                    RenderEntry(text, entry);
                }
            }
        }

        return text.ToString();
    }

    private static void RenderEntry(StringBuilder text, EntryFlows entry)
    {
        text.Append("    ").Append(entry.Entry.Describe()).Append('\n');
        if (entry.Announcement is { } announcement)
        {
            text.Append("      announced: ").Append(Describe(announcement)).Append('\n');
        }

        foreach (var group in entry.Origins.GroupBy(flow => string.Join("\n", Diagram(flow.Outcomes)), StringComparer.Ordinal))
        {
            foreach (var line in group.Key.Split('\n'))
            {
                text.Append("      ").Append(line).Append('\n');
            }

            foreach (var flow in group)
            {
                text.Append("      from ").Append(flow.Origin.Describe()).Append(": ").Append(Summary(flow)).Append('\n');
            }
        }

        foreach (var assumption in entry.Origins.SelectMany(flow => flow.Assumed).Distinct(StringComparer.Ordinal))
        {
            text.Append("      assumed: ").Append(assumption).Append('\n');
        }
    }

    /// <summary>The chains of the nat decision as a tree, with each branch's chance and where it ends.</summary>
    private static List<string> Diagram(IReadOnlyList<FlowOutcome> outcomes)
    {
        var root = new TreeNode(string.Empty);
        foreach (var outcome in outcomes)
        {
            var chains = outcome.Path
                .TakeWhile(step => !step.StartsWith("filter/", StringComparison.Ordinal) && step != "nat/POSTROUTING")
                .Where(step => !step.StartsWith("nat/", StringComparison.Ordinal) && step != "KUBE-MARK-MASQ")
                .ToList();
            var node = root;
            foreach (var chain in chains)
            {
                node = node.Child(chain);
            }

            var end = outcome.Verdict switch
            {
                FlowVerdict.Delivered => "DNAT " + outcome.Endpoint + (outcome.EndpointNode is null ? string.Empty : " (" + outcome.EndpointNode + ")"),
                FlowVerdict.NotTranslated => "not translated",
                _ => outcome.Verdict.ToString().ToUpperInvariant() + " in the filter table",
            };
            node.Child(end).Probability += outcome.Probability;
        }

        var lines = new List<string>();
        foreach (var child in root.Children)
        {
            Draw(child, string.Empty, string.Empty, lines);
        }

        return lines;
    }

    /// <summary>A chain whose only continuation is its end is drawn on one line: <c>1/3 KUBE-SEP-X ─► DNAT 10.42.0.8:80 (vm1)</c>.</summary>
    private static void Draw(TreeNode node, string lead, string indent, List<string> lines)
    {
        var label = node.Name;
        var children = node.Children;
        if (children.Count == 1 && children[0].Children.Count == 0)
        {
            label = Chance(children[0]) + node.Name + " ─► " + children[0].Name;
            children = new List<TreeNode>();
        }
        else if (children.Count == 0)
        {
            label = Chance(node) + node.Name;
        }

        lines.Add(lead + label);
        for (var i = 0; i < children.Count; i++)
        {
            var last = i == children.Count - 1;
            Draw(children[i], indent + (last ? "└─ " : "├─ "), indent + (last ? "   " : "│  "), lines);
        }
    }

    private static string Chance(TreeNode leaf) => leaf.Probability < 1 - 1e-9 ? Fraction(leaf.Probability) + " " : string.Empty;

    private static string Summary(OriginFlows flow)
    {
        var parts = flow.Outcomes
            .GroupBy(outcome => (outcome.Verdict, outcome.Endpoint, outcome.EndpointNode))
            .Select(group =>
            {
                var chance = Fraction(group.Sum(outcome => outcome.Probability));
                return group.Key.Verdict switch
                {
                    FlowVerdict.Delivered => group.Key.Endpoint + (group.Key.EndpointNode is null ? string.Empty : " on " + group.Key.EndpointNode) + " " + chance,
                    FlowVerdict.NotTranslated => "not translated by kube-proxy " + chance,
                    FlowVerdict.Rejected => "REJECTED " + chance,
                    _ => "DROPPED " + chance,
                };
            });
        var delivered = flow.Outcomes.Where(outcome => outcome.Verdict == FlowVerdict.Delivered).ToList();
        var source = delivered.Count == 0 ? string.Empty
            : delivered.All(outcome => !outcome.Masqueraded) ? "; source kept (" + flow.Origin.Source + ")"
            : "; masqueraded, seen as " + string.Join(", ", delivered.Where(outcome => outcome.Masqueraded)
                .Select(outcome => outcome.SourceSeen + " (" + outcome.SourceInterface + ")").Distinct(StringComparer.Ordinal))
                + (delivered.Any(outcome => !outcome.Masqueraded) ? " or kept" : string.Empty);
        var affinity = flow.Outcomes.Any(outcome => outcome.AffinityFirstConnection) ? "; ClientIP affinity: later connections follow the first" : string.Empty;
        return string.Join(", ", parts) + source + affinity;
    }

    /// <summary>1/3 rather than 0.3333: probabilities here are sums of 1/n.</summary>
    internal static string Fraction(double probability)
    {
        for (var denominator = 1; denominator <= 256; denominator++)
        {
            var numerator = Math.Round(probability * denominator);
            if (Math.Abs(numerator - (probability * denominator)) < 1e-6)
            {
                return numerator == denominator ? "1" : numerator.ToString(CultureInfo.InvariantCulture) + "/" + denominator.ToString(CultureInfo.InvariantCulture);
            }
        }

        return probability.ToString("0.####", CultureInfo.InvariantCulture);
    }

    private static string PortName(ServicePortView port) =>
        (port.Name.Length > 0 ? port.Name + " " : string.Empty) + port.Port.ToString(CultureInfo.InvariantCulture) + "/" + port.Protocol.ToString().ToUpperInvariant()
        + (port.NodePort != 0 ? ", node port " + port.NodePort.ToString(CultureInfo.InvariantCulture) + (port.NodePortAssumed ? " (assumed)" : string.Empty) : string.Empty)
        + ", " + port.Endpoints.Count.ToString(CultureInfo.InvariantCulture) + (port.Endpoints.Count == 1 ? " endpoint" : " endpoints");

    private static string Describe(LoadBalancerAllocation allocation)
    {
        if (allocation.Ignored is { } ignored)
        {
            return "ignores the service: " + ignored;
        }

        if (allocation.Failure is { } failure)
        {
            return "gives no address: " + failure;
        }

        var addresses = string.Join(", ", allocation.Addresses.Select(ip => ip.ToString()));
        return addresses + (allocation.Observed ? " (from the status, kept)" : " allocated") + (allocation.Pool is null ? string.Empty : " from pool " + allocation.Pool)
            + (allocation.PossiblePools.Count > 1 ? "; MetalLB picks among pools " + string.Join(", ", allocation.PossiblePools) + " in no fixed order" : string.Empty);
    }

    private static string Describe(Announcement announcement)
    {
        if (announcement.NotAnnounced is { } reason)
        {
            return "by nobody: " + reason;
        }

        var parts = new List<string>();
        if (announcement.Layer2Announcer is { } announcer)
        {
            parts.Add("L2 by " + announcer + (announcement.Layer2Candidates.Count > 1 ? " (then " + string.Join(", ", announcement.Layer2Candidates.Skip(1)) + ")" : string.Empty)
                + (announcement.Layer2Interfaces.Count > 0 ? " on " + string.Join(", ", announcement.Layer2Interfaces) : string.Empty));
        }

        if (announcement.BgpAdvertisers.Count > 0)
        {
            parts.Add("BGP by " + string.Join(", ", announcement.BgpAdvertisers) + " (" + announcement.Routes.Count.ToString(CultureInfo.InvariantCulture) + " routes: "
                + string.Join("; ", announcement.Routes.Select(route => route.Node + " -> " + route.Peer + " " + route.Prefix
                    + (route.LocalPref != 0 ? " localpref " + route.LocalPref.ToString(CultureInfo.InvariantCulture) : string.Empty)
                    + (route.Communities.Count > 0 ? " communities " + string.Join(" ", route.Communities) : string.Empty))) + ")");
        }

        return string.Join("; ", parts) + " (pool " + announcement.Pool + ")";
    }

    private static string Describe(EndpointSource source) => source switch
    {
        EndpointSource.State => "endpoints from the state",
        EndpointSource.Manifests => "endpoints from EndpointSlices in the manifests",
        EndpointSource.StatePods => "endpoints from the state's pods",
        EndpointSource.Synthesised => "endpoints from pods Kubepath placed",
        _ => "no selector and no EndpointSlice: no endpoints",
    };

    private sealed class TreeNode
    {
        public TreeNode(string name) => Name = name;

        public string Name { get; }

        public double Probability { get; set; }

        public List<TreeNode> Children { get; } = new();

        public TreeNode Child(string name)
        {
            var child = Children.FirstOrDefault(existing => existing.Name == name);
            if (child is null)
            {
                child = new TreeNode(name);
                Children.Add(child);
            }

            return child;
        }
    }
}
