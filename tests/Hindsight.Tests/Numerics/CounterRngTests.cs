using Hindsight.Numerics;

namespace Hindsight.Tests.Numerics;

public class CounterRngTests
{
    [Fact]
    public void Same_key_round_and_action_give_the_same_bits_in_any_order()
    {
        ulong key = CounterRng.Key(42, 3, CounterRng.Hash("stream"));
        var forward = Enumerable.Range(1, 100).Select(t => CounterRng.Bits(key, t, t % 7)).ToArray();
        var backward = Enumerable.Range(1, 100).Reverse().Select(t => CounterRng.Bits(key, t, t % 7)).Reverse().ToArray();
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Different_runs_rounds_actions_and_lanes_give_different_values()
    {
        ulong k0 = CounterRng.Key(1, 0, 5), k1 = CounterRng.Key(1, 1, 5);
        Assert.NotEqual(k0, k1);
        var values = new HashSet<ulong>();
        for (int t = 1; t <= 50; t++)
        {
            for (int a = 0; a < 10; a++)
            {
                for (int lane = 0; lane < 4; lane++)
                {
                    Assert.True(values.Add(CounterRng.Bits(k0, t, a, lane)));
                }
            }
        }
    }

    [Fact]
    public void Uniforms_have_the_moments_of_U01()
    {
        // Given 10^6 draws, the mean is within 5 standard errors of 1/2 and the variance of 1/12.
        const int n = 1_000_000;
        ulong key = CounterRng.Key(7, 0, 0);
        double sum = 0, squares = 0;
        for (int i = 0; i < n; i++)
        {
            double u = CounterRng.Uniform(key, i / 10, i % 10);
            Assert.InRange(u, 0.0, 1.0 - double.Epsilon);
            sum += u;
            squares += u * u;
        }

        double mean = sum / n;
        double variance = (squares / n) - (mean * mean);
        Assert.InRange(mean, 0.5 - (5 * Math.Sqrt(1.0 / 12 / n)), 0.5 + (5 * Math.Sqrt(1.0 / 12 / n)));
        Assert.InRange(variance, (1.0 / 12) - 0.001, (1.0 / 12) + 0.001);
    }

    [Fact]
    public void Normals_have_mean_zero_and_unit_variance()
    {
        const int n = 400_000;
        ulong key = CounterRng.Key(3, 0, 1);
        double sum = 0, squares = 0;
        for (int i = 0; i < n; i++)
        {
            double z = CounterRng.Normal(key, i, 0);
            sum += z;
            squares += z * z;
        }

        Assert.InRange(sum / n, -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
        Assert.InRange(squares / n, 1 - (5 * Math.Sqrt(2.0 / n)), 1 + (5 * Math.Sqrt(2.0 / n)));
    }

    [Fact]
    public void Seeded_random_repeats_its_sequence_after_reseed()
    {
        var rng = new SeededRandom(9);
        var first = Enumerable.Range(0, 20).Select(_ => rng.NextBits()).ToArray();
        rng.Reseed(9);
        Assert.Equal(first, Enumerable.Range(0, 20).Select(_ => rng.NextBits()).ToArray());
        Assert.All(Enumerable.Range(0, 1000).Select(_ => rng.Next(7)), v => Assert.InRange(v, 0, 6));
    }
}
