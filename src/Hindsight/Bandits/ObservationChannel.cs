namespace Hindsight.Bandits;

/// <summary>
/// Observations beyond bandit feedback, under a budget: during round t a learner may look at the reward of any arm at
/// that round, each look costing one unit of the run's budget. The runner owns the channel and refuses a look past the
/// budget, so a learner cannot see more than it paid for ("Understanding the Role of Feedback in Online Learning with
/// Switching Costs", Cheng, Zhou and Ji, ICML 2023: bandit feedback plus B_ex extra observations, or B observations in
/// all).
/// </summary>
public sealed class ObservationChannel
{
    private readonly IBanditOracle _oracle;

    /// <summary>Creates a channel over one run's oracle.</summary>
    /// <param name="oracle">The run's realization.</param>
    /// <param name="budget">How many observations the whole run may make (≥ 0).</param>
    public ObservationChannel(IBanditOracle oracle, long budget)
    {
        ArgumentNullException.ThrowIfNull(oracle);
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        _oracle = oracle;
        Budget = budget;
    }

    /// <summary>The run's budget.</summary>
    public long Budget { get; }

    /// <summary>Observations made so far.</summary>
    public long Used { get; private set; }

    /// <summary>Observations left.</summary>
    public long Remaining => Budget - Used;

    /// <summary>The current round (1-based; 0 before the first).</summary>
    public long Round { get; private set; }

    /// <summary>Moves the channel to a round: only that round's rewards can be observed.</summary>
    /// <param name="round">The round t ≥ 1.</param>
    public void Begin(long round) => Round = round;

    /// <summary>Observes one arm's reward at the current round, spending one unit of the budget.</summary>
    /// <param name="arm">The arm.</param>
    /// <returns>Xₜ,ₐ.</returns>
    /// <exception cref="InvalidOperationException">The budget is spent, or no round has begun.</exception>
    public double Observe(int arm)
    {
        if (Round < 1)
        {
            throw new InvalidOperationException("No round has begun: observations are made during a round.");
        }

        if (Used >= Budget)
        {
            throw new InvalidOperationException($"The observation budget of {Budget} is spent (round {Round}).");
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)arm, (uint)_oracle.Arms, nameof(arm));
        Used++;
        return _oracle.Reward(Round, arm);
    }
}
