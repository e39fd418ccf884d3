using System;
using System.CommandLine;
using System.Linq;
using Kubepath.Engine.Compile;
using Kubepath.Engine.World;

namespace Kubepath.Cli.Commands;

/// <summary><c>kubepath iptables PATH... --node NAME</c>: the rules kube-proxy programs on the node.</summary>
internal static class IptablesCommand
{
    public static Command Create()
    {
        var input = new WorldInput();
        var output = new OutputOptions();
        var node = new Option<string>("--node") { Description = "The node whose rules to print", Required = true };
        var table = new Option<string>("--table") { Description = "nat, filter or all", DefaultValueFactory = _ => "all" };
        table.AcceptOnlyFromAmong("nat", "filter", "all");
        var render = new Option<string>("--render")
        {
            Description = "save: what iptables-save prints on the node; restore: what kube-proxy feeds to iptables-restore",
            DefaultValueFactory = _ => "save",
        };
        render.AcceptOnlyFromAmong("save", "restore");
        var family = new Option<string>("--ip-family") { Description = "ipv4 (iptables) or ipv6 (ip6tables)", DefaultValueFactory = _ => "ipv4" };
        family.AcceptOnlyFromAmong("ipv4", "ipv6");

        var command = new Command("iptables", """
            Print the iptables rules kube-proxy programs on a node for these manifests.

            Examples:
              kubepath iptables deploy/ --node node-1
              kubepath iptables samples/seed --profile samples/seed-state/profile.yaml --node vm1 --table nat --render restore
            """);
        input.AddTo(command);
        output.AddTo(command, color: false);
        command.Options.Add(node);
        command.Options.Add(table);
        command.Options.Add(render);
        command.Options.Add(family);
        command.SetAction(parse =>
        {
            var loaded = input.Load(parse);
            if (loaded is null)
            {
                return ExitCodes.Usage;
            }

            var world = loaded.World;
            var nodeName = parse.GetValue(node)!;
            var target = world.FindNode(nodeName);
            if (target is null)
            {
                Console.Error.WriteLine($"kubepath: no node {nodeName}; the nodes are {string.Join(", ", world.Nodes.Select(n => n.Name))}");
                return ExitCodes.Usage;
            }

            var ipv6 = parse.GetValue(family) == "ipv6";
            var rules = ProxierCompiler.Compile(world, target, ipv6);
            var tables = parse.GetValue(table) switch
            {
                "nat" => new[] { Table.Nat },
                "filter" => new[] { Table.Filter },
                _ => new[] { Table.Filter, Table.Nat },
            };

            var settings = world.Profile.KubeProxy;
            var report = Header(world, target, rules, parse.GetValue(render) == "restore") + (parse.GetValue(render) == "restore"
                ? RulesText.RestoreInput(rules, tables)
                : RulesText.SaveOutput(rules, tables, settings.Flavour));
            return output.Write(parse, report) ? loaded.ExitCode : ExitCodes.Usage;
        });
        return command;
    }

    /// <summary>Comment lines (both formats accept them) saying what the rules are and what they rest on.</summary>
    private static string Header(ClusterWorld world, ClusterNode node, NodeRules rules, bool restore)
    {
        var settings = world.Profile.KubeProxy;
        var text = new System.Text.StringBuilder();
        text.Append("# Kubepath: ").Append(restore ? "kube-proxy's iptables-restore input" : "iptables-save").Append(" on node ").Append(node.Name)
            .Append(" (").Append(rules.IPv6 ? "IPv6" : "IPv4").Append(", kube-proxy ").Append(settings.Version)
            .Append(", profile ").Append(world.Profile.Name).Append(")\n");
        text.Append("# Only kube-proxy's chains and rules; services in name order (kube-proxy's own order changes with every sync).\n");
        if (rules.LargeClusterMode)
        {
            text.Append("# Large-cluster mode: ").Append(rules.TotalEndpoints).Append(" endpoints > ").Append(settings.LargeClusterEndpointsThreshold).Append(", so endpoint rules carry no comments.\n");
        }

        foreach (var assumption in Assumptions(world, node))
        {
            text.Append("# Assumed: ").Append(assumption).Append('\n');
        }

        return text.ToString();
    }

    private static System.Collections.Generic.IEnumerable<string> Assumptions(ClusterWorld world, ClusterNode node)
    {
        foreach (var assumption in world.Assumptions)
        {
            yield return assumption;
        }

        if (node.AddressAssumed || node.PodCidrAssumed)
        {
            yield return "node " + node.Name + "'s " + (node.AddressAssumed ? "address" : "pod CIDR") + " (no profile, Node object or state gives it)";
        }

        var placeholders = world.Services.Where(s => s.ClusterIPAssumed || s.HealthCheckNodePortAssumed || s.Ports.Any(p => p.NodePortAssumed)).Select(s => s.QualifiedName).ToList();
        if (placeholders.Count > 0)
        {
            yield return "cluster IPs, node ports or health-check node ports of " + string.Join(", ", placeholders) + " (placeholders; pass --state for the real ones)";
        }

        var placed = world.Services.Where(s => s.EndpointSource == EndpointSource.Synthesised && s.Ports.Any(p => p.Endpoints.Count > 0)).Select(s => s.QualifiedName).ToList();
        if (placed.Count > 0)
        {
            yield return "endpoints of " + string.Join(", ", placed) + " (pods placed by Kubepath's rule, see docs/assumptions.md)";
        }
    }
}
