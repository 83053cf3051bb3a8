using Hindsight.Bandits;
using Hindsight.Numerics;

namespace Hindsight.Contextual.Environments;

/// <summary>
/// The run of a synthetic contextual environment with unit contexts and one unit vector θₐ per arm: each round a
/// context x (a normalized point of [−1, 1]ᵈ) and the dots θₐ·x, from which the environment derives the means.
/// Streams are keyed by "name/contexts", "name/theta" and "name/rewards", so every learner of a run sees the same rounds.
/// </summary>
internal abstract class UnitContextOracle : IBanditOracle, IContextProvider
{
    private readonly ulong _contextKey;
    private readonly double[] _theta;
    private readonly double[] _context;
    private readonly double[] _dots;
    private readonly double[] _means;
    private long _cachedRound = -1;
    private double _best;

    protected UnitContextOracle(int arms, int dimension, string name, ulong seed, long run)
    {
        Arms = arms;
        Dimension = dimension;
        _contextKey = CounterRng.Key(seed, run, CounterRng.Hash(name + "/contexts"));
        RewardKey = CounterRng.Key(seed, run, CounterRng.Hash(name + "/rewards"));
        ulong thetaKey = CounterRng.Key(seed, run, CounterRng.Hash(name + "/theta"));
        _theta = new double[arms * dimension];
        for (int a = 0; a < arms; a++)
        {
            UnitDraws.UnitVector(thetaKey, a, _theta.AsSpan(a * dimension, dimension));
        }

        _context = new double[dimension];
        _dots = new double[arms];
        _means = new double[arms];
    }

    public int Arms { get; }

    public bool IsStationary => false;

    public int Dimension { get; }

    /// <summary>The key of the run's reward noise.</summary>
    protected ulong RewardKey { get; }

    public void Context(long round, Span<double> context)
    {
        Load(round);
        _context.CopyTo(context);
    }

    public double Mean(long round, int arm)
    {
        Load(round);
        return _means[arm];
    }

    public double BestMean(long round)
    {
        Load(round);
        return _best;
    }

    public abstract double Reward(long round, int arm);

    /// <summary>The arms' means from the dots θₐ·x of the round.</summary>
    protected abstract void Means(ReadOnlySpan<double> dots, Span<double> means);

    private void Load(long round)
    {
        if (round == _cachedRound)
        {
            return;
        }

        int d = Dimension;
        UnitDraws.CubeDirection(_contextKey, round, _context);
        for (int a = 0; a < Arms; a++)
        {
            double dot = 0;
            ReadOnlySpan<double> theta = _theta.AsSpan(a * d, d);
            for (int i = 0; i < d; i++)
            {
                dot += theta[i] * _context[i];
            }

            _dots[a] = dot;
        }

        Means(_dots, _means);
        _best = double.NegativeInfinity;
        foreach (double m in _means)
        {
            _best = Math.Max(_best, m);
        }

        _cachedRound = round;
    }
}
