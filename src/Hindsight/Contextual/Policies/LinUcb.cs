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
public sealed class LinUcb : RidgePolicy
{
    private readonly double _alpha;

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="alpha">Exploration width α &gt; 0.</param>
    /// <param name="lambda">Ridge regularization λ &gt; 0.</param>
    public LinUcb(int arms, double alpha = 1.0, double lambda = 1.0)
        : base(arms, lambda)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(alpha);
        _alpha = alpha;
    }

    /// <summary>θ̂ₐ·x + α √(xᵀ Aₐ⁻¹ x).</summary>
    private protected override double Score(int arm, ReadOnlySpan<double> context)
        => Ridge.Mean(arm, context) + (_alpha * Math.Sqrt(Ridge.Width(arm, context)));
}
