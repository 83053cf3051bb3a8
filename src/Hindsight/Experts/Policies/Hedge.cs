using Hindsight.Bandits;

namespace Hindsight.Experts.Policies;

/// <summary>
/// Hedge with a fixed learning rate (Freund and Schapire, "A decision-theoretic generalization of on-line learning and
/// an application to boosting", JCSS 1997): pₜ,ᵢ ∝ exp(−η Lₜ₋₁,ᵢ). Without an explicit η it is tuned to the horizon,
/// η = √(8 ln K / T).
/// </summary>
/// <remarks>External regret Σₜ ⟨pₜ, ℓₜ⟩ − minᵢ Lₜ,ᵢ ≤ ln K / η + η t / 8 for losses in [0, 1]; with η = √(8 ln K / T)
/// this is at most √(T ln K / 2) at every t ≤ T (Cesa-Bianchi and Lugosi, "Prediction, Learning, and Games", 2006,
/// Theorem 2.2). With a prior π (pₜ,ᵢ ∝ πᵢ exp(−η Lₜ₋₁,ᵢ)) the bound against expert i is ln(1/πᵢ)/η + η t/8 — used to start
/// self-play away from an equilibrium.</remarks>
public sealed class Hedge : ExponentialWeights, IHorizonAware
{
    private readonly double _fixedEta;
    private readonly double[]? _logPrior;
    private readonly double[] _offset;
    private double _eta;

    /// <summary>Creates the learner.</summary>
    /// <param name="experts">Number of experts K ≥ 1.</param>
    /// <param name="eta">The learning rate η &gt; 0, or 0 to tune it to the horizon.</param>
    /// <param name="prior">Initial weights π (positive; normalized here), or null for uniform.</param>
    public Hedge(int experts, double eta = 0, IReadOnlyList<double>? prior = null)
        : base(experts)
    {
        _offset = prior is null ? [] : new double[experts];
        if (prior is not null)
        {
            if (prior.Count != experts || prior.Any(w => !(w > 0) || double.IsInfinity(w)))
            {
                throw new ArgumentException($"The prior needs {experts} positive finite weights.", nameof(prior));
            }

            double total = prior.Sum();
            _logPrior = [.. prior.Select(w => Math.Log(w / total))];
        }

        if (!(eta >= 0) || double.IsInfinity(eta))
        {
            throw new ArgumentOutOfRangeException(nameof(eta), "η must be a finite number ≥ 0 (0: tuned to the horizon).");
        }

        _fixedEta = eta;
        SetEta(eta > 0 ? eta : Math.Sqrt(8 * LogK)); // T = 1 until prepared
    }

    /// <summary>The learning rate in use.</summary>
    public double LearningRate => _eta;

    /// <summary>The prior's offset −ln(πᵢ)/η added to the cumulative losses, or null without a prior (for a fused loop
    /// that computes the distribution as <see cref="ExponentialWeights.Distribution"/> does).</summary>
    internal double[]? Offset => _logPrior is null ? null : _offset;

    /// <inheritdoc />
    public void Prepare(long horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        SetEta(_fixedEta > 0 ? _fixedEta : Math.Sqrt(8 * LogK / horizon));
    }

    private protected override double Eta() => _eta;

    /// <summary>The prior enters as a constant hint −ln(πᵢ)/η added to the cumulative losses.</summary>
    private protected override ReadOnlySpan<double> Hint() => _logPrior is null ? [] : _offset;

    private void SetEta(double eta)
    {
        _eta = eta;
        if (_logPrior is not null)
        {
            for (int i = 0; i < _offset.Length; i++)
            {
                _offset[i] = -_logPrior[i] / eta;
            }
        }
    }
}
