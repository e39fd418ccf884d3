using System.Collections.Concurrent;
using System.Linq;
using System.Text;
using Kubepath.Model;

namespace Kubepath.Engine.Compile;

/// <summary>
/// The names of the per-service chains kube-proxy creates: a prefix and the first 16 characters of the
/// base32 SHA-256 of the service port name and protocol (and, for an endpoint, its <c>ip:port</c>), as
/// kube-proxy's <c>portProtoHash</c> and <c>servicePortEndpointChainName</c> compute them.
/// </summary>
public static class ChainNames
{
    public static string Service(ServicePortName port, Protocol protocol) => "KUBE-SVC-" + Hash(port, protocol, string.Empty);

    public static string ServiceLocal(ServicePortName port, Protocol protocol) => "KUBE-SVL-" + Hash(port, protocol, string.Empty);

    public static string External(ServicePortName port, Protocol protocol) => "KUBE-EXT-" + Hash(port, protocol, string.Empty);

    public static string Firewall(ServicePortName port, Protocol protocol) => "KUBE-FW-" + Hash(port, protocol, string.Empty);

    /// <summary>The chain of one endpoint; <paramref name="endpoint"/> is <c>ip:port</c> (<c>[ip]:port</c> for IPv6).</summary>
    public static string Endpoint(ServicePortName port, Protocol protocol, string endpoint) => "KUBE-SEP-" + Hash(port, protocol, endpoint);

    /// <summary>kube-proxy hashes the protocol in lower case (<c>strings.ToLower(string(protocol))</c>).</summary>
    public static string ProtocolText(Protocol protocol) =>
        (uint)protocol < (uint)LowerCaseProtocols.Length && LowerCaseProtocols[(int)protocol] is { } name ? name : WireNames.Protocol.NameOf(protocol).ToLowerInvariant();

    // Each protocol's name at its value's place, lower-cased once rather than for every rule and chain.
    private static readonly string?[] LowerCaseProtocols = LowerCaseNames();

    /// <summary>Hashes already computed: every node's rules name the same chains, and a lint compiles every node.</summary>
    private static readonly ConcurrentDictionary<string, string> Hashes = new(System.StringComparer.Ordinal);

    /// <summary>
    /// Past this many, the remembered hashes are forgotten: a long-lived host (an IDE) keeps those of the largest cluster it
    /// analysed, and never more than this many (some tens of MB).
    /// </summary>
    private const int MaxRememberedHashes = 1 << 18;

    private static int remembered;

    /// <summary>The hash of <c>port + protocol + endpoint</c>, the text built in one piece (a lint names thousands of chains).</summary>
    private static string Hash(ServicePortName port, Protocol protocol, string endpoint)
    {
        // Room for the two separators of the port's name and the longest protocol ("sctp").
        var text = port.AppendTo(new StringBuilder(port.Namespace.Length + port.Name.Length + port.PortName.Length + endpoint.Length + 6));
        return Hash(text.Append(ProtocolText(protocol)).Append(endpoint).ToString());
    }

    private static string?[] LowerCaseNames()
    {
        var protocols = (Protocol[])System.Enum.GetValues(typeof(Protocol));
        var names = new string?[protocols.Max(protocol => (int)protocol) + 1];
        foreach (var protocol in protocols)
        {
            names[(int)protocol] = WireNames.Protocol.NameOf(protocol).ToLowerInvariant();
        }

        return names;
    }

    private static string Hash(string text)
    {
        if (Hashes.TryGetValue(text, out var known))
        {
            return known;
        }

        var hash = Base32Prefix(World.Sha256Text.Of(text), 16);
        // Approximate under races, which is all a bound needs (ConcurrentDictionary.Count would take every lock).
        if (Hashes.TryAdd(text, hash) && System.Threading.Interlocked.Increment(ref remembered) > MaxRememberedHashes)
        {
            Hashes.Clear();
            System.Threading.Interlocked.Exchange(ref remembered, 0);
        }

        return hash;
    }

    /// <summary>The first <paramref name="length"/> characters of RFC 4648 base32 (Go's <c>base32.StdEncoding</c>).</summary>
    private static string Base32Prefix(byte[] bytes, int length)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = new char[length];
        int buffer = 0, bits = 0, i = 0;
        for (var written = 0; written < length; written++)
        {
            if (bits < 5)
            {
                buffer = (buffer << 8) | bytes[i++];
                bits += 8;
            }

            text[written] = Alphabet[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }

        return new string(text);
    }
}
