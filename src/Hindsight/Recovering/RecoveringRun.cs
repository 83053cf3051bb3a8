namespace Hindsight.Recovering;

/// <summary>Runs a policy on a bandit with recovering rewards.</summary>
public static class RecoveringRun
{
    /// <summary>The total reward of a policy over T periods of one run.</summary>
    /// <param name="bandit">The bandit.</param>
    /// <param name="policy">The policy (reset with the run's seed first).</param>
    /// <param name="periods">T ≥ 1.</param>
    /// <param name="seed">The experiment's seed.</param>
    /// <param name="run">The run index.</param>
    /// <returns>Σₜ rewards.</returns>
    public static double Total(RecoveringBandit bandit, IRecoveringPolicy policy, long periods, ulong seed, long run)
    {
        ArgumentNullException.ThrowIfNull(bandit);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        policy.Reset(seed + (ulong)run);
        RecoveringState state = bandit.Start(seed, run);
        var arms = new int[bandit.Pulls];
        var rewards = new double[bandit.Pulls];
        double total = 0;
        for (long t = 0; t < periods; t++)
        {
            int count = policy.Choose(arms);
            total += state.Play(arms.AsSpan(0, count), rewards);
            policy.Update(arms.AsSpan(0, count), rewards.AsSpan(0, count));
        }

        return total;
    }

    /// <summary>Regret against the offline benchmark (the purely periodic policy on the true curves), on the same
    /// random numbers: Σₜ rₜ(benchmark) − Σₜ rₜ(policy).</summary>
    /// <param name="bandit">The bandit.</param>
    /// <param name="policy">The learner.</param>
    /// <param name="periods">T.</param>
    /// <param name="seed">The experiment's seed.</param>
    /// <param name="run">The run index.</param>
    /// <returns>The regret.</returns>
    public static double Regret(RecoveringBandit bandit, IRecoveringPolicy policy, long periods, ulong seed, long run)
        => Total(bandit, new PurelyPeriodicPolicy(bandit), periods, seed, run) - Total(bandit, policy, periods, seed, run);
}
