using System.Numerics.Tensors;
using Hindsight.Numerics;

namespace Hindsight.Bandits.Policies;

/// <summary>
/// EXP3-IX (Neu, "Explore no more: improved high-probability regret bounds for non-stochastic bandits",
/// NeurIPS 2015): EXP3 with implicit exploration, pₜ,ᵢ ∝ exp(−ηₜ L̂ₜ₋₁,ᵢ) and the biased estimate
/// ℓ̂ₜ,ᵢ = 1[Iₜ = i] (1 − rₜ) / (pₜ,ᵢ + γₜ), with ηₜ = √(2 ln K / (K t)) and γₜ = ηₜ / 2.
/// </summary>
/// <remarks>External regret O(√(K T ln K) + √(K T / ln K) ln(1/δ)) with probability 1 − δ (Theorem 1 there,
/// with the anytime rates of its §4).</remarks>
public sealed class Exp3Ix : IBanditPolicy
{
    private readonly double[] _lossEstimates;
    private readonly double[] _weights;
    private readonly double _logK;
    private readonly SeededRandom _rng = new(0);
    private double _total;
    private double _gamma;
    private long _round = 1;

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    public Exp3Ix(int arms)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        _lossEstimates = new double[arms];
        _weights = new double[arms];
        _logK = Math.Log(Math.Max(arms, 2));
    }

    /// <inheritdoc />
    public int Arms => _weights.Length;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_lossEstimates);
        Array.Clear(_weights);
        _rng.Reseed(seed);
        _round = 1;
        _total = 0;
    }

    /// <inheritdoc />
    public int Choose()
    {
        double eta = Math.Sqrt(2 * _logK / (_round * (double)_weights.Length));
        _gamma = eta / 2;
        Span<double> w = _weights;
        double min = TensorPrimitives.Min<double>(_lossEstimates);
        TensorPrimitives.Subtract(_lossEstimates, min, w);
        TensorPrimitives.Multiply(w, -eta, w);
        TensorPrimitives.Max(w, -700.0, w); // keep weights normal: subnormal arithmetic is ~100× slower
        TensorPrimitives.Exp(w, w);
        _total = TensorPrimitives.Sum<double>(w);
        return Sampling.Draw(w, _total, _rng);
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        double p = _weights[arm] / _total;
        _lossEstimates[arm] += (1.0 - reward) / (p + _gamma);
        _round++;
    }
}
