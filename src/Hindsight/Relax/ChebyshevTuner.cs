using Hindsight.Bandits.Policies;
using Hindsight.Contextual.Policies;
using Hindsight.Exploration;
using Hindsight.Numerics;

namespace Hindsight.Relax;

/// <summary>
/// A contextual tuner for a scalar context (e.g. a diagonal shift): each grid value's cost is modelled as a
/// Chebyshev series Σⱼ₌₀ᵐ θⱼ Tⱼ(z) of the context mapped to z ∈ [−1, 1], fitted by ridge regression on the
/// instances where that value was chosen, and the choice is drawn by inverse-gap weighting (SquareCB: Foster and
/// Rakhlin, ICML 2020) — pᵢ = 1 / (K + γₜ (ŷᵢ − ŷ*)/s) for every value but the predicted best, which takes the rest,
/// with γₜ = γ₀ √(K t) and s the running mean cost.
/// </summary>
/// <remarks>
/// This is the shape of ChebCB in "Learning to Relax" (Khodak, Chow, Balcan and Talwalkar, ICLR 2024), which
/// approaches the instance-optimal policy (the best ω for each instance) when the context determines the cost
/// profile — e.g. ω* = 2/(1 + √(1 − ρ_J²)) falls smoothly as the shift c grows. Values never chosen predict 0, the
/// lowest cost, so each is tried early (optimism). Contexts outside [low, high] are clamped.
/// </remarks>
public sealed class ChebyshevTuner : IParameterTuner
{
    private readonly RidgeArms _ridge;
    private readonly double _low;
    private readonly double _high;
    private readonly double _gamma0;
    private readonly double[] _features;
    private readonly double[] _predictions;
    private readonly double[] _weights;
    private readonly SeededRandom _rng = new(0);
    private TunerRounds _rounds;

    /// <summary>Creates the tuner.</summary>
    /// <param name="arms">The grid size K ≥ 1.</param>
    /// <param name="degree">The highest Chebyshev degree m ≥ 0.</param>
    /// <param name="low">The smallest context expected.</param>
    /// <param name="high">The largest context expected (&gt; low).</param>
    /// <param name="gamma0">γ₀ &gt; 0, the exploitation scale (larger explores less).</param>
    /// <param name="ridge">λ &gt; 0 of each value's ridge regression.</param>
    public ChebyshevTuner(int arms, int degree, double low, double high, double gamma0 = 10.0, double ridge = 1e-3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(degree);
        if (!(high > low) || !double.IsFinite(low) || !double.IsFinite(high))
        {
            throw new ArgumentOutOfRangeException(nameof(high), $"The context range needs low < high, both finite (got [{low}, {high}]).");
        }

        if (!(gamma0 > 0) || !double.IsFinite(gamma0))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma0), gamma0, "γ₀ must be positive.");
        }

        if (!(ridge > 0) || !double.IsFinite(ridge))
        {
            throw new ArgumentOutOfRangeException(nameof(ridge), ridge, "λ must be positive.");
        }

        _low = low;
        _high = high;
        _gamma0 = gamma0;
        _ridge = new RidgeArms(arms, ridge);
        _ridge.Ensure(degree + 1);
        _features = new double[degree + 1];
        _predictions = new double[arms];
        _weights = new double[arms];
        _rounds.Reset();
    }

    /// <inheritdoc />
    public int Arms => _weights.Length;

    /// <summary>The distribution of the last <see cref="Choose"/>.</summary>
    public ReadOnlySpan<double> Probabilities => _weights;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        _ridge.Reset();
        Array.Clear(_weights);
        _rng.Reseed(seed);
        _rounds.Reset();
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The context is empty.</exception>
    public int Choose(ReadOnlySpan<double> context)
    {
        if (context.IsEmpty)
        {
            throw new ArgumentException("The Chebyshev tuner reads a scalar context; this instance has none.", nameof(context));
        }

        Chebyshev(Math.Clamp((2.0 * (context[0] - _low) / (_high - _low)) - 1.0, -1.0, 1.0), _features);
        for (int i = 0; i < _predictions.Length; i++)
        {
            _predictions[i] = _ridge.Mean(i, _features);
        }

        Explore.InverseGapWeighting(_predictions, _gamma0 * Math.Sqrt(Arms * (double)_rounds.Round) / _rounds.MeanCost, _weights);
        return _rounds.Chose(Sampling.Draw(_weights, 1.0, _rng));
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The arm is not the one the last <see cref="Choose"/> returned.</exception>
    public void Observe(int arm, double cost)
    {
        _rounds.Observe(arm, cost);
        _ridge.Add(arm, _features, cost);
    }

    /// <summary>T₀(z) … Tₘ(z) by the three-term recurrence Tⱼ₊₁ = 2z Tⱼ − Tⱼ₋₁.</summary>
    private static void Chebyshev(double z, Span<double> features)
    {
        features[0] = 1.0;
        if (features.Length > 1)
        {
            features[1] = z;
        }

        for (int j = 2; j < features.Length; j++)
        {
            features[j] = (2.0 * z * features[j - 1]) - features[j - 2];
        }
    }
}
