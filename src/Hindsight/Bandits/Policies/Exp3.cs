using System.Numerics.Tensors;
using Hindsight.Numerics;

namespace Hindsight.Bandits.Policies;

/// <summary>
/// EXP3 (Auer, Cesa-Bianchi, Freund and Schapire, "The nonstochastic multiarmed bandit problem", SIAM J. Computing
/// 2002), in the loss-based form of Bubeck and Cesa-Bianchi ("Regret analysis of stochastic and nonstochastic
/// multi-armed bandit problems", 2012, §3.1): pₜ,ᵢ ∝ exp(−ηₜ L̂ₜ₋₁,ᵢ) with importance-weighted loss estimates
/// ℓ̂ₜ,ᵢ = 1[Iₜ = i] (1 − rₜ) / pₜ,ᵢ and the anytime rate ηₜ = √(ln K / (t K)).
/// </summary>
/// <remarks>Pseudo-regret ≤ 2√(T K ln K) against any oblivious sequence of rewards in [0, 1] (Theorem 3.1 there,
/// anytime version); for a fixed sequence this is the expected external regret. A fixed η can be given instead (√(2 ln K / (T K)) for a known T).</remarks>
public sealed class Exp3 : IRandomizedPolicy
{
    private readonly double[] _lossEstimates;
    private readonly double[] _weights;
    private readonly double _fixedEta;
    private readonly double _logK;
    private readonly SeededRandom _rng = new(0);
    private double _total;
    private long _round = 1;

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="eta">A fixed learning rate η &gt; 0, or 0 for the anytime rate.</param>
    public Exp3(int arms, double eta = 0.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(eta);
        _lossEstimates = new double[arms];
        _weights = new double[arms];
        _fixedEta = eta;
        _logK = Math.Log(Math.Max(arms, 2));
    }

    /// <inheritdoc />
    public int Arms => _weights.Length;

    /// <summary>The sampling distribution of the last <see cref="Choose"/> (unnormalized weights / total).</summary>
    /// <param name="arm">The arm.</param>
    /// <returns>Its probability.</returns>
    public double Probability(int arm) => _weights[arm] / _total;

    /// <inheritdoc />
    public void LastDistribution(Span<double> probabilities) => TensorPrimitives.Divide(_weights, _total, probabilities);

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
        double eta = _fixedEta > 0 ? _fixedEta : Math.Sqrt(_logK / (_round * (double)_weights.Length));
        _total = LossWeights.Unnormalized(_lossEstimates, eta, _weights);
        return Sampling.Draw(_weights, _total, _rng);
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        double p = _weights[arm] / _total;
        _lossEstimates[arm] += (1.0 - reward) / p;
        _round++;
    }
}
