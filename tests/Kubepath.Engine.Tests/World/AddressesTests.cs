using Kubepath.Engine.World;

namespace Kubepath.Engine.Tests.World;

/// <summary>An address is what Go's ParseIP accepts, as Kubernetes validates it: nothing IPAddress would also read.</summary>
public class AddressesTests
{
    [Theory]
    [InlineData("10.42.0.7", "10.42.0.7")]
    [InlineData("0.0.0.0", "0.0.0.0")]
    [InlineData("255.255.255.255", "255.255.255.255")]
    [InlineData("192.168.100.250", "192.168.100.250")]
    [InlineData("fd00:42::1", "fd00:42::1")]
    [InlineData("::ffff:10.1.2.3", "::ffff:10.1.2.3")]
    public void An_address_reads_as_itself(string text, string formatted)
    {
        Assert.True(Addresses.TryParse(text, out var address));
        Assert.Equal(formatted, Addresses.Format(address));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("10.1")]
    [InlineData("10.0.0")]
    [InlineData("1.2.3.4.5")]
    [InlineData("010.0.0.1")]
    [InlineData("10.00.0.1")]
    [InlineData("256.0.0.1")]
    [InlineData("10.0.0.999")]
    [InlineData("10.0.0.1234")]
    [InlineData("1..2.3")]
    [InlineData(".1.2.3")]
    [InlineData("1.2.3.")]
    [InlineData("1.2.3.a")]
    [InlineData("1.2.3.-4")]
    [InlineData(" 10.0.0.1")]
    [InlineData("10.0.0.1 ")]
    [InlineData("fe80::1%eth0")]
    [InlineData("10.0.0.0/8")]
    public void Text_that_is_not_exactly_an_address_is_not_one(string? text)
    {
        Assert.False(Addresses.TryParse(text, out _));
    }
}
