using Kubepath.Engine.Rules;
using Kubepath.Engine.Simulate;
using Kubepath.Engine.Tests.Seed;
using Kubepath.Engine.World;

namespace Kubepath.Engine.Tests.Simulate;

/// <summary>
/// Compiling the other nodes' rules on the thread pool, running the rules side by side and explaining a rule's Services side
/// by side (what the command line and the analyzer's end of compilation ask for) changes when the work is done, never what
/// is predicted: the same flows and the same findings, in the same order, as compiling each node when it is first needed
/// and running one rule after another.
/// </summary>
public class CompileAheadTests
{
    public static TheoryData<string> Worlds() => new() { "final", "s3", "s4" };

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Every_flow_of_every_service_is_the_same(string scenario)
    {
        Assert.Equal(Flows(World(scenario), compileNodesAhead: false), Flows(World(scenario), compileNodesAhead: true));
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void The_findings_are_the_same_on_every_core(string scenario)
    {
        static IEnumerable<string> Findings(ClusterWorld world, bool ahead) =>
            RuleRunner.Run(world, useEveryCore: ahead).Select(d => $"{d.Id} {d.Span} {d.Message}");

        var alone = Findings(World(scenario), ahead: false).ToList();
        Assert.NotEmpty(alone);
        Assert.Equal(alone, Findings(World(scenario), ahead: true));
    }

    private static ClusterWorld World(string scenario) => scenario switch
    {
        "s3" => SeedLab.S3(),
        "s4" => SeedLab.S4(),
        _ => SeedLab.Final(),
    };

    private static List<string> Flows(ClusterWorld world, bool compileNodesAhead)
    {
        var simulator = new FlowSimulator(world, compileNodesAhead);
        return world.Services
            .SelectMany(service => simulator.Explain(service).Ports)
            .SelectMany(port => port.Entries)
            .SelectMany(entry => entry.Origins)
            .Select(flow => $"{flow.Entry.Describe()} from {flow.Origin.Kind} on {flow.Origin.Node}: " +
                string.Join("; ", flow.Outcomes.Select(outcome => $"{outcome.Verdict} {outcome.Endpoint} from {outcome.SourceSeen} p={outcome.Probability} via {string.Join(">", outcome.Path)}")))
            .ToList();
    }
}
