using Hindsight.Contextual;
using Hindsight.Contextual.Features;
using Hindsight.Contextual.Learners;
using Hindsight.Numerics;

namespace Hindsight.Service;

/// <summary>
/// One learning loop: its learner, the events waiting for rewards, and its counters. Ranking and learning take the
/// loop's lock (the learner is not thread-safe); storage happens outside it.
/// </summary>
internal sealed class Loop
{
    private readonly object _gate = new();
    private readonly IContextualLearner _learner;
    private readonly SeededRandom _rng;
    private readonly Dictionary<string, PendingEvent> _pending = [];
    private readonly PriorityQueue<string, long> _deadlines = new();
    private float[] _pmf = new float[16];

    public Loop(string name, LoopSettings settings, string keyHash)
    {
        Name = name;
        Settings = settings;
        KeyHash = keyHash;
        var space = new FeatureSpace(settings.Bits, settings.Interactions ?? []);
        var regressor = new CostRegressor(space, CbType.Mtr, 0.5f, importanceWeighted: settings.Learner != "squarecb"); // as `hindsight cb`
        _learner = settings.Learner == "squarecb" ? ExploringCbLearner.SquareCb(regressor) : ExploringCbLearner.EpsilonGreedy(regressor, (float)settings.Epsilon);
        _rng = new SeededRandom(CounterRng.Hash(name));
    }

    public string Name { get; }

    public LoopSettings Settings { get; }

    public string KeyHash { get; }

    public long Events { get; private set; }

    public long Closed { get; private set; }

    public long Rewarded { get; private set; }

    public double RewardSum { get; private set; }

    public long Explored { get; private set; }

    /// <summary>Draws an action for an example and remembers the event for its rewards.</summary>
    /// <returns>The chosen index and the probabilities, or null when an event with this id is already waiting.</returns>
    public (int Chosen, float[] Probabilities)? Rank(string eventId, CbExample example, long now)
    {
        lock (_gate)
        {
            if (_pending.ContainsKey(eventId))
            {
                return null;
            }

            int k = example.Actions.Count;
            if (_pmf.Length < k)
            {
                _pmf = new float[Math.Max(k, 2 * _pmf.Length)];
            }

            Span<float> pmf = _pmf.AsSpan(0, k);
            _learner.Predict(example, pmf);
            double u = _rng.NextDouble(), acc = 0;
            int chosen = k - 1, greedy = 0;
            for (int a = 0; a < k; a++)
            {
                greedy = pmf[a] > pmf[greedy] ? a : greedy;
                acc += pmf[a];
                if (u < acc)
                {
                    chosen = a;
                    break;
                }
            }

            for (int a = greedy + 1; a < k; a++)
            {
                greedy = pmf[a] > pmf[greedy] ? a : greedy;
            }

            Track(eventId, example, chosen, pmf[chosen], now, chosen != greedy);
            return (chosen, pmf.ToArray());
        }
    }

    /// <summary>Re-admits a stored event at startup (no drawing: the logged choice stands).</summary>
    public void Restore(string eventId, CbExample example, int chosen, float probability, long timestamp, bool explored)
    {
        lock (_gate)
        {
            Track(eventId, example, chosen, probability, timestamp, explored);
        }
    }

    /// <summary>Adds a reward to a waiting event.</summary>
    /// <returns>Known: the event exists in memory (waiting); Open: its window is still open at <paramref name="now"/>.</returns>
    public (bool Known, bool Open) Reward(string eventId, double value, long now)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(eventId, out PendingEvent? e))
            {
                return (false, false);
            }

            if (now >= e.Deadline)
            {
                return (true, false);
            }

            e.Rewards++;
            e.Value = Settings.Aggregation == "first" && e.Rewards > 1 ? e.Value : e.Value + value;
            return (true, true);
        }
    }

    /// <summary>Drops a waiting event whose write was refused (its id was taken on disk meanwhile).</summary>
    public void Forget(string eventId)
    {
        lock (_gate)
        {
            if (_pending.Remove(eventId))
            {
                Events--;
            }
        }
    }

    /// <summary>True when the loop is waiting on this event.</summary>
    public bool IsWaiting(string eventId)
    {
        lock (_gate)
        {
            return _pending.ContainsKey(eventId);
        }
    }

    /// <summary>Learns from every event whose window has closed by <paramref name="now"/> (the default reward when it got none).</summary>
    /// <returns>How many were learned.</returns>
    public int CloseWindows(long now)
    {
        lock (_gate)
        {
            int count = 0;
            while (_deadlines.TryPeek(out string? id, out long deadline) && deadline <= now)
            {
                _deadlines.Dequeue();
                if (!_pending.Remove(id, out PendingEvent? e))
                {
                    continue; // forgotten
                }

                double reward = e.Rewards > 0 ? e.Value : Settings.DefaultReward;
                _learner.Learn(e.Example with { Label = new CbLabel(e.Chosen, (float)-reward, e.Probability) });
                Closed++;
                RewardSum += reward;
                Rewarded += e.Rewards > 0 ? 1 : 0;
                count++;
            }

            return count;
        }
    }

    private void Track(string eventId, CbExample example, int chosen, float probability, long timestamp, bool explored)
    {
        long deadline = timestamp + (long)(Settings.RewardWaitSeconds * 1000);
        _pending[eventId] = new PendingEvent(example, chosen, probability, deadline);
        _deadlines.Enqueue(eventId, deadline);
        Events++;
        Explored += explored ? 1 : 0;
    }

    private sealed class PendingEvent(CbExample example, int chosen, float probability, long deadline)
    {
        public CbExample Example { get; } = example;

        public int Chosen { get; } = chosen;

        public float Probability { get; } = probability;

        public long Deadline { get; } = deadline;

        public int Rewards { get; set; }

        public double Value { get; set; }
    }
}
