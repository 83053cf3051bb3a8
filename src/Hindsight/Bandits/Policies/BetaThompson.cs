using Hindsight.Numerics;
using MathNet.Numerics.Distributions;

namespace Hindsight.Bandits.Policies;

/// <summary>
/// Thompson sampling with Beta–Bernoulli posteriors (Thompson 1933; Agrawal and Goyal, "Analysis of Thompson
/// sampling for the multi-armed bandit problem", COLT 2012): each round draw θᵢ ~ Beta(α₀ + Sᵢ, β₀ + Fᵢ) and pull
/// the arm of largest θᵢ, where Sᵢ and Fᵢ count successes and failures.
/// </summary>
/// <remarks>
/// Asymptotically optimal for Bernoulli arms (Kaufmann, Korda and Munos, ALT 2012): pseudo-regret
/// (1 + ε) Σᵢ Δᵢ ln T / kl(μᵢ, μ*) + O(1). A reward r ∈ [0, 1] that is not 0 or 1 is turned into a Bernoulli(r)
/// success or failure (Agrawal and Goyal's reduction); rewards outside [0, 1] are clamped.
/// Beta draws come from MathNet.Numerics.
/// </remarks>
public sealed class BetaThompson : IBanditPolicy
{
    private readonly double[] _successes;
    private readonly double[] _failures;
    private readonly double _alpha0;
    private readonly double _beta0;
    private readonly SeededRandom _rng = new(0);

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="alpha0">Prior successes α₀ &gt; 0 (1: uniform prior).</param>
    /// <param name="beta0">Prior failures β₀ &gt; 0 (1: uniform prior).</param>
    public BetaThompson(int arms, double alpha0 = 1.0, double beta0 = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(alpha0);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(beta0);
        _successes = new double[arms];
        _failures = new double[arms];
        _alpha0 = alpha0;
        _beta0 = beta0;
    }

    /// <inheritdoc />
    public int Arms => _successes.Length;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_successes);
        Array.Clear(_failures);
        _rng.Reseed(seed);
    }

    /// <inheritdoc />
    public int Choose()
    {
        int best = 0;
        double bestSample = double.NegativeInfinity;
        for (int i = 0; i < _successes.Length; i++)
        {
            double theta = Beta.Sample(_rng, _alpha0 + _successes[i], _beta0 + _failures[i]);
            if (theta > bestSample)
            {
                bestSample = theta;
                best = i;
            }
        }

        return best;
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        if (BinaryReward.IsSuccess(reward, _rng))
        {
            _successes[arm] += 1.0;
        }
        else
        {
            _failures[arm] += 1.0;
        }
    }
}
