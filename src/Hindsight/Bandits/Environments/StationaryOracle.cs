using Hindsight.Numerics;

namespace Hindsight.Bandits.Environments;

/// <summary>Base of the stationary environments' oracles: fixed means, rewards drawn per (round, arm) from a counter-based stream.</summary>
internal abstract class StationaryOracle : IBanditOracle
{
    protected StationaryOracle(double[] means, ulong key)
    {
        Means = means;
        Key = key;
        Best = means.Max();
    }

    protected double[] Means { get; }

    protected ulong Key { get; }

    private double Best { get; }

    public int Arms => Means.Length;

    public bool IsStationary => true;

    public abstract double Reward(long round, int arm);

    public double Mean(long round, int arm) => Means[arm];

    public double BestMean(long round) => Best;

    internal static ulong RewardKey(ulong seed, long run, string stream) => CounterRng.Key(seed, run, CounterRng.Hash(stream));
}
