using Kubepath.Engine.Compile;

namespace Kubepath.Engine.Tests.Compile;

/// <summary>The probabilities of the seed lab's rules (FACTS.md S1 and S4), in both renderings.</summary>
public class ProbabilityTests
{
    [Theory]
    [InlineData(0, 3, "0.3333333333", "0.33333333349")]
    [InlineData(1, 3, "0.5000000000", "0.50000000000")]
    [InlineData(0, 6, "0.1666666667", "0.16666666651")]
    [InlineData(1, 6, "0.2000000000", "0.20000000019")]
    [InlineData(2, 6, "0.2500000000", "0.25000000000")]
    [InlineData(3, 6, "0.3333333333", "0.33333333349")]
    public void Restore_input_and_save_output_match_what_the_nodes_showed(int index, int count, string restore, string save)
    {
        var text = Probability.RestoreText(Probability.Of(index, count));
        Assert.Equal(restore, text);
        Assert.Equal(save, Probability.SaveText(text));
    }

    [Fact]
    public void Taking_each_rule_in_turn_gives_every_endpoint_an_equal_share()
    {
        for (var count = 1; count <= 50; count++)
        {
            var remaining = 1.0;
            for (var index = 0; index < count; index++)
            {
                var share = remaining * Probability.Of(index, count);
                Assert.Equal(1.0 / count, share, 12);
                remaining -= share;
            }

            Assert.Equal(0.0, remaining, 12);
        }
    }
}
