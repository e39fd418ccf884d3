using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Kubepath.Engine.World;

/// <summary>
/// An IPv4 or IPv6 prefix (<c>10.42.0.0/16</c>). A bare address is a host prefix (/32 or /128), as iptables reads
/// <c>-d 10.43.0.1</c>. The network is kept masked, so <c>10.42.1.5/16</c> prints as <c>10.42.0.0/16</c>, the way
/// <c>iptables-save</c> prints it.
/// </summary>
public readonly struct Cidr : IEquatable<Cidr>
{
    [ThreadStatic]
    private static byte[]? ipv4Buffer;

    private readonly byte[] network;

    private Cidr(byte[] network, int prefixLength)
    {
        this.network = network;
        PrefixLength = prefixLength;
    }

    public int PrefixLength { get; }

    public bool IsIPv6 => network.Length == 16;

    public IPAddress Network => new(network);

    public static Cidr Host(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return new Cidr(bytes, bytes.Length * 8);
    }

    /// <summary>Reads <c>a.b.c.d/n</c>, <c>x::y/n</c> or a bare address.</summary>
    public static bool TryParse(string? text, out Cidr cidr)
    {
        cidr = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text!.Trim();
        var slash = trimmed.IndexOf('/');
        var addressText = slash < 0 ? trimmed : trimmed.Substring(0, slash);
        if (!Addresses.TryParse(addressText, out var address))
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        var prefix = bytes.Length * 8;
        if (slash >= 0 && (!int.TryParse(trimmed.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bytes.Length * 8))
        {
            return false;
        }

        Mask(bytes, prefix);
        cidr = new Cidr(bytes, prefix);
        return true;
    }

    public static Cidr Parse(string text) =>
        TryParse(text, out var cidr) ? cidr : throw new FormatException("'" + text + "' is not an IP address or CIDR.");

    public bool Contains(IPAddress address)
    {
        if (network is null)
        {
            return false;
        }

        var bytes = address.AddressFamily == AddressFamily.InterNetwork ? IPv4Bytes(address) : address.GetAddressBytes();
        if (bytes.Length != network.Length)
        {
            return false;
        }

        var full = PrefixLength / 8;
        for (var i = 0; i < full; i++)
        {
            if (bytes[i] != network[i])
            {
                return false;
            }
        }

        var rest = PrefixLength % 8;
        return rest == 0 || (bytes[full] & (0xFF << (8 - rest)) & 0xFF) == network[full];
    }

    /// <summary>
    /// An IPv4 address's four bytes in this thread's buffer, not a new array: a packet meets a Contains at every address
    /// match of every rule it walks. (IPAddress.Address is obsolete for IPv6's sake; for IPv4 it holds the four bytes, the
    /// first the lowest.)
    /// </summary>
    private static byte[] IPv4Bytes(IPAddress address)
    {
        var bytes = ipv4Buffer ??= new byte[4];
#pragma warning disable CS0618
        var value = address.Address;
#pragma warning restore CS0618
        for (var i = 0; i < 4; i++)
        {
            bytes[i] = (byte)(value >> (8 * i));
        }

        return bytes;
    }

    /// <summary>The address <paramref name="offset"/> places into the prefix (.1 of 10.42.1.0/24 is 10.42.1.1).</summary>
    public IPAddress AddressAt(long offset)
    {
        var bytes = (byte[])network.Clone();
        var carry = offset;
        for (var i = bytes.Length - 1; i >= 0 && carry != 0; i--)
        {
            var sum = bytes[i] + (carry & 0xFF);
            bytes[i] = (byte)sum;
            carry = (carry >> 8) + (sum >> 8);
        }

        return new IPAddress(bytes);
    }

    /// <summary>How many addresses the prefix holds, capped at <see cref="long.MaxValue"/>.</summary>
    public long Size => network.Length * 8 - PrefixLength >= 63 ? long.MaxValue : 1L << (network.Length * 8 - PrefixLength);

    public bool Equals(Cidr other) => PrefixLength == other.PrefixLength && ToString() == other.ToString();

    public override bool Equals(object? obj) => obj is Cidr other && Equals(other);

    public override int GetHashCode() => ToString().GetHashCode();

    public static bool operator ==(Cidr left, Cidr right) => left.Equals(right);

    public static bool operator !=(Cidr left, Cidr right) => !left.Equals(right);

    public override string ToString() => network is null ? string.Empty : Addresses.Format(new IPAddress(network)) + "/" + PrefixLength.ToString(CultureInfo.InvariantCulture);

    private static void Mask(byte[] bytes, int prefix)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            var bits = Math.Max(0, Math.Min(8, prefix - (i * 8)));
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }
    }
}

/// <summary>IP address parsing and printing as Kubernetes and Go's <c>net</c> package do them.</summary>
public static class Addresses
{
    /// <summary>Strict dotted-quad IPv4 or IPv6 text (Go's <c>net.ParseIP</c>: no leading zeros, no shorthand forms).</summary>
    public static bool TryParse(string? text, out IPAddress address)
    {
        address = IPAddress.None;
        if (string.IsNullOrEmpty(text) || text!.Trim() != text)
        {
            return false;
        }

        if (text.IndexOf(':') < 0)
        {
            if (!IsDottedQuad(text))
            {
                return false;
            }
        }
        else if (text.IndexOf('%') >= 0)
        {
            return false;
        }

        if (!IPAddress.TryParse(text, out var parsed) || parsed is null)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    /// <summary>
    /// Four decimal parts of one to three digits, none above 255 and none with a leading zero (Go's ParseIP, which
    /// IPAddress.TryParse would otherwise outdo by reading "10.1" or octal): checked in place, as every endpoint is.
    /// </summary>
    private static bool IsDottedQuad(string text)
    {
        var parts = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '.')
            {
                if (text[i] < '0' || text[i] > '9' || i - start == 3)
                {
                    return false;
                }

                continue;
            }

            var length = i - start;
            if (length == 0 || (length > 1 && text[start] == '0') || ++parts > 4)
            {
                return false;
            }

            var value = 0;
            for (var j = start; j < i; j++)
            {
                value = (value * 10) + (text[j] - '0');
            }

            if (value > 255)
            {
                return false;
            }

            start = i + 1;
        }

        return parts == 4;
    }

    public static IPAddress Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException("'" + text + "' is not an IP address.");

    public static bool IsIPv6(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6;

    /// <summary>Go's <c>net.IP.String()</c>: dotted quad, or RFC 5952 text in lower case.</summary>
    public static string Format(IPAddress address) => address.ToString();

    /// <summary>Go's <c>net.JoinHostPort</c>: <c>ip:port</c>, with brackets around an IPv6 address.</summary>
    public static string JoinHostPort(string ip, int port) =>
        (ip.IndexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Orders addresses numerically (IPv4 before IPv6), for placeholder allocation and stable output.</summary>
    public static int Compare(IPAddress left, IPAddress right)
    {
        var a = left.GetAddressBytes();
        var b = right.GetAddressBytes();
        if (a.Length != b.Length)
        {
            return a.Length.CompareTo(b.Length);
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }

        return 0;
    }
}
