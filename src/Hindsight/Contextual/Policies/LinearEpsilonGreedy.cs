using Hindsight.Numerics;

namespace Hindsight.Contextual.Policies;

/// <summary>
/// ε-greedy over per-arm ridge regressions: with probability ε a uniformly random arm, otherwise the arm of largest
/// θ̂ₐ·x (the contextual ε-greedy baseline of Langford and Zhang, "The epoch-greedy algorithm for contextual
/// multi-armed bandits", NeurIPS 2007, with fixed ε).
/// </summary>
/// <remarks>With fixed ε the regret is at least ε T (1 − 1/K) times the average gap: linear.</remarks>
public sealed class LinearEpsilonGreedy : RidgePolicy
{
    private readonly double _epsilon;
    private readonly SeededRandom _rng = new(0);

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="epsilon">Exploration probability ε ∈ [0, 1].</param>
    /// <param name="lambda">Ridge regularization λ &gt; 0.</param>
    public LinearEpsilonGreedy(int arms, double epsilon = 0.1, double lambda = 1.0)
        : base(arms, lambda)
    {
        if (!(epsilon >= 0 && epsilon <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), "ε must lie in [0, 1].");
        }

        _epsilon = epsilon;
    }

    /// <inheritdoc />
    public override void Reset(ulong seed)
    {
        base.Reset(seed);
        _rng.Reseed(seed);
    }

    /// <inheritdoc />
    public override int Choose(ReadOnlySpan<double> context)
    {
        if (_rng.NextDouble() < _epsilon)
        {
            Ridge.Ensure(context.Length);
            return _rng.Next(Ridge.Arms);
        }

        return base.Choose(context);
    }

    /// <summary>θ̂ₐ·x.</summary>
    private protected override double Score(int arm, ReadOnlySpan<double> context) => Ridge.Mean(arm, context);
}
