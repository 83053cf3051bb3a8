using Hindsight.Bandits;
using Hindsight.Formats;
using Hindsight.Numerics;

namespace Hindsight.Contextual.Environments;

/// <summary>
/// A classification data set played as a contextual bandit (VW's <c>--cbify</c>; Langford and Zhang 2007, Dudík et al.
/// 2011): each round shows one row's features as the context; the arms are the classes; the reward is 1 for the true
/// class and 0 otherwise, and the learner sees only the reward of the class it chose. Rows are visited in a random
/// order drawn from (seed, run), cycling when the horizon exceeds the data.
/// </summary>
/// <remarks>The mean of an arm is its reward (the label is fixed), so dynamic regret counts the mistakes: T − (correct
/// choices). A policy's accuracy over the stream is 1 − regret / T.</remarks>
public sealed class ClassificationEnvironment : IBanditEnvironment
{
    private readonly ClassificationData _data;

    /// <summary>Creates the environment.</summary>
    /// <param name="data">The data set (at least two classes).</param>
    public ClassificationEnvironment(ClassificationData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Classes.Count < 2)
        {
            throw new ArgumentException($"A classification bandit needs two classes or more; the data has {data.Classes.Count}.", nameof(data));
        }

        _data = data;
    }

    /// <inheritdoc />
    public int Arms => _data.Classes.Count;

    /// <summary>The number of rows.</summary>
    public int Rows => _data.Labels.Length;

    /// <summary>The context dimension.</summary>
    public int Dimension => _data.Features[0].Length;

    /// <inheritdoc />
    public bool IsStationary => false;

    /// <inheritdoc />
    public long MaxHorizon => long.MaxValue;

    /// <inheritdoc />
    public IBanditOracle Start(ulong seed, long run) => new Oracle(_data, seed, run);

    private sealed class Oracle : IBanditOracle, IContextProvider
    {
        private readonly ClassificationData _data;
        private readonly int[] _order;

        public Oracle(ClassificationData data, ulong seed, long run)
        {
            _data = data;
            _order = [.. Enumerable.Range(0, data.Labels.Length)];
            var rng = new SeededRandom(CounterRng.Key(seed, run, CounterRng.Hash("classification/order")));
            for (int i = _order.Length - 1; i > 0; i--)
            {
                int j = rng.Next(i + 1);
                (_order[i], _order[j]) = (_order[j], _order[i]);
            }
        }

        public int Arms => _data.Classes.Count;

        public bool IsStationary => false;

        public int Dimension => _data.Features[0].Length;

        public void Context(long round, Span<double> context) => _data.Features[Row(round)].CopyTo(context);

        public double Mean(long round, int arm) => _data.Labels[Row(round)] == arm ? 1.0 : 0.0;

        public double BestMean(long round) => 1.0;

        public double Reward(long round, int arm) => Mean(round, arm);

        private int Row(long round) => _order[(int)((round - 1) % _order.Length)];
    }
}
