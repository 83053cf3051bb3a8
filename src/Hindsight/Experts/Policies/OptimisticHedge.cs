using System.Numerics.Tensors;

namespace Hindsight.Experts.Policies;

/// <summary>
/// Optimistic Hedge (Rakhlin and Sridharan, "Online learning with predictable sequences", COLT 2013; Syrgkanis,
/// Agarwal, Luo and Schapire, "Fast convergence of regularized learning in games", NeurIPS 2015): exponential weights
/// on the cumulative losses plus the last loss as a hint, pₜ,ᵢ ∝ exp(−ηₜ (Lₜ₋₁,ᵢ + ℓₜ₋₁,ᵢ)), with the adaptive rate
/// ηₜ = √(ln K / (1 + Σₛ&lt;ₜ ‖ℓₛ − ℓₛ₋₁‖²∞)).
/// </summary>
/// <remarks>Regret O(√(ln K · (1 + Σₜ ‖ℓₜ − ℓₜ₋₁‖²∞))): bounded when the losses vary slowly, where plain Hedge pays
/// √(T ln K).</remarks>
public sealed class OptimisticHedge : ExponentialWeights
{
    private readonly double[] _last;
    private double _variation;

    /// <summary>Creates the learner.</summary>
    /// <param name="experts">Number of experts K ≥ 1.</param>
    public OptimisticHedge(int experts)
        : base(experts) => _last = new double[experts];

    /// <inheritdoc />
    public override void Reset(ulong seed)
    {
        base.Reset(seed);
        Array.Clear(_last);
        _variation = 0;
    }

    private protected override double Eta() => Math.Sqrt(LogK / (1 + _variation));

    private protected override ReadOnlySpan<double> Hint() => _last;

    private protected override void Learn(ReadOnlySpan<double> rewards)
    {
        // ℓ = 1 − r; the change ‖ℓ − ℓ_last‖∞ = ‖r − (1 − ℓ_last)‖∞, computed in place: _last ← 1 − _last, then r − that.
        TensorPrimitives.Subtract(1.0, _last, _last);
        TensorPrimitives.Subtract(rewards, _last, _last);
        double change = Round == 0 ? 0 : TensorPrimitives.MaxMagnitude<double>(_last);
        TensorPrimitives.Subtract(1.0, rewards, _last);
        _variation += change * change; // the first hint (0) is not a prediction of anything
    }
}
