using Hindsight.Numerics;

namespace Hindsight.Oco.Environments;

/// <summary>
/// Linear losses fₜ(x) = ⟨gₜ, x⟩ in the stochastically extended adversarial (SEA) model (Sachs, Hadiji, van Erven and
/// Guzmán, "Between stochastic and adversarial online convex optimization", NeurIPS 2022): an adversary fixes the
/// mean mₜ = μ + ρ sₜ u (sₜ = ±1 drawn afresh for every block of P rounds; μ and u unit vectors drawn per run), and
/// gₜ = mₜ + ξₜ with ξₜ ~ N(0, σ²/d · I). So the cumulative stochastic variance is σ²₁:T = T σ² and the adversarial
/// variation Σ²₁:T = Σₜ ‖mₜ − mₜ₋₁‖² = 4ρ² × (number of sign changes).
/// </summary>
public sealed class LinearSeaStream
{
    private readonly double[] _mu;
    private readonly double[] _u;
    private readonly ulong _noiseKey;
    private readonly ulong _signKey;

    /// <summary>Creates one run's stream.</summary>
    /// <param name="dimension">d ≥ 1.</param>
    /// <param name="sigma">Noise level σ ≥ 0.</param>
    /// <param name="rho">Adversarial swing ρ ≥ 0.</param>
    /// <param name="period">Rounds between flips P ≥ 1.</param>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="run">The run index.</param>
    public LinearSeaStream(int dimension, double sigma, double rho, long period, ulong seed, long run)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(sigma);
        ArgumentOutOfRangeException.ThrowIfNegative(rho);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Dimension = dimension;
        Sigma = sigma;
        Rho = rho;
        Period = period;
        ulong shape = CounterRng.Key(seed, run, CounterRng.Hash("sea/shape"));
        _noiseKey = CounterRng.Key(seed, run, CounterRng.Hash("sea/noise"));
        _signKey = CounterRng.Key(seed, run, CounterRng.Hash("sea/signs"));
        _mu = Unit(shape, 0, dimension);
        _u = Unit(shape, 1, dimension);
    }

    /// <summary>The dimension d.</summary>
    public int Dimension { get; }

    /// <summary>σ.</summary>
    public double Sigma { get; }

    /// <summary>ρ.</summary>
    public double Rho { get; }

    /// <summary>P.</summary>
    public long Period { get; }

    /// <summary>σ²₁:T = T σ².</summary>
    public double StochasticVariance(long horizon) => horizon * Sigma * Sigma;

    /// <summary>Σ²₁:T = 4ρ² × the sign changes among rounds 2..T.</summary>
    public double AdversarialVariation(long horizon)
    {
        long changes = 0;
        for (long block = 1; block <= (horizon - 1) / Period; block++)
        {
            changes += Sign(block) != Sign(block - 1) ? 1 : 0;
        }

        return 4 * Rho * Rho * changes;
    }

    /// <summary>Writes the loss vector gₜ of round t ≥ 1.</summary>
    public void Loss(long round, Span<double> g)
    {
        double sign = Sign((round - 1) / Period);
        double scale = Sigma / Math.Sqrt(Dimension);
        for (int i = 0; i < Dimension; i++)
        {
            g[i] = _mu[i] + (Rho * sign * _u[i]) + (scale * CounterRng.Normal(_noiseKey, round, i));
        }
    }

    private double Sign(long block) => CounterRng.Uniform(_signKey, block, 0) < 0.5 ? 1 : -1;

    private static double[] Unit(ulong key, long index, int dimension)
    {
        double[] v = new double[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++)
        {
            v[i] = CounterRng.Normal(key, index, i);
            norm += v[i] * v[i];
        }

        norm = Math.Sqrt(norm);
        for (int i = 0; i < dimension; i++)
        {
            v[i] /= norm;
        }

        return v;
    }
}
