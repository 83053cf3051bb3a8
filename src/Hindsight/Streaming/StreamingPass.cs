using Hindsight.Numerics;

namespace Hindsight.Streaming;

/// <summary>
/// One pass of a learner over a <see cref="StreamingBandit"/>: it reads arms into memory slots, pulls held arms and
/// discards them; the pass enforces the memory bound, the single pass and the budget of T pulls, and keeps the
/// pseudo-regret Σₜ (μ* − μ(aₜ)).
/// </summary>
public sealed class StreamingPass
{
    private readonly double[] _means;
    private readonly int[] _slots;
    private readonly long[] _pullsOfArm;
    private readonly ulong _key;
    private readonly double _best;
    private int _next;
    private double _regret;

    internal StreamingPass(double[] means, long horizon, int memory, ulong key)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(memory, 1);
        _means = means;
        Horizon = horizon;
        _slots = [.. Enumerable.Repeat(-1, memory)];
        _pullsOfArm = new long[means.Length];
        _key = key;
        _best = means.Max();
    }

    /// <summary>The number of arms K in the stream.</summary>
    public int Arms => _means.Length;

    /// <summary>The budget T.</summary>
    public long Horizon { get; }

    /// <summary>The memory bound (slots).</summary>
    public int Memory => _slots.Length;

    /// <summary>Pulls made so far.</summary>
    public long Pulls { get; private set; }

    /// <summary>Pulls left: T − <see cref="Pulls"/>.</summary>
    public long Remaining => Horizon - Pulls;

    /// <summary>True when every arm of the stream has been read.</summary>
    public bool StreamExhausted => _next >= _means.Length;

    /// <summary>The most slots held at once so far.</summary>
    public int PeakMemory { get; private set; }

    /// <summary>Σₜ (μ* − μ(aₜ)) over the pulls made.</summary>
    public double PseudoRegret => _regret;

    /// <summary>Reads the next arm of the stream into a free slot.</summary>
    /// <returns>The slot.</returns>
    /// <exception cref="InvalidOperationException">The stream is exhausted, or every slot is taken.</exception>
    public int Read()
    {
        if (StreamExhausted)
        {
            throw new InvalidOperationException("The stream is exhausted: every arm has been read once (a single pass).");
        }

        int slot = Array.IndexOf(_slots, -1);
        if (slot < 0)
        {
            throw new InvalidOperationException($"Memory is full: {Memory} arm(s) held; discard one before reading the next.");
        }

        _slots[slot] = _next++;
        PeakMemory = Math.Max(PeakMemory, _slots.Count(s => s >= 0));
        return slot;
    }

    /// <summary>Pulls the arm in a slot: a Bernoulli reward addressed by (arm, its pull count).</summary>
    /// <param name="slot">A held slot.</param>
    /// <returns>0 or 1.</returns>
    /// <exception cref="InvalidOperationException">The budget is spent or the slot is empty.</exception>
    public double Pull(int slot)
    {
        int arm = Held(slot);
        if (Pulls >= Horizon)
        {
            throw new InvalidOperationException($"The budget of {Horizon} pulls is spent.");
        }

        Pulls++;
        _regret += _best - _means[arm];
        return CounterRng.Uniform(_key, _pullsOfArm[arm]++, arm) < _means[arm] ? 1.0 : 0.0;
    }

    /// <summary>Pulls the arm in a slot for every remaining round (commit).</summary>
    /// <param name="slot">A held slot.</param>
    public void Commit(int slot)
    {
        int arm = Held(slot);
        long left = Remaining;
        _regret += left * (_best - _means[arm]);
        _pullsOfArm[arm] += left;
        Pulls = Horizon;
    }

    /// <summary>Forgets the arm in a slot; it cannot be read again.</summary>
    /// <param name="slot">A held slot.</param>
    public void Discard(int slot)
    {
        Held(slot);
        _slots[slot] = -1;
    }

    private int Held(int slot)
    {
        if ((uint)slot >= (uint)_slots.Length || _slots[slot] < 0)
        {
            throw new InvalidOperationException($"Slot {slot} holds no arm.");
        }

        return _slots[slot];
    }
}
