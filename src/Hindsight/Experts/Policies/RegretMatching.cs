using System.Numerics.Tensors;

namespace Hindsight.Experts.Policies;

/// <summary>
/// Regret matching (Hart and Mas-Colell, "A simple adaptive procedure leading to correlated equilibrium", Econometrica
/// 2000): pₜ ∝ max(Rₜ₋₁, 0) with cumulative regrets Rₜ,ᵢ = Σₛ≤ₜ (rₛ,ᵢ − ⟨pₛ, rₛ⟩), uniform while no regret is positive;
/// with <c>plus</c>, regret matching⁺ (Tammelin 2014) keeps Rₜ = max(Rₜ₋₁ + rₜ − ⟨pₜ, rₜ⟩, 0). With <c>predictive</c>,
/// predictive regret matching (Farina, Kroer and Sandholm, "Faster game solving via predictive Blackwell
/// approachability: connecting regret matching and mirror descent", AAAI 2021) plays pₜ ∝ max(Rₜ₋₁ + mₜ, 0) with the
/// prediction mₜ the last instantaneous regret rₜ₋₁ − ⟨pₜ₋₁, rₜ₋₁⟩ (predictive RM⁺ with <c>plus</c>), the optimistic
/// step that speeds convergence in self-play.
/// </summary>
/// <remarks>External regret ≤ √(K T) for rewards in [0, 1] (Cesa-Bianchi and Lugosi, "Prediction, Learning, and Games",
/// §2.9), with no learning rate to tune; the algorithm of counterfactual regret minimization.</remarks>
public sealed class RegretMatching : FullInformationPolicy
{
    private readonly double[] _regret;
    private readonly double[] _p;
    private readonly double[] _prediction;

    /// <summary>Creates the learner.</summary>
    /// <param name="experts">K ≥ 1.</param>
    /// <param name="plus">Regret matching⁺: clip the cumulative regrets at 0 every round.</param>
    /// <param name="predictive">Predictive regret matching: add the last instantaneous regret as a prediction.</param>
    public RegretMatching(int experts, bool plus = false, bool predictive = false)
        : base(experts)
    {
        _regret = new double[experts];
        _p = new double[experts];
        _prediction = new double[experts];
        Plus = plus;
        Predictive = predictive;
    }

    /// <summary>Whether this is regret matching⁺.</summary>
    public bool Plus { get; }

    /// <summary>Whether the last instantaneous regret is added as a prediction.</summary>
    public bool Predictive { get; }

    /// <inheritdoc />
    public override void Reset(ulong seed)
    {
        base.Reset(seed);
        Array.Clear(_regret);
        Array.Clear(_prediction);
    }

    /// <inheritdoc />
    public override void Distribution(Span<double> weights)
    {
        double total = 0;
        for (int i = 0; i < _regret.Length; i++)
        {
            weights[i] = Math.Max(0, _regret[i] + _prediction[i]);
            total += weights[i];
        }

        for (int i = 0; i < _regret.Length; i++)
        {
            weights[i] = total > 0 ? weights[i] / total : 1.0 / _regret.Length;
        }
    }

    private protected override void Absorb(ReadOnlySpan<double> rewards)
    {
        Distribution(_p);
        double expected = TensorPrimitives.Dot<double>(_p, rewards);
        for (int i = 0; i < _regret.Length; i++)
        {
            double instant = rewards[i] - expected;
            double r = _regret[i] + instant;
            _regret[i] = Plus ? Math.Max(0, r) : r;
            if (Predictive)
            {
                _prediction[i] = instant;
            }
        }
    }
}
