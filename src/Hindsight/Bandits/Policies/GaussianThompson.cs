using Hindsight.Numerics;
using MathNet.Numerics.Distributions;

namespace Hindsight.Bandits.Policies;

/// <summary>
/// Thompson sampling with Gaussian posteriors (Agrawal and Goyal, "Further optimal regret bounds for Thompson
/// sampling", AISTATS 2013): each round draw θᵢ ~ N(μ̂ᵢ, σ² / (nᵢ + 1)) with μ̂ᵢ = Sᵢ / (nᵢ + 1), and pull the
/// largest.
/// </summary>
/// <remarks>Pseudo-regret O(Σᵢ ln T / Δᵢ) and O(√(K T ln K)) in the worst case, for rewards in [0, 1] with σ = 1
/// (the paper's choice). Normal draws come from MathNet.Numerics.</remarks>
public sealed class GaussianThompson : IBanditPolicy
{
    private readonly ArmStats[] _stats;
    private readonly double _sigma;
    private readonly SeededRandom _rng = new(0);

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="sigma">Posterior scale σ &gt; 0.</param>
    public GaussianThompson(int arms, double sigma = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sigma);
        _stats = new ArmStats[arms];
        _sigma = sigma;
    }

    /// <inheritdoc />
    public int Arms => _stats.Length;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_stats);
        _rng.Reseed(seed);
    }

    /// <inheritdoc />
    public int Choose()
    {
        int best = 0;
        double bestSample = double.NegativeInfinity;
        for (int i = 0; i < _stats.Length; i++)
        {
            double n1 = _stats[i].Pulls + 1.0;
            double theta = Normal.Sample(_rng, _stats[i].Sum / n1, _sigma / Math.Sqrt(n1));
            if (theta > bestSample)
            {
                bestSample = theta;
                best = i;
            }
        }

        return best;
    }

    /// <inheritdoc />
    public void Update(int arm, double reward) => _stats[arm].Add(reward);
}
