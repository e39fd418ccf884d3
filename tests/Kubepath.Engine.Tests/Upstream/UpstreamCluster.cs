using System.Net;
using Kubepath.Engine.World;
using Kubepath.Manifests;

namespace Kubepath.Engine.Tests.Upstream;

/// <summary>
/// The node kube-proxy's own iptables tests run on (pkg/proxy/iptables/proxier_test.go, NewFakeProxier), as a profile:
/// node test-hostname with 192.168.0.2, 192.168.1.2 and 192.168.99.11 on eth0, pods in 10.0.0.0/8, masquerade bit
/// 14, localhost node ports on, no nodePortAddresses, and a fake iptables without <c>--random-fully</c>.
/// </summary>
internal static class UpstreamCluster
{
    public const string Node = "test-hostname";

    public static ClusterProfile Profile(string version, params string[] nfacctCounters) => new()
    {
        Name = "kube-proxy-tests",
        ClusterCidrs = new[] { Cidr.Parse("10.0.0.0/8") },
        ServiceCidrs = new[] { Cidr.Parse("172.30.0.0/16") },
        KubeProxy = new KubeProxySettings { Version = KubeVersion.Parse(version), RandomFully = false, NfacctCounters = nfacctCounters },
        Nodes = new[]
        {
            new NodeProfile
            {
                Name = Node,
                InternalIPs = new[] { IPAddress.Parse("192.168.0.2") },
                PodCidrs = new[] { Cidr.Parse("10.0.0.0/24") },
                Interfaces = new[]
                {
                    new InterfaceAddress("eth0", IPAddress.Parse("192.168.1.2"), Cidr.Parse("192.168.1.0/24")),
                    new InterfaceAddress("eth0", IPAddress.Parse("192.168.99.11"), Cidr.Parse("192.168.99.0/24")),
                },
            },
        },
    };

    public static ClusterWorld World(string yaml, ClusterProfile profile)
    {
        var set = new ManifestLoader().LoadText("upstream.yaml", yaml);
        Assert.Empty(set.Diagnostics);
        return WorldBuilder.Build(set, profile);
    }

    /// <summary>
    /// The upstream tests compare after <c>sortIPTablesRules</c>: tables by name; chains KUBE-NODEPORTS, KUBE-SERVICES,
    /// then the other KUBE- chains by name; KUBE-NODEPORTS and KUBE-SERVICES rules stably by the service named in their
    /// comment, the "must be the last rule" rule last; other chains keep their order. The fake writes the mark as 0x4000.
    /// </summary>
    public static string SortedLikeUpstream(string restore)
    {
        var result = new System.Text.StringBuilder();
        foreach (var section in restore.Split("COMMIT\n", StringSplitOptions.RemoveEmptyEntries).OrderBy(section => section, StringComparer.Ordinal))
        {
            var lines = section.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var chains = lines.Where(line => line.StartsWith(':')).Select(line => line.Substring(1, line.IndexOf(' ', StringComparison.Ordinal) - 1)).ToList();
            var order = chains.OrderBy(ChainRank).ThenBy(chain => chain, StringComparer.Ordinal).ToList();
            result.Append(lines[0]).Append('\n');
            foreach (var chain in order)
            {
                result.Append(':').Append(chain).Append(" - [0:0]\n");
            }

            foreach (var chain in order)
            {
                var rules = lines.Where(line => line.StartsWith("-A " + chain + " ", StringComparison.Ordinal)).ToList();
                if (chain is "KUBE-NODEPORTS" or "KUBE-SERVICES")
                {
                    rules = rules.OrderBy(rule => rule.Contains("must be the last rule", StringComparison.Ordinal) ? 1 : 0).ThenBy(ServiceOf, StringComparer.Ordinal).ToList();
                }

                foreach (var rule in rules)
                {
                    result.Append(rule.Replace("0x00004000", "0x4000", StringComparison.Ordinal)).Append('\n');
                }
            }

            result.Append("COMMIT\n");
        }

        return result.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> CommentEnd = System.Buffers.SearchValues.Create(" :");

    private static int ChainRank(string chain) => chain switch
    {
        "KUBE-NODEPORTS" => 0,
        "KUBE-SERVICES" => 1,
        _ => chain.StartsWith("KUBE-", StringComparison.Ordinal) ? 2 : 3,
    };

    private static string ServiceOf(string rule)
    {
        var at = rule.IndexOf("--comment ", StringComparison.Ordinal);
        if (at < 0)
        {
            return string.Empty;
        }

        var comment = rule.Substring(at + 10).TrimStart('"');
        var end = comment.AsSpan().IndexOfAny(CommentEnd);
        return end < 0 ? comment : comment.Substring(0, end);
    }
}
