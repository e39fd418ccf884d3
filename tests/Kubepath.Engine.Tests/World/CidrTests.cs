using System.Net;
using Kubepath.Engine.World;

namespace Kubepath.Engine.Tests.World;

/// <summary>A prefix holds the addresses iptables' <c>-s</c>/<c>-d</c> would match with it, in either family.</summary>
public class CidrTests
{
    [Theory]
    [InlineData("10.42.0.0/16", "10.42.255.7", true)]
    [InlineData("10.42.0.0/16", "10.43.0.1", false)]
    [InlineData("10.42.1.5/16", "10.42.200.1", true)]
    [InlineData("192.168.1.240/28", "192.168.1.255", true)]
    [InlineData("192.168.1.240/28", "192.168.1.239", false)]
    [InlineData("10.43.0.1", "10.43.0.1", true)]
    [InlineData("10.43.0.1", "10.43.0.2", false)]
    [InlineData("0.0.0.0/0", "203.0.113.9", true)]
    [InlineData("128.0.0.0/1", "127.255.255.255", false)]
    [InlineData("128.0.0.0/1", "128.0.0.0", true)]
    [InlineData("10.42.0.0/16", "::ffff:10.42.0.1", false)]
    [InlineData("fd00:42::/56", "fd00:42:0:ff::1", true)]
    [InlineData("fd00:42::/56", "fd00:42:0:100::1", false)]
    [InlineData("fd00:42::/56", "10.42.0.1", false)]
    public void A_prefix_holds_the_addresses_its_leading_bits_name(string prefix, string address, bool expected)
    {
        Assert.Equal(expected, Cidr.Parse(prefix).Contains(IPAddress.Parse(address)));
    }

    [Fact]
    public void Addresses_checked_one_after_another_do_not_leak_into_each_other()
    {
        var prefix = Cidr.Parse("10.42.1.0/24");
        var inside = IPAddress.Parse("10.42.1.77");
        var outside = IPAddress.Parse("10.42.2.77");

        for (var i = 0; i < 3; i++)
        {
            Assert.True(prefix.Contains(inside));
            Assert.False(prefix.Contains(outside));
        }
    }
}
