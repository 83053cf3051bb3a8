namespace Hindsight.Recovering;

/// <summary>The offline benchmark: the purely periodic schedule planned with the true recovery curves
/// (<see cref="PeriodicSchedule.Plan"/>), followed for ever.</summary>
public sealed class PurelyPeriodicPolicy : IRecoveringPolicy
{
    private long _period;

    /// <summary>Plans the schedule for a bandit whose curves it is told.</summary>
    /// <param name="bandit">The bandit.</param>
    public PurelyPeriodicPolicy(RecoveringBandit bandit)
    {
        ArgumentNullException.ThrowIfNull(bandit);
        Schedule = PeriodicSchedule.Plan(bandit.Arms, bandit.Pulls, bandit.MaxIdle, bandit.Mean);
    }

    /// <summary>The schedule.</summary>
    public PeriodicSchedule Schedule { get; }

    /// <inheritdoc />
    public void Reset(ulong seed) => _period = 0;

    /// <inheritdoc />
    public int Choose(Span<int> arms) => Schedule.Due(_period, arms);

    /// <inheritdoc />
    public void Update(ReadOnlySpan<int> arms, ReadOnlySpan<double> rewards) => _period++;
}
