using System.Numerics.Tensors;

namespace Hindsight.Experts.Policies;

/// <summary>
/// Regret matching (Hart and Mas-Colell, "A simple adaptive procedure leading to correlated equilibrium", Econometrica
/// 2000): pₜ ∝ max(Rₜ₋₁, 0) with cumulative regrets Rₜ,ᵢ = Σₛ≤ₜ (rₛ,ᵢ − ⟨pₛ, rₛ⟩), uniform while no regret is positive;
/// with <c>plus</c>, regret matching⁺ (Tammelin 2014) keeps Rₜ = max(Rₜ₋₁ + rₜ − ⟨pₜ, rₜ⟩, 0).
/// </summary>
/// <remarks>External regret ≤ √(K T) for rewards in [0, 1] (Cesa-Bianchi and Lugosi, "Prediction, Learning, and Games",
/// §2.9), with no learning rate to tune; the algorithm of counterfactual regret minimization.</remarks>
public sealed class RegretMatching : FullInformationPolicy
{
    private readonly double[] _regret;
    private readonly double[] _p;

    /// <summary>Creates the learner.</summary>
    /// <param name="experts">K ≥ 1.</param>
    /// <param name="plus">Regret matching⁺: clip the cumulative regrets at 0 every round.</param>
    public RegretMatching(int experts, bool plus = false)
        : base(experts)
    {
        _regret = new double[experts];
        _p = new double[experts];
        Plus = plus;
    }

    /// <summary>Whether this is regret matching⁺.</summary>
    public bool Plus { get; }

    /// <inheritdoc />
    public override void Reset(ulong seed)
    {
        base.Reset(seed);
        Array.Clear(_regret);
    }

    /// <inheritdoc />
    public override void Distribution(Span<double> weights)
    {
        double total = 0;
        for (int i = 0; i < _regret.Length; i++)
        {
            total += Math.Max(0, _regret[i]);
        }

        for (int i = 0; i < _regret.Length; i++)
        {
            weights[i] = total > 0 ? Math.Max(0, _regret[i]) / total : 1.0 / _regret.Length;
        }
    }

    private protected override void Absorb(ReadOnlySpan<double> rewards)
    {
        Distribution(_p);
        double expected = TensorPrimitives.Dot<double>(_p, rewards);
        for (int i = 0; i < _regret.Length; i++)
        {
            double r = _regret[i] + rewards[i] - expected;
            _regret[i] = Plus ? Math.Max(0, r) : r;
        }
    }
}
