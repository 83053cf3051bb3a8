namespace Hindsight.Contextual.Policies;

/// <summary>
/// The shared part of the per-arm ridge-regression policies (LinUCB, linear Thompson sampling, linear ε-greedy):
/// the ridge state, learning, the context-free fallback x = (1), and the argmax of a per-arm score
/// (ties to the lowest arm). A policy supplies the score.
/// </summary>
public abstract class RidgePolicy : IContextualPolicy
{
    private static readonly double[] NoContext = [1.0];

    /// <summary>Creates the state.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="lambda">Ridge regularization λ &gt; 0.</param>
    private protected RidgePolicy(int arms, double lambda)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lambda);
        Ridge = new RidgeArms(arms, lambda);
    }

    /// <inheritdoc />
    public int Arms => Ridge.Arms;

    /// <summary>The per-arm ridge regressions.</summary>
    private protected RidgeArms Ridge { get; }

    /// <inheritdoc />
    public virtual void Reset(ulong seed) => Ridge.Reset();

    /// <inheritdoc />
    public int Choose() => Choose(NoContext);

    /// <inheritdoc />
    public void Update(int arm, double reward) => Update(NoContext, arm, reward);

    /// <inheritdoc />
    public virtual int Choose(ReadOnlySpan<double> context)
    {
        Ridge.Ensure(context.Length);
        int best = 0;
        double bestScore = double.NegativeInfinity;
        for (int a = 0; a < Ridge.Arms; a++)
        {
            double score = Score(a, context);
            if (score > bestScore)
            {
                bestScore = score;
                best = a;
            }
        }

        return best;
    }

    /// <inheritdoc />
    public void Update(ReadOnlySpan<double> context, int arm, double reward)
    {
        Ridge.Ensure(context.Length);
        Ridge.Add(arm, context, reward);
    }

    /// <summary>The arm's score for a context; the policy plays the largest.</summary>
    /// <param name="arm">The arm.</param>
    /// <param name="context">The context (the ridge state is sized for it).</param>
    /// <returns>The score.</returns>
    private protected abstract double Score(int arm, ReadOnlySpan<double> context);
}
