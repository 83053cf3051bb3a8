using Hindsight.Bandits;

namespace Hindsight.Experts.Policies;

/// <summary>
/// Hedge with a fixed learning rate (Freund and Schapire, "A decision-theoretic generalization of on-line learning and
/// an application to boosting", JCSS 1997): pₜ,ᵢ ∝ exp(−η Lₜ₋₁,ᵢ). Without an explicit η it is tuned to the horizon,
/// η = √(8 ln K / T).
/// </summary>
/// <remarks>External regret Σₜ ⟨pₜ, ℓₜ⟩ − minᵢ Lₜ,ᵢ ≤ ln K / η + η t / 8 for losses in [0, 1]; with η = √(8 ln K / T)
/// this is at most √(T ln K / 2) at every t ≤ T (Cesa-Bianchi and Lugosi, "Prediction, Learning, and Games", 2006,
/// Theorem 2.2).</remarks>
public sealed class Hedge : ExponentialWeights, IHorizonAware
{
    private readonly double _fixedEta;
    private double _eta;

    /// <summary>Creates the learner.</summary>
    /// <param name="experts">Number of experts K ≥ 1.</param>
    /// <param name="eta">The learning rate η &gt; 0, or 0 to tune it to the horizon.</param>
    public Hedge(int experts, double eta = 0)
        : base(experts)
    {
        if (!(eta >= 0) || double.IsInfinity(eta))
        {
            throw new ArgumentOutOfRangeException(nameof(eta), "η must be a finite number ≥ 0 (0: tuned to the horizon).");
        }

        _fixedEta = eta;
        _eta = eta > 0 ? eta : Math.Sqrt(8 * LogK); // T = 1 until prepared
    }

    /// <summary>The learning rate in use.</summary>
    public double LearningRate => _eta;

    /// <inheritdoc />
    public void Prepare(long horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        _eta = _fixedEta > 0 ? _fixedEta : Math.Sqrt(8 * LogK / horizon);
    }

    private protected override double Eta() => _eta;
}
