using Hindsight.Bandits;

namespace Hindsight.Reactive;

/// <summary>
/// Runs a learner on a reactive bandit and replays its comparators — every fixed arm, and any planners — on clones of
/// the environment's start, so that every policy meets the same random numbers in each round.
/// </summary>
public static class PolicyRegretMeter
{
    /// <summary>Measures one run.</summary>
    /// <param name="bandit">The environment.</param>
    /// <param name="policy">The learner (reset with the run's seed first).</param>
    /// <param name="horizon">Rounds T ≥ 1.</param>
    /// <param name="seed">The experiment's seed.</param>
    /// <param name="run">The run index.</param>
    /// <param name="planners">Full-information comparators (may be empty).</param>
    /// <returns>The rewards of the learner and of each comparator.</returns>
    public static PolicyRegretResult Run(IReactiveBandit bandit, IBanditPolicy policy, long horizon, ulong seed, long run, IReadOnlyList<IReactivePlanner>? planners = null)
    {
        Check(bandit, policy, horizon); // before the replays
        return Run(bandit, policy, horizon, seed, run, Comparators(bandit, horizon, seed, run, planners));
    }

    /// <summary>Measures one run against comparator rewards replayed already (they depend on the environment, the
    /// horizon, the seed and the run, not on the learner: a study replays them once for all its learners).</summary>
    /// <param name="bandit">The environment.</param>
    /// <param name="policy">The learner (reset with the run's seed first).</param>
    /// <param name="horizon">Rounds T ≥ 1.</param>
    /// <param name="seed">The experiment's seed.</param>
    /// <param name="run">The run index.</param>
    /// <param name="comparators">From <see cref="Comparators"/> with the same bandit, horizon, seed and run.</param>
    /// <returns>The rewards of the learner and of each comparator.</returns>
    public static PolicyRegretResult Run(IReactiveBandit bandit, IBanditPolicy policy, long horizon, ulong seed, long run, ComparatorRewards comparators)
    {
        ArgumentNullException.ThrowIfNull(comparators);
        Check(bandit, policy, horizon);

        int k = bandit.Arms;
        policy.Reset(seed + (ulong)run);
        IReactiveState state = bandit.Start(seed, run);
        var counterfactual = new double[k];
        double learner = 0;
        for (long t = 0; t < horizon; t++)
        {
            for (int a = 0; a < k; a++)
            {
                counterfactual[a] += state.Reward(a);
            }

            int arm = policy.Choose();
            double reward = state.Reward(arm);
            state.Play(arm);
            policy.Update(arm, reward);
            learner += reward;
        }

        return new PolicyRegretResult(learner, counterfactual, comparators.FixedArms, comparators.Planners);
    }

    private static void Check(IReactiveBandit bandit, IBanditPolicy policy, long horizon)
    {
        ArgumentNullException.ThrowIfNull(bandit);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        if (policy.Arms != bandit.Arms)
        {
            throw new ArgumentException($"The policy has {policy.Arms} arms but the environment {bandit.Arms}.", nameof(policy));
        }
    }

    /// <summary>Replays every fixed arm and every planner from the environment's start.</summary>
    /// <param name="bandit">The environment.</param>
    /// <param name="horizon">Rounds T ≥ 1.</param>
    /// <param name="seed">The experiment's seed.</param>
    /// <param name="run">The run index.</param>
    /// <param name="planners">Full-information comparators (may be empty; each is used for this replay only).</param>
    /// <returns>Their rewards.</returns>
    public static ComparatorRewards Comparators(IReactiveBandit bandit, long horizon, ulong seed, long run, IReadOnlyList<IReactivePlanner>? planners = null)
    {
        ArgumentNullException.ThrowIfNull(bandit);
        var fixedArms = new double[bandit.Arms];
        for (int a = 0; a < fixedArms.Length; a++)
        {
            int arm = a;
            fixedArms[a] = Replay(bandit, _ => arm, horizon, seed, run);
        }

        var plannerRewards = new Dictionary<string, double>();
        foreach (IReactivePlanner planner in planners ?? [])
        {
            plannerRewards[planner.Name] = Replay(bandit, planner.Choose, horizon, seed, run);
        }

        return new ComparatorRewards(fixedArms, plannerRewards);
    }

    /// <summary>The realized reward of a state-reading policy over T rounds from the environment's start.</summary>
    /// <param name="bandit">The environment.</param>
    /// <param name="choose">Picks the arm from the state.</param>
    /// <param name="horizon">Rounds T.</param>
    /// <param name="seed">The experiment's seed.</param>
    /// <param name="run">The run index.</param>
    /// <returns>Σₜ rₜ.</returns>
    public static double Replay(IReactiveBandit bandit, Func<IReactiveState, int> choose, long horizon, ulong seed, long run)
    {
        ArgumentNullException.ThrowIfNull(bandit);
        ArgumentNullException.ThrowIfNull(choose);
        IReactiveState state = bandit.Start(seed, run);
        double total = 0;
        for (long t = 0; t < horizon; t++)
        {
            int arm = choose(state);
            total += state.Reward(arm);
            state.Play(arm);
        }

        return total;
    }
}
