using System;
using System.CommandLine;
using System.Linq;
using Kubepath.Cli.Explain;
using Kubepath.Engine.Simulate;

namespace Kubepath.Cli.Commands;

/// <summary><c>kubepath explain PATH... [--service NS/NAME]</c>: each service's datapath, from every kind of origin.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var input = new WorldInput();
        var output = new OutputOptions();
        var service = new Option<string?>("--service") { Description = "Only this service (namespace/name, or name in namespace default)" };
        var format = new Option<string>("--format") { Description = "text, or json (schemas/explain.schema.json)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("explain", """
            Show where packets to each service go: per port and entry point, from pods, hosts and external clients on every node.

            Examples:
              kubepath explain deploy/ --service shop/storefront
              kubepath explain samples/seed --state samples/seed-state/cluster-state.yaml --format json
            """);
        input.AddTo(command);
        output.AddTo(command, color: false);
        command.Options.Add(service);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var loaded = input.Load(parse);
            if (loaded is null)
            {
                return ExitCodes.Usage;
            }

            var world = loaded.World;
            var services = world.Services.Where(s => s.HasClusterIP || s.ExternalIPs.Count > 0).ToList();
            if (parse.GetValue(service) is { } wanted)
            {
                var qualified = wanted.Contains('/', StringComparison.Ordinal) ? wanted : "default/" + wanted;
                services = world.Services.Where(s => s.QualifiedName == qualified).ToList();
                if (services.Count == 0)
                {
                    Console.Error.WriteLine($"kubepath: no service {qualified}; the services are {string.Join(", ", world.Services.Select(s => s.QualifiedName))}");
                    return ExitCodes.Usage;
                }
            }

            var simulator = new FlowSimulator(world, compileNodesAhead: true);
            var flows = services.Select(s => simulator.Explain(s)).ToList();
            var report = parse.GetValue(format) == "json" ? ExplainJson.Render(world, flows) : ExplainText.Render(world, flows, simulator);
            return output.Write(parse, report) ? loaded.ExitCode : ExitCodes.Usage;
        });
        return command;
    }
}
