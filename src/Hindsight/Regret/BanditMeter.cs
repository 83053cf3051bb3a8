using Hindsight.Bandits;

namespace Hindsight.Regret;

/// <summary>
/// Measures one quantity of a bandit run from the oracle view: a named regret, a count or a total.
/// One instance measures one run; the runner calls <see cref="Start"/>, then <see cref="Observe"/> every round.
/// </summary>
public abstract class BanditMeter
{
    /// <summary>The meter's name as it appears in spec files and results (e.g. <c>pseudo</c>).</summary>
    public abstract string Name { get; }

    /// <summary>What kind of quantity this is (decides where it goes in results.json).</summary>
    public abstract MeterKind Kind { get; }

    /// <summary>The value so far.</summary>
    public abstract double Value { get; }

    /// <summary>Starts measuring a run.</summary>
    /// <param name="oracle">The run's oracle view.</param>
    public abstract void Start(IBanditOracle oracle);

    /// <summary>Records one round.</summary>
    /// <param name="round">The round t ≥ 1.</param>
    /// <param name="arm">The arm pulled.</param>
    /// <param name="reward">The reward the learner received.</param>
    public abstract void Observe(long round, int arm, double reward);
}
