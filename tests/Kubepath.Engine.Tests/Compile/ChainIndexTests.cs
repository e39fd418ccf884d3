using System.Net;
using Kubepath.Engine.Compile;
using Kubepath.Engine.World;
using Kubepath.Manifests;

namespace Kubepath.Engine.Tests.Compile;

/// <summary>
/// A long chain's candidates for a destination are the chain itself, in order, without the rules that require another
/// host or another port: what a packet meets is the same as walking every rule.
/// </summary>
public class ChainIndexTests
{
    [Fact]
    public void A_long_chain_gives_every_rule_that_can_match_a_destination_and_port_in_the_chain_s_order()
    {
        var yaml = string.Concat(Enumerable.Range(1, 40).Select(i => $$"""
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: svc-{{i}}}
            spec:
              type: {{(i % 2 == 0 ? "NodePort" : "ClusterIP")}}
              clusterIP: 10.43.0.{{i}}
              selector: {app: svc-{{i}}}
              ports: [{port: 80, name: http}, {port: {{8000 + (i % 3)}}, name: alt}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: svc-{{i}}}
            spec:
              selector:
                matchLabels: {app: svc-{{i}} }
              template:
                metadata:
                  labels: {app: svc-{{i}} }
                spec:
                  containers: [{name: app, image: app}]

            """));
        var world = WorldBuilder.Build(new ManifestLoader().LoadText("services.yaml", yaml), BuiltInProfiles.K3s);
        var index = ProxierCompiler.Compile(world, world.Nodes[0], ipv6: false).Index(Table.Nat);
        var chains = new[] { "KUBE-SERVICES", "KUBE-NODEPORTS" };
        Assert.All(chains, chain => Assert.True(index.RulesOf(chain).Count >= 16, chain + " is long enough to be indexed"));

        var destinations = Enumerable.Range(1, 42).Select(i => IPAddress.Parse($"10.43.0.{i}")).Append(world.Nodes[0].InternalIP(false)!);
        foreach (var chain in chains)
        {
            foreach (var destination in destinations)
            {
                foreach (var port in new[] { 80, 8000, 8001, 8002, 9999 }.Concat(world.Services.SelectMany(s => s.Ports).Select(p => p.NodePort)))
                {
                    var walked = index.RulesOf(chain).Where(rule => CanMatch(rule, destination, port)).ToList();
                    Assert.Equal(walked, index.CandidatesOf(chain, destination, port));
                    Assert.Equal(walked, index.CandidatesOf(chain, destination, port));
                }
            }
        }
    }

    private static bool CanMatch(Rule rule, IPAddress destination, int port) =>
        rule.Args.OfType<AddressArg>().All(arg => arg.IsSource || arg.Negated || arg.Cidr.PrefixLength != 32 || arg.Cidr.Contains(destination)) &&
        rule.Args.OfType<PortArg>().All(arg => arg.Port == port);
}
