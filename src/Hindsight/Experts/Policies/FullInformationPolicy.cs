using Hindsight.Bandits.Policies;
using Hindsight.Numerics;

namespace Hindsight.Experts.Policies;

/// <summary>
/// The part every full-information learner shares: K experts, a seeded stream to draw one action from the current
/// distribution when a caller needs a single arm, a bandit <see cref="Hindsight.Bandits.IBanditPolicy.Update"/> that is ignored (these
/// learners learn from <see cref="IExpertsPolicy.Observe"/>), and the check of the reward vector's length.
/// </summary>
public abstract class FullInformationPolicy : IExpertsPolicy
{
    private readonly SeededRandom _rng = new(0);
    private readonly double[] _draw;

    /// <summary>Creates the shared state.</summary>
    /// <param name="experts">Number of experts K ≥ 1.</param>
    private protected FullInformationPolicy(int experts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(experts, 1);
        _draw = new double[experts];
    }

    /// <inheritdoc />
    public int Arms => _draw.Length;

    /// <inheritdoc />
    public virtual void Reset(ulong seed) => _rng.Reseed(seed);

    /// <inheritdoc />
    public int Choose()
    {
        Distribution(_draw);
        return Sampling.Draw(_draw, 1.0, _rng);
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
    }

    /// <inheritdoc />
    public abstract void Distribution(Span<double> weights);

    /// <inheritdoc />
    public void Observe(ReadOnlySpan<double> rewards)
    {
        if (rewards.Length != Arms)
        {
            throw new ArgumentException($"Expected {Arms} rewards, got {rewards.Length}.", nameof(rewards));
        }

        Absorb(rewards);
    }

    /// <summary>Learns from the round's rewards (their length is checked).</summary>
    /// <param name="rewards">K rewards in [0, 1].</param>
    private protected abstract void Absorb(ReadOnlySpan<double> rewards);
}
