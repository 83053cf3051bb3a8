using Hindsight.Oco;
using Hindsight.Oco.Domains;
using Hindsight.Oco.Environments;
using Hindsight.Oco.Learners;

namespace Hindsight.Tests.Oco.Learners;

/// <summary>
/// Issue 4's SEA bar on a grid of knobs: linear losses on the unit ball in d = 10, noise σ ∈ {0, 0.3, 1}, adversarial
/// swing ρ ∈ {0, 0.3, 1} with a fresh random sign every round, T ∈ {1000, 4000, 16000}, mean of 5 runs.
/// </summary>
public class OptimisticOnlineMirrorDescentTests
{
    private static readonly double[] Knobs = [0, 0.3, 1];
    private static readonly long[] Horizons = [1000, 4000, 16000];

    private static double[] Regret(double sigma, double rho)
    {
        var domain = new Ball(10);
        double[] mean = new double[Horizons.Length];
        for (int run = 0; run < 5; run++)
        {
            double[] r = OcoPlay.Linear(new OptimisticOnlineMirrorDescent(domain), new LinearSeaStream(10, sigma, rho, 1, 1, run), domain, Horizons);
            for (int i = 0; i < r.Length; i++)
            {
                mean[i] += r[i] / 5;
            }
        }

        return mean;
    }

    [Fact]
    public void Without_noise_or_variation_the_regret_stays_bounded_in_t()
    {
        double[] r = Regret(0, 0);
        Assert.True(r[^1] <= r[0] + 0.01, $"{string.Join(", ", r)}");
        Assert.True(r[^1] <= new Ball(10).Diameter);
    }

    [Fact]
    public void Regret_grows_with_the_stochastic_variance_and_the_adversarial_variation_and_stays_under_the_bound()
    {
        var regret = new double[3, 3][];
        for (int s = 0; s < 3; s++)
        {
            for (int a = 0; a < 3; a++)
            {
                regret[s, a] = Regret(Knobs[s], Knobs[a]);
            }
        }

        for (int h = 0; h < Horizons.Length; h++)
        {
            for (int s = 0; s < 3; s++)
            {
                for (int a = 0; a < 3; a++)
                {
                    if (s > 0)
                    {
                        Assert.True(regret[s, a][h] > regret[s - 1, a][h], $"σ up, ρ = {Knobs[a]}, T = {Horizons[h]}");
                    }

                    if (a > 0)
                    {
                        Assert.True(regret[s, a][h] > regret[s, a - 1][h], $"ρ up, σ = {Knobs[s]}, T = {Horizons[h]}");
                    }

                    // O(D √(1 + σ²₁:T + Σ²₁:T)) with the constant D = 2 (run 0's variances; the runs' differ by a few %).
                    var stream = new LinearSeaStream(10, Knobs[s], Knobs[a], 1, 1, 0);
                    double bound = 2 * Math.Sqrt(1 + stream.StochasticVariance(Horizons[h]) + stream.AdversarialVariation(Horizons[h]));
                    Assert.True(regret[s, a][h] <= bound, $"σ = {Knobs[s]}, ρ = {Knobs[a]}, T = {Horizons[h]}: {regret[s, a][h]} > {bound}");
                }
            }
        }
    }
}
