using Hindsight.Numerics;

namespace Hindsight.Reactive;

/// <summary>
/// A last-switch dependent bandit with monotone payoffs (Laforgue, Clerici, Cesa-Bianchi and Gilad-Bachrach, AISTATS
/// 2022; Foussoul, Goyal, Papadigenopoulos and Zeevi, "Last Switch Dependent Bandits with Monotone Payoff Functions",
/// ICML 2023): an arm's mean reward depends only on the time since its last switch — fᵢ(−d) when it is switched to
/// d rounds after its last play (deprivation: nondecreasing in d, the recharging bandits of Kleinberg and Immorlica), fᵢ(+s)
/// when it is played again after s consecutive plays (satiation: nonincreasing in s). Both are capped at τ_max.
/// </summary>
/// <remarks>Here fᵢ(−d) = cᵢ(1 − ρᵢ^d) and fᵢ(+s) = cᵢ(1 − ρᵢ^{τ_max}) γᵢ^s: cᵢ ∈ [0, 1] the rested reward, ρᵢ ∈ [0, 1)
/// the recharge, γᵢ ∈ [0, 1] the satiation. An arm never played counts as last played τ_max rounds ago. Rewards are Bernoulli
/// draws addressed by (seed, run, round, arm).</remarks>
public sealed class LastSwitchBandit : IReactiveBandit
{
    private readonly double[] _scales;
    private readonly double[] _recharge;
    private readonly double[] _satiation;

    /// <summary>Creates the bandit.</summary>
    /// <param name="scales">cᵢ ∈ [0, 1].</param>
    /// <param name="recharge">ρᵢ ∈ [0, 1).</param>
    /// <param name="satiation">γᵢ ∈ [0, 1].</param>
    /// <param name="maxDelay">τ_max ≥ 1.</param>
    public LastSwitchBandit(double[] scales, double[] recharge, double[] satiation, int maxDelay)
    {
        ArgumentNullException.ThrowIfNull(scales);
        ArgumentNullException.ThrowIfNull(recharge);
        ArgumentNullException.ThrowIfNull(satiation);
        if (scales.Length < 1 || recharge.Length != scales.Length || satiation.Length != scales.Length)
        {
            throw new ArgumentException("One scale, recharge and satiation per arm.", nameof(scales));
        }

        if (scales.Any(c => !(c >= 0 && c <= 1)) || recharge.Any(r => !(r >= 0 && r < 1)) || satiation.Any(g => !(g >= 0 && g <= 1)))
        {
            throw new ArgumentException("Scales and satiations must lie in [0, 1], recharges in [0, 1).", nameof(scales));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, 1);
        _scales = [.. scales];
        _recharge = [.. recharge];
        _satiation = [.. satiation];
        MaxDelay = maxDelay;
    }

    /// <inheritdoc />
    public int Arms => _scales.Length;

    /// <summary>τ_max.</summary>
    public int MaxDelay { get; }

    /// <summary>fᵢ(τ): τ = −d for a switch d rounds after the arm's last play, τ = +s for a repeat after s consecutive plays (|τ| capped at τ_max).</summary>
    /// <param name="arm">i.</param>
    /// <param name="delay">τ ≠ 0.</param>
    /// <returns>The mean reward.</returns>
    public double Payoff(int arm, int delay)
    {
        int d = Math.Min(Math.Abs(delay), MaxDelay);
        double rested = _scales[arm] * (1 - Math.Pow(_recharge[arm], d));
        return delay < 0 ? rested : _scales[arm] * (1 - Math.Pow(_recharge[arm], MaxDelay)) * Math.Pow(_satiation[arm], d);
    }

    /// <inheritdoc />
    public IReactiveState Start(ulong seed, long run) => new State(this, CounterRng.Key(seed, run, CounterRng.Hash("last-switch")));

    private sealed class State(LastSwitchBandit bandit, ulong key) : IReactiveState
    {
        private readonly long[] _lastPlayed = [.. Enumerable.Repeat(long.MinValue, bandit.Arms)];
        private int _current = -1;
        private int _streak;

        public long Round { get; private set; }

        /// <summary>The signed delay of an arm if played now.</summary>
        public int Delay(int arm)
            => arm == _current ? Math.Min(_streak, bandit.MaxDelay)
                : -(_lastPlayed[arm] == long.MinValue ? bandit.MaxDelay : (int)Math.Min(Round - _lastPlayed[arm], bandit.MaxDelay));

        public double Mean(int arm) => bandit.Payoff(arm, Delay(arm));

        public double Reward(int arm) => CounterRng.Uniform(key, Round, arm) < Mean(arm) ? 1.0 : 0.0;

        public void Play(int arm)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)arm, (uint)bandit.Arms, nameof(arm));
            _streak = arm == _current ? _streak + 1 : 1;
            _current = arm;
            _lastPlayed[arm] = Round;
            Round++;
        }
    }
}
