using Hindsight.Bandits.Policies;
using Hindsight.Numerics;

namespace Hindsight.Relax;

/// <summary>
/// Tsallis-INF over a parameter grid with costs of any scale, as "Learning to Relax" (Khodak, Chow, Balcan and
/// Talwalkar, ICLR 2024) runs it to set SOR's ω: importance-weighted cumulative cost estimates Ĉᵢ, divided by the
/// running mean of the observed costs before the ½-Tsallis normalization with ηₜ = 2/√t
/// (<see cref="TsallisInf.Normalize"/>).
/// </summary>
/// <remarks>
/// The paper shows that the iteration count of SOR, though discontinuous in ω, is close enough to a Lipschitz
/// surrogate that a bandit over a fine grid has regret Õ(T^{2/3}) against the best fixed ω in hindsight
/// (Theorem 2.1 there); scaling by the mean cost keeps the learning rate meaningful whatever the size of the systems.
/// No context is read.
/// </remarks>
public sealed class TsallisInfTuner : IParameterTuner
{
    private readonly double[] _estimates;
    private readonly double[] _scaled;
    private readonly double[] _weights;
    private readonly SeededRandom _rng = new(0);
    private TunerRounds _rounds;

    /// <summary>Creates the tuner.</summary>
    /// <param name="arms">The grid size K ≥ 1.</param>
    public TsallisInfTuner(int arms)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        _estimates = new double[arms];
        _scaled = new double[arms];
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
        Array.Clear(_estimates);
        Array.Clear(_weights);
        _rng.Reseed(seed);
        _rounds.Reset();
    }

    /// <inheritdoc />
    public int Choose(ReadOnlySpan<double> context)
    {
        double eta = 2.0 / Math.Sqrt(_rounds.Round);
        double scale = _rounds.MeanCost;
        double min = double.PositiveInfinity;
        foreach (double e in _estimates)
        {
            min = Math.Min(min, e);
        }

        for (int i = 0; i < _scaled.Length; i++)
        {
            _scaled[i] = (_estimates[i] - min) / scale;
        }

        // No warm start: the scale changes every round, and a fresh solve takes a few Newton steps.
        TsallisInf.Normalize(_scaled, eta, double.NaN, _weights);
        return _rounds.Chose(Sampling.Draw(_weights, 1.0, _rng));
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The arm is not the one the last <see cref="Choose"/> returned.</exception>
    public void Observe(int arm, double cost)
    {
        _rounds.Observe(arm, cost);
        _estimates[arm] += cost / _weights[arm];
    }
}
