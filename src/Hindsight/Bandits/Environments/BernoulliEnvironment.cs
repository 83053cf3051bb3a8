using Hindsight.Numerics;

namespace Hindsight.Bandits.Environments;

/// <summary>Stochastic Bernoulli arms: Xₜ,ₐ ~ Bernoulli(μₐ), independent across rounds and arms.</summary>
public sealed class BernoulliEnvironment : IBanditEnvironment
{
    private readonly double[] _means;

    /// <summary>Creates the environment.</summary>
    /// <param name="means">The arms' means, each in [0, 1].</param>
    public BernoulliEnvironment(IReadOnlyList<double> means)
    {
        ArgumentNullException.ThrowIfNull(means);
        if (means.Count == 0)
        {
            throw new ArgumentException("At least one arm is needed.", nameof(means));
        }

        foreach (double m in means)
        {
            if (!(m >= 0 && m <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(means), $"Bernoulli mean {m} is outside [0, 1].");
            }
        }

        _means = [.. means];
    }

    /// <inheritdoc />
    public int Arms => _means.Length;

    /// <inheritdoc />
    public bool IsStationary => true;

    /// <inheritdoc />
    public long MaxHorizon => long.MaxValue;

    /// <summary>The arms' means.</summary>
    public IReadOnlyList<double> Means => _means;

    /// <inheritdoc />
    public IBanditOracle Start(ulong seed, long run) => new Oracle(_means, StationaryOracle.RewardKey(seed, run, "bernoulli"));

    private sealed class Oracle(double[] means, ulong key) : StationaryOracle(means, key)
    {
        public override double Reward(long round, int arm) => CounterRng.Uniform(Key, round, arm) < Means[arm] ? 1.0 : 0.0;
    }
}
