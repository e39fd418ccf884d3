using System;
using System.Linq;
using System.Threading;

namespace Kubepath.Manifests.Tests;

/// <summary>Work spread over every core gives what a loop gives: results in order, and the first failure by position.</summary>
public class EveryCoreTests
{
    [Fact]
    public void Results_come_in_the_pieces_order()
    {
        var results = EveryCore.Map(1000, i =>
        {
            // Later pieces finish first as often as not.
            Thread.SpinWait((1000 - i) * 10);
            return i * 2;
        });

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i * 2), results);
    }

    [Fact]
    public void The_first_failing_piece_by_position_is_the_one_thrown()
    {
        var thrown = Assert.Throws<InvalidOperationException>(() => EveryCore.Map(64, i =>
        {
            if (i is 5 or 40)
            {
                // The later failure happens first.
                Thread.Sleep(i == 5 ? 50 : 0);
                throw new InvalidOperationException("piece " + i);
            }

            return i;
        }));

        Assert.Equal("piece 5", thrown.Message);
    }
}
