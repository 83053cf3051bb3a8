using Hindsight.Numerics;

namespace Hindsight.Reactive;

/// <summary>
/// A weighted tallying bandit (Malik, Li and Singh, "Weighted Tallying Bandits: Overcoming Intractability via Repeated
/// Exposure Optimality", ICML 2023): the loss of arm a in round t is fₐ(xₐ,ₜ) with the weighted tally
/// xₐ,ₜ = Σₛ₌₁ᵐ wₛ 1[aₜ₋ₛ = a] of its plays in the last m rounds (rounds before the first count as no play). The reward
/// is a Bernoulli draw with mean 1 − fₐ(x), addressed by (seed, run, round, arm).
/// </summary>
/// <remarks>
/// Here fₐ is linear in the tally, from fₐ(0) (an arm not played lately) to fₐ(W) with W = Σ wₛ (an arm played for the
/// last m rounds): a loss that falls with repeated exposure models practice, one that rises models fatigue. The
/// environment satisfies repeated-exposure optimality (REO) when the arm with the smallest fₐ(W) beats every arm at
/// every tally: minₐ fₐ(W) ≤ min over all a and x of fₐ(x) (<see cref="SatisfiesRepeatedExposureOptimality"/>).
/// </remarks>
public sealed class WeightedTallyingBandit : IReactiveBandit
{
    private readonly double[] _weights;
    private readonly double[] _fresh;
    private readonly double[] _saturated;
    private readonly double _total;

    /// <summary>Creates the bandit.</summary>
    /// <param name="weights">w₁ … wₘ ≥ 0 (not all 0): the weight of a play s rounds ago; m = weights.Length.</param>
    /// <param name="freshLosses">fₐ(0) ∈ [0, 1] for each arm.</param>
    /// <param name="saturatedLosses">fₐ(W) ∈ [0, 1] for each arm.</param>
    public WeightedTallyingBandit(double[] weights, double[] freshLosses, double[] saturatedLosses)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(freshLosses);
        ArgumentNullException.ThrowIfNull(saturatedLosses);
        if (weights.Length < 1 || weights.Any(w => !(w >= 0) || double.IsInfinity(w)) || weights.Sum() <= 0)
        {
            throw new ArgumentException("The tally weights must be finite, ≥ 0 and not all 0 (one per round of memory).", nameof(weights));
        }

        if (freshLosses.Length < 1 || freshLosses.Length != saturatedLosses.Length)
        {
            throw new ArgumentException($"One fresh and one saturated loss per arm: got {freshLosses.Length} and {saturatedLosses.Length}.", nameof(saturatedLosses));
        }

        if (freshLosses.Concat(saturatedLosses).Any(f => !(f >= 0 && f <= 1)))
        {
            throw new ArgumentException("Losses must lie in [0, 1].", nameof(freshLosses));
        }

        _weights = [.. weights];
        _fresh = [.. freshLosses];
        _saturated = [.. saturatedLosses];
        _total = weights.Sum();
    }

    /// <inheritdoc />
    public int Arms => _fresh.Length;

    /// <summary>The memory m (rounds that count in a tally).</summary>
    public int Memory => _weights.Length;

    /// <summary>The loss fₐ(x) of an arm at tally x ∈ [0, W].</summary>
    /// <param name="arm">a.</param>
    /// <param name="tally">x.</param>
    /// <returns>fₐ(x).</returns>
    public double Loss(int arm, double tally) => _fresh[arm] + ((_saturated[arm] - _fresh[arm]) * tally / _total);

    /// <summary>True when the repeatedly played best arm beats every arm at every tally (REO).</summary>
    public bool SatisfiesRepeatedExposureOptimality => _saturated.Min() <= Math.Min(_fresh.Min(), _saturated.Min());

    /// <summary>Checks that a learner's memory bound M covers this environment's memory m.</summary>
    /// <param name="bound">M, the bound the learner was given.</param>
    /// <exception cref="ArgumentException">m &gt; M.</exception>
    public void RequireMemoryBound(int bound)
    {
        if (Memory > bound)
        {
            throw new ArgumentException($"The environment's memory m = {Memory} exceeds the bound M = {bound} given to the learner; modified successive elimination needs m ≤ M (its warm-up of M rounds must saturate the tally).", nameof(bound));
        }
    }

    /// <inheritdoc />
    public IReactiveState Start(ulong seed, long run) => new State(this, CounterRng.Key(seed, run, CounterRng.Hash("weighted-tallying")));

    private sealed class State(WeightedTallyingBandit bandit, ulong key) : IReactiveState
    {
        private readonly int[] _recent = [.. Enumerable.Repeat(-1, bandit.Memory)]; // ring buffer of the last m arms

        public long Round { get; private set; }

        public double Mean(int arm)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)arm, (uint)bandit.Arms, nameof(arm));
            int m = _recent.Length;
            double tally = 0;
            for (int s = 1; s <= m; s++)
            {
                if (_recent[(int)((Round - s) % m + m) % m] == arm)
                {
                    tally += bandit._weights[s - 1];
                }
            }

            return 1.0 - bandit.Loss(arm, tally);
        }

        public double Reward(int arm) => CounterRng.Uniform(key, Round, arm) < Mean(arm) ? 1.0 : 0.0;

        public void Play(int arm)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)arm, (uint)bandit.Arms, nameof(arm));
            _recent[(int)(Round % _recent.Length)] = arm;
            Round++;
        }
    }
}
