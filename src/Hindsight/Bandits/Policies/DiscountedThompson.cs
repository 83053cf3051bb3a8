using Hindsight.Numerics;
using MathNet.Numerics.Distributions;

namespace Hindsight.Bandits.Policies;

/// <summary>
/// Discounted Thompson sampling (Raj and Kalyani, "Taming non-stationary bandits: a Bayesian approach", 2017):
/// Beta–Bernoulli Thompson sampling whose success and failure counts decay by γ each round,
/// Sᵢ ← γ Sᵢ + 1[Iₜ = i] xₜ, Fᵢ ← γ Fᵢ + 1[Iₜ = i](1 − xₜ), θᵢ ~ Beta(Sᵢ + α₀, Fᵢ + β₀), where xₜ ∈ {0, 1} is the
/// reward, or a Bernoulli(reward) draw when the reward lies strictly between 0 and 1.
/// </summary>
/// <remarks>Forgets old evidence with effective memory 1/(1 − γ), so it tracks piecewise-stationary and drifting
/// means; no regret bound is proved in the paper, which reports it empirically below SW-UCB and D-UCB. Rewards in
/// [0, 1] are binarized as in <see cref="BetaThompson"/>.</remarks>
public sealed class DiscountedThompson : IBanditPolicy
{
    private readonly double[] _successes;
    private readonly double[] _failures;
    private readonly double _gamma;
    private readonly double _alpha0;
    private readonly double _beta0;
    private readonly SeededRandom _rng = new(0);

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="gamma">Discount factor γ ∈ (0, 1].</param>
    /// <param name="alpha0">Prior successes α₀ &gt; 0.</param>
    /// <param name="beta0">Prior failures β₀ &gt; 0.</param>
    public DiscountedThompson(int arms, double gamma = 0.999, double alpha0 = 1.0, double beta0 = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        if (!(gamma > 0 && gamma <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), "γ must lie in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(alpha0);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(beta0);
        _successes = new double[arms];
        _failures = new double[arms];
        _gamma = gamma;
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
        for (int i = 0; i < _successes.Length; i++)
        {
            _successes[i] *= _gamma;
            _failures[i] *= _gamma;
        }

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
