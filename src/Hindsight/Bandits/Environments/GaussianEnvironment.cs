using Hindsight.Numerics;

namespace Hindsight.Bandits.Environments;

/// <summary>Stochastic Gaussian arms: Xₜ,ₐ ~ N(μₐ, σₐ²), with a standard deviation per arm.</summary>
public sealed class GaussianEnvironment : IBanditEnvironment
{
    private readonly double[] _means;
    private readonly double[] _sigmas;

    /// <summary>Creates the environment.</summary>
    /// <param name="means">The arms' means.</param>
    /// <param name="sigmas">The arms' standard deviations (one per arm, each ≥ 0).</param>
    public GaussianEnvironment(IReadOnlyList<double> means, IReadOnlyList<double> sigmas)
    {
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(sigmas);
        if (means.Count == 0)
        {
            throw new ArgumentException("At least one arm is needed.", nameof(means));
        }

        if (sigmas.Count != means.Count)
        {
            throw new ArgumentException($"{sigmas.Count} standard deviations for {means.Count} arms.", nameof(sigmas));
        }

        if (sigmas.Any(s => !(s >= 0)) || means.Any(m => !double.IsFinite(m)))
        {
            throw new ArgumentOutOfRangeException(nameof(sigmas), "Means must be finite and standard deviations non-negative.");
        }

        _means = [.. means];
        _sigmas = [.. sigmas];
    }

    /// <inheritdoc />
    public int Arms => _means.Length;

    /// <inheritdoc />
    public bool IsStationary => true;

    /// <inheritdoc />
    public long MaxHorizon => long.MaxValue;

    /// <inheritdoc />
    public IBanditOracle Start(ulong seed, long run) => new Oracle(_means, _sigmas, StationaryOracle.RewardKey(seed, run, "gaussian"));

    private sealed class Oracle(double[] means, double[] sigmas, ulong key) : StationaryOracle(means, key)
    {
        public override double Reward(long round, int arm) => Means[arm] + (sigmas[arm] * CounterRng.Normal(Key, round, arm));
    }
}
