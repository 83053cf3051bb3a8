using System.Numerics.Tensors;
using Hindsight.Bandits.Policies;
using Hindsight.Numerics;

namespace Hindsight.Experts.Policies;

/// <summary>
/// The shared part of the exponential-weights learners (Hedge and its variants): cumulative losses Lᵢ and the
/// distribution pₜ,ᵢ ∝ exp(−ηₜ (Lₜ₋₁,ᵢ + Mₜ,ᵢ)) for a learning rate ηₜ and an optional hint Mₜ (optimism), computed
/// stably (shifted by the minimum) with vectorized primitives and no allocation.
/// </summary>
public abstract class ExponentialWeights : FullInformationPolicy
{
    private readonly double[] _scratch;

    /// <summary>Creates the state.</summary>
    /// <param name="experts">Number of experts K ≥ 1.</param>
    private protected ExponentialWeights(int experts)
        : base(experts)
    {
        CumulativeLoss = new double[experts];
        Weights = new double[experts];
        _scratch = new double[experts];
        LogK = Math.Log(Math.Max(experts, 2));
    }

    /// <summary>ln K (ln 2 for a single expert, so rates stay finite).</summary>
    private protected double LogK { get; }

    /// <summary>The rounds observed so far.</summary>
    private protected long Round { get; private set; }

    /// <summary>
    /// Cumulative losses up to a common shift: Lₜ₋₁,ᵢ − (t − 1) = −Σₛ&lt;ₜ rₛ,ᵢ (exponential weights do not change when
    /// every expert's loss moves by the same amount, and this way a round costs one pass).
    /// </summary>
    private protected double[] CumulativeLoss { get; }

    /// <summary>The current distribution pₜ.</summary>
    private protected double[] Weights { get; }

    /// <inheritdoc />
    public override void Reset(ulong seed)
    {
        base.Reset(seed);
        Array.Clear(CumulativeLoss);
        Round = 0;
    }

    /// <summary>The cumulative losses (as <see cref="CumulativeLoss"/>) for a caller in this assembly that runs the
    /// learner's update itself in a fused loop (two-player Hedge self-play); it must then call <see cref="Advance"/>.</summary>
    internal double[] Losses => CumulativeLoss;

    /// <inheritdoc />
    public override void Distribution(Span<double> weights)
    {
        Compute(Eta(), Hint(), Weights);
        Weights.CopyTo(weights);
    }

    private protected override void Absorb(ReadOnlySpan<double> rewards)
    {
        Learn(rewards);
        TensorPrimitives.Subtract(CumulativeLoss, rewards, CumulativeLoss); // L − t moves by (1 − r) − 1 = −r
        Round++;
    }

    /// <summary>Counts rounds whose losses a fused loop subtracted from <see cref="Losses"/> itself.</summary>
    /// <param name="rounds">The rounds.</param>
    internal void Advance(long rounds) => Round += rounds;

    /// <summary>The learning rate ηₜ of the coming round (+∞: play the leaders uniformly).</summary>
    private protected abstract double Eta();

    /// <summary>The hint Mₜ added to the cumulative losses (empty: none).</summary>
    private protected virtual ReadOnlySpan<double> Hint() => [];

    /// <summary>Called with the round's rewards before the cumulative losses include them (pₜ is in <see cref="Weights"/>).</summary>
    private protected virtual void Learn(ReadOnlySpan<double> rewards)
    {
    }

    /// <summary>p ∝ exp(−η (L + M)), shifted by the minimum; η = +∞ gives the uniform distribution on the minimizers.</summary>
    private protected void Compute(double eta, ReadOnlySpan<double> hint, Span<double> p)
    {
        ReadOnlySpan<double> z = CumulativeLoss;
        if (!hint.IsEmpty)
        {
            TensorPrimitives.Add(CumulativeLoss, hint, _scratch);
            z = _scratch;
        }

        if (double.IsPositiveInfinity(eta))
        {
            double min = TensorPrimitives.Min<double>(z);
            for (int i = 0; i < p.Length; i++)
            {
                p[i] = z[i] == min ? 1.0 : 0.0;
            }

            TensorPrimitives.Divide(p, TensorPrimitives.Sum<double>(p), p);
            return;
        }

        LossWeights.Normalized(z, eta, p);
    }
}
