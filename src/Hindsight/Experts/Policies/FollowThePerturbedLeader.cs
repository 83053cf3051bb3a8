using Hindsight.Numerics;

namespace Hindsight.Experts.Policies;

/// <summary>
/// Follow the perturbed leader (Kalai and Vempala, "Efficient algorithms for online decision problems", JCSS 2005;
/// with the anytime rate of Hutter and Poland, "Adaptive online prediction by following the perturbed leader", JMLR
/// 2005): each round play the single expert argminᵢ (Lₜ₋₁,ᵢ − qₜ,ᵢ / ηₜ) with fresh qₜ,ᵢ ~ Exp(1) and
/// ηₜ = √(ln K / t).
/// </summary>
/// <remarks>Expected regret O(√(T ln K)). Its distribution is a point mass on the expert drawn, so its measured regret
/// includes the draw's noise.</remarks>
public sealed class FollowThePerturbedLeader : IExpertsPolicy
{
    private readonly double[] _losses;
    private readonly SeededRandom _rng = new(0);
    private readonly double _logK;
    private long _round;

    /// <summary>Creates the learner.</summary>
    /// <param name="experts">Number of experts K ≥ 1.</param>
    public FollowThePerturbedLeader(int experts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(experts, 1);
        _losses = new double[experts];
        _logK = Math.Log(Math.Max(experts, 2));
    }

    /// <inheritdoc />
    public int Arms => _losses.Length;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        _rng.Reseed(seed);
        Array.Clear(_losses);
        _round = 0;
    }

    /// <inheritdoc />
    public int Choose()
    {
        double eta = Math.Sqrt(_logK / (_round + 1));
        int best = 0;
        double bestValue = double.PositiveInfinity;
        for (int i = 0; i < _losses.Length; i++)
        {
            double value = _losses[i] + (Math.Log(1 - _rng.NextDouble()) / eta); // −Exp(1)/η
            if (value < bestValue)
            {
                bestValue = value;
                best = i;
            }
        }

        return best;
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
    }

    /// <inheritdoc />
    public void Distribution(Span<double> weights)
    {
        weights.Clear();
        weights[Choose()] = 1.0;
    }

    /// <inheritdoc />
    public void Observe(ReadOnlySpan<double> rewards)
    {
        for (int i = 0; i < _losses.Length; i++)
        {
            _losses[i] += 1 - rewards[i];
        }

        _round++;
    }
}
