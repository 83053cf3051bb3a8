using Hindsight.Numerics;

namespace Hindsight.Bandits.Environments;

/// <summary>
/// Arms whose means drift smoothly: μₜ,ₐ = c + A sin(2π t / Pₐ + φₐ), with each arm's period Pₐ uniform in
/// [P/2, 3P/2] and phase φₐ uniform (drawn per run), c = 1/2. Rewards are the means themselves (a deterministic,
/// slowly varying sequence: ‖ℓₜ − ℓₜ₋₁‖∞ ≤ 2πA / (P/2)) or Bernoulli draws of them (an oblivious, drifting stochastic
/// sequence).
/// </summary>
/// <remarks>Slowly varying losses are where optimistic learners (optimistic Hedge, optimistic OMD) beat their plain
/// versions: their regret depends on Σₜ ‖ℓₜ − ℓₜ₋₁‖² instead of T.</remarks>
public sealed class SinusoidEnvironment : IBanditEnvironment
{
    /// <summary>Creates the environment.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="period">Typical period P ≥ 2 rounds.</param>
    /// <param name="amplitude">Amplitude A ∈ [0, 1/2].</param>
    /// <param name="bernoulli">Bernoulli rewards (true) or the means themselves (false).</param>
    public SinusoidEnvironment(int arms, double period, double amplitude, bool bernoulli)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        if (!(period >= 2) || double.IsInfinity(period))
        {
            throw new ArgumentOutOfRangeException(nameof(period), "The period must be a finite number ≥ 2.");
        }

        if (!(amplitude >= 0 && amplitude <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(amplitude), "The amplitude must lie in [0, 0.5].");
        }

        Arms = arms;
        Period = period;
        Amplitude = amplitude;
        Bernoulli = bernoulli;
    }

    /// <inheritdoc />
    public int Arms { get; }

    /// <summary>The typical period P.</summary>
    public double Period { get; }

    /// <summary>The amplitude A.</summary>
    public double Amplitude { get; }

    /// <summary>Whether rewards are Bernoulli draws (else the means).</summary>
    public bool Bernoulli { get; }

    /// <inheritdoc />
    public bool IsStationary => false;

    /// <inheritdoc />
    public long MaxHorizon => long.MaxValue;

    /// <inheritdoc />
    public IBanditOracle Start(ulong seed, long run) => new Oracle(this, seed, run);

    private sealed class Oracle : IBanditOracle
    {
        private readonly SinusoidEnvironment _env;
        private readonly double[] _frequency;
        private readonly double[] _phase;
        private readonly ulong _rewardKey;

        public Oracle(SinusoidEnvironment env, ulong seed, long run)
        {
            _env = env;
            ulong shape = CounterRng.Key(seed, run, CounterRng.Hash("sinusoid/shape"));
            _rewardKey = CounterRng.Key(seed, run, CounterRng.Hash("sinusoid/rewards"));
            _frequency = new double[env.Arms];
            _phase = new double[env.Arms];
            for (int a = 0; a < env.Arms; a++)
            {
                double period = env.Period * (0.5 + CounterRng.Uniform(shape, 0, a));
                _frequency[a] = 2 * Math.PI / period;
                _phase[a] = 2 * Math.PI * CounterRng.Uniform(shape, 1, a);
            }
        }

        public int Arms => _env.Arms;

        public bool IsStationary => false;

        public double Mean(long round, int arm) => 0.5 + (_env.Amplitude * Math.Sin((_frequency[arm] * round) + _phase[arm]));

        public double BestMean(long round)
        {
            double best = double.NegativeInfinity;
            for (int a = 0; a < _env.Arms; a++)
            {
                best = Math.Max(best, Mean(round, a));
            }

            return best;
        }

        public double Reward(long round, int arm)
        {
            double mean = Mean(round, arm);
            return _env.Bernoulli ? (CounterRng.Uniform(_rewardKey, round, arm) < mean ? 1.0 : 0.0) : mean;
        }
    }
}
