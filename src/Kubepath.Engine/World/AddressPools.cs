using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Numerics;
using Kubepath.Model;

namespace Kubepath.Engine.World;

/// <summary>An inclusive range of addresses of one family, as an IPAddressPool lists them (CIDR or <c>first-last</c>).</summary>
public readonly record struct AddressRange(IPAddress First, IPAddress Last)
{
    public bool IsIPv6 => Addresses.IsIPv6(First);

    public BigInteger Size => ToNumber(Last) - ToNumber(First) + 1;

    /// <summary>Reads <c>10.0.0.0/24</c>, <c>10.0.0.5-10.0.0.9</c> or a single address; both ends of one family, in order.</summary>
    public static bool TryParse(string? text, out AddressRange range)
    {
        range = default;
        var trimmed = (text ?? string.Empty).Trim();
        var dash = trimmed.IndexOf('-');
        if (dash > 0)
        {
            if (!Addresses.TryParse(trimmed.Substring(0, dash).Trim(), out var first) ||
                !Addresses.TryParse(trimmed.Substring(dash + 1).Trim(), out var last) ||
                Addresses.IsIPv6(first) != Addresses.IsIPv6(last) || Addresses.Compare(first, last) > 0)
            {
                return false;
            }

            range = new AddressRange(first, last);
            return true;
        }

        if (trimmed.IndexOf('/') < 0 || !Cidr.TryParse(trimmed, out var cidr))
        {
            return false;
        }

        range = new AddressRange(cidr.Network, FromNumber(ToNumber(cidr.Network) + (BigInteger.One << ((cidr.IsIPv6 ? 128 : 32) - cidr.PrefixLength)) - 1, cidr.IsIPv6));
        return true;
    }

    public bool Contains(IPAddress address) =>
        Addresses.IsIPv6(address) == IsIPv6 && Addresses.Compare(address, First) >= 0 && Addresses.Compare(address, Last) <= 0;

    public bool Overlaps(AddressRange other) =>
        other.IsIPv6 == IsIPv6 && Addresses.Compare(First, other.Last) <= 0 && Addresses.Compare(other.First, Last) <= 0;

    /// <summary>The addresses in order, the first <paramref name="limit"/> at most.</summary>
    public IEnumerable<IPAddress> Enumerate(int limit)
    {
        var current = ToNumber(First);
        var last = ToNumber(Last);
        for (var i = 0; i < limit && current <= last; i++, current++)
        {
            yield return FromNumber(current, IsIPv6);
        }
    }

    public override string ToString() => Addresses.Format(First) + "-" + Addresses.Format(Last);

    internal static BigInteger ToNumber(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        var unsigned = new byte[bytes.Length + 1];
        for (var i = 0; i < bytes.Length; i++)
        {
            unsigned[i] = bytes[bytes.Length - 1 - i];
        }

        return new BigInteger(unsigned);
    }

    internal static IPAddress FromNumber(BigInteger number, bool ipv6)
    {
        var length = ipv6 ? 16 : 4;
        var little = number.ToByteArray();
        var bytes = new byte[length];
        for (var i = 0; i < length && i < little.Length; i++)
        {
            bytes[length - 1 - i] = little[i];
        }

        return new IPAddress(bytes);
    }
}

/// <summary>An IPAddressPool as MetalLB's allocator reads it.</summary>
public sealed record AddressPool
{
    public required IPAddressPool Source { get; init; }

    public string Name => Source.Name;

    public IReadOnlyList<AddressRange> Ranges { get; init; } = Array.Empty<AddressRange>();

    public bool AutoAssign => Source.AutoAssign?.Value ?? true;

    public bool AvoidBuggyIPs => Source.AvoidBuggyIPs?.Value ?? false;

    public bool Contains(IPAddress address) => Ranges.Any(range => range.Contains(address));

    public bool Offers(bool ipv6) => Ranges.Any(range => range.IsIPv6 == ipv6);

    /// <summary>
    /// An address the allocator may hand out: inside a range and, with <c>avoidBuggyIPs</c>, not ending in .0 or
    /// .255 (MetalLB's <c>ipConfusesBuggyFirmware</c>, IPv4 only).
    /// </summary>
    public bool Usable(IPAddress address)
    {
        if (!Contains(address))
        {
            return false;
        }

        if (!AvoidBuggyIPs || Addresses.IsIPv6(address))
        {
            return true;
        }

        var last = address.GetAddressBytes()[3];
        return last != 0 && last != 255;
    }

    public static AddressPool From(IPAddressPool pool) => new()
    {
        Source = pool,
        Ranges = pool.Addresses.Select(field => AddressRange.TryParse(field.Value, out var range) ? (AddressRange?)range : null).OfType<AddressRange>().ToList(),
    };
}
