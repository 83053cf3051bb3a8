using Hindsight.Bandits.Policies;
using Hindsight.Numerics;

namespace Hindsight.Experts.Policies;

/// <summary>
/// Fictitious play (Brown 1951; Robinson 1951) as a full-information learner: play a best response to the cumulative
/// rewards so far — uniform over the maximizers of Rₜ₋₁ (follow the leader, ties shared). In two-player zero-sum games
/// the empirical averages converge to an equilibrium (Robinson 1951); from generic starts on Shapley's 3×3 game they
/// cycle with ever longer runs and do not converge (Shapley 1964).
/// </summary>
/// <remarks>Not a no-regret learner against an adversary (follow the leader has linear worst-case regret).</remarks>
public sealed class FictitiousPlay : IExpertsPolicy
{
    private readonly double[] _cumulative;
    private readonly double[] _p;
    private readonly SeededRandom _rng = new(0);

    /// <summary>Creates the learner.</summary>
    /// <param name="experts">K ≥ 1.</param>
    public FictitiousPlay(int experts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(experts, 1);
        _cumulative = new double[experts];
        _p = new double[experts];
    }

    /// <inheritdoc />
    public int Arms => _cumulative.Length;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_cumulative);
        _rng.Reseed(seed);
    }

    /// <inheritdoc />
    public int Choose()
    {
        Distribution(_p);
        return Sampling.Draw(_p, 1.0, _rng);
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
    }

    /// <inheritdoc />
    public void Distribution(Span<double> weights)
    {
        double best = double.NegativeInfinity;
        int ties = 0;
        foreach (double v in _cumulative)
        {
            if (v > best)
            {
                (best, ties) = (v, 1);
            }
            else if (v == best)
            {
                ties++;
            }
        }

        for (int i = 0; i < _cumulative.Length; i++)
        {
            weights[i] = _cumulative[i] == best ? 1.0 / ties : 0.0;
        }
    }

    /// <inheritdoc />
    public void Observe(ReadOnlySpan<double> rewards)
    {
        if (rewards.Length != Arms)
        {
            throw new ArgumentException($"Expected {Arms} rewards, got {rewards.Length}.", nameof(rewards));
        }

        for (int i = 0; i < _cumulative.Length; i++)
        {
            _cumulative[i] += rewards[i];
        }
    }
}
