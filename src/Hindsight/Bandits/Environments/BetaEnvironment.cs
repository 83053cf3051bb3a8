using Hindsight.Numerics;
using MathNet.Numerics.Distributions;

namespace Hindsight.Bandits.Environments;

/// <summary>Stochastic Beta arms: Xₜ,ₐ ~ Beta(αₐ, βₐ), rewards in [0, 1] with mean αₐ / (αₐ + βₐ).</summary>
/// <remarks>Each draw seeds a generator from the counter-based stream at (round, arm) and samples with MathNet.Numerics,
/// so the reward is still a pure function of (seed, run, round, arm).</remarks>
public sealed class BetaEnvironment : IBanditEnvironment
{
    private readonly double[] _alphas;
    private readonly double[] _betas;

    /// <summary>Creates the environment.</summary>
    /// <param name="alphas">Shape α &gt; 0 of each arm.</param>
    /// <param name="betas">Shape β &gt; 0 of each arm.</param>
    public BetaEnvironment(IReadOnlyList<double> alphas, IReadOnlyList<double> betas)
    {
        ArgumentNullException.ThrowIfNull(alphas);
        ArgumentNullException.ThrowIfNull(betas);
        if (alphas.Count == 0 || alphas.Count != betas.Count)
        {
            throw new ArgumentException($"{alphas.Count} α shapes and {betas.Count} β shapes: one of each per arm is needed.", nameof(betas));
        }

        if (alphas.Concat(betas).Any(x => !(x > 0) || double.IsPositiveInfinity(x)))
        {
            throw new ArgumentOutOfRangeException(nameof(alphas), "Beta shapes must be positive and finite.");
        }

        _alphas = [.. alphas];
        _betas = [.. betas];
    }

    /// <inheritdoc />
    public int Arms => _alphas.Length;

    /// <inheritdoc />
    public bool IsStationary => true;

    /// <inheritdoc />
    public long MaxHorizon => long.MaxValue;

    /// <inheritdoc />
    public IBanditOracle Start(ulong seed, long run)
    {
        double[] means = new double[_alphas.Length];
        for (int i = 0; i < means.Length; i++)
        {
            means[i] = _alphas[i] / (_alphas[i] + _betas[i]);
        }

        return new Oracle(means, _alphas, _betas, StationaryOracle.RewardKey(seed, run, "beta"));
    }

    private sealed class Oracle(double[] means, double[] alphas, double[] betas, ulong key) : StationaryOracle(means, key)
    {
        private readonly SeededRandom _draw = new(0);

        public override double Reward(long round, int arm)
        {
            _draw.Reseed(CounterRng.Bits(Key, round, arm));
            return Beta.Sample(_draw, alphas[arm], betas[arm]);
        }
    }
}
