using Hindsight.Numerics;

namespace Hindsight.Contextual.Policies;

/// <summary>
/// ε-greedy over per-arm ridge regressions: with probability ε a uniformly random arm, otherwise the arm of largest
/// θ̂ₐ·x (the contextual ε-greedy baseline of Langford and Zhang, "The epoch-greedy algorithm for contextual
/// multi-armed bandits", NeurIPS 2007, with fixed ε).
/// </summary>
/// <remarks>With fixed ε the regret is at least ε T (1 − 1/K) times the average gap: linear.</remarks>
public sealed class LinearEpsilonGreedy : IContextualPolicy
{
    private static readonly double[] NoContext = [1.0];
    private readonly RidgeArms _ridge;
    private readonly double _epsilon;
    private readonly SeededRandom _rng = new(0);

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="epsilon">Exploration probability ε ∈ [0, 1].</param>
    /// <param name="lambda">Ridge regularization λ &gt; 0.</param>
    public LinearEpsilonGreedy(int arms, double epsilon = 0.1, double lambda = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        if (!(epsilon >= 0 && epsilon <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), "ε must lie in [0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lambda);
        _ridge = new RidgeArms(arms, lambda);
        _epsilon = epsilon;
    }

    /// <inheritdoc />
    public int Arms => _ridge.Arms;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        _ridge.Reset();
        _rng.Reseed(seed);
    }

    /// <inheritdoc />
    public int Choose() => Choose(NoContext);

    /// <inheritdoc />
    public void Update(int arm, double reward) => Update(NoContext, arm, reward);

    /// <inheritdoc />
    public int Choose(ReadOnlySpan<double> context)
    {
        _ridge.Ensure(context.Length);
        if (_rng.NextDouble() < _epsilon)
        {
            return _rng.Next(_ridge.Arms);
        }

        int best = 0;
        double bestMean = double.NegativeInfinity;
        for (int a = 0; a < _ridge.Arms; a++)
        {
            double mean = _ridge.Mean(a, context);
            if (mean > bestMean)
            {
                bestMean = mean;
                best = a;
            }
        }

        return best;
    }

    /// <inheritdoc />
    public void Update(ReadOnlySpan<double> context, int arm, double reward)
    {
        _ridge.Ensure(context.Length);
        _ridge.Add(arm, context, reward);
    }
}
