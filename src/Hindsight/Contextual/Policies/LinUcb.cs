using Hindsight.Bandits;

namespace Hindsight.Contextual.Policies;

/// <summary>
/// LinUCB with disjoint linear models (Li, Chu, Langford and Schapire, "A contextual-bandit approach to personalized
/// news article recommendation", WWW 2010, Algorithm 1): per arm a ridge estimate θ̂ₐ = Aₐ⁻¹ bₐ with
/// Aₐ = λI + Σ x xᵀ, and the arm maximizing θ̂ₐ·x + α √(xᵀ Aₐ⁻¹ x) (ties to the lowest arm).
/// </summary>
/// <remarks>Regret Õ(d √(K T)) against the best linear policy when rewards are linear in the context (Chu, Li, Reyzin
/// and Schapire, AISTATS 2011, for the SupLinUCB variant). Without contexts it sees x = (1) and behaves as a UCB index
/// policy. A⁻¹ is updated by Sherman–Morrison: O(K d²) per round.</remarks>
public sealed class LinUcb : IContextualPolicy
{
    private static readonly double[] NoContext = [1.0];
    private readonly RidgeArms _ridge;
    private readonly double _alpha;

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="alpha">Exploration width α &gt; 0.</param>
    /// <param name="lambda">Ridge regularization λ &gt; 0.</param>
    public LinUcb(int arms, double alpha = 1.0, double lambda = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(alpha);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lambda);
        _ridge = new RidgeArms(arms, lambda);
        _alpha = alpha;
    }

    /// <inheritdoc />
    public int Arms => _ridge.Arms;

    /// <inheritdoc />
    public void Reset(ulong seed) => _ridge.Reset();

    /// <inheritdoc />
    public int Choose() => Choose(NoContext);

    /// <inheritdoc />
    public void Update(int arm, double reward) => Update(NoContext, arm, reward);

    /// <inheritdoc />
    public int Choose(ReadOnlySpan<double> context)
    {
        _ridge.Ensure(context.Length);
        int best = 0;
        double bestIndex = double.NegativeInfinity;
        for (int a = 0; a < _ridge.Arms; a++)
        {
            double index = _ridge.Mean(a, context) + (_alpha * Math.Sqrt(_ridge.Width(a, context)));
            if (index > bestIndex)
            {
                bestIndex = index;
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
