namespace Hindsight.Reactive;

/// <summary>One run of a learner on a reactive bandit and of its comparators on the same random numbers.</summary>
/// <param name="LearnerReward">Σₜ rₜ(a₁…aₜ): the learner's realized reward.</param>
/// <param name="CounterfactualRewards">For each arm a, Σₜ rₜ(a₁…aₜ₋₁, a): what a one-round deviation to a would have
/// paid each round, the learner's history held fixed.</param>
/// <param name="FixedArmRewards">For each arm a, Σₜ rₜ(a, …, a): the arm played every round from the start.</param>
/// <param name="PlannerRewards">Each planner's reward over the same rounds, by name.</param>
public sealed record PolicyRegretResult(double LearnerReward, double[] CounterfactualRewards, double[] FixedArmRewards, IReadOnlyDictionary<string, double> PlannerRewards)
{
    /// <summary>
    /// External regret: maxₐ Σₜ rₜ(a₁…aₜ₋₁, a) − Σₜ rₜ(a₁…aₜ). It compares with arms evaluated on the learner's own
    /// history, so against a reactive environment it can be negative while the learner does badly (Arora, Dekel and
    /// Tewari, "Online Bandit Learning against an Adaptive Adversary: from Regret to Policy Regret", ICML 2012).
    /// </summary>
    public double ExternalRegret => CounterfactualRewards.Max() - LearnerReward;

    /// <summary>
    /// Policy regret: maxₐ Σₜ rₜ(a, …, a) − Σₜ rₜ(a₁…aₜ), the best fixed arm replayed from the start on the same random
    /// numbers (Arora, Dekel and Tewari 2012). For a weighted tallying bandit under repeated-exposure optimality the best
    /// action sequence is the optimal arm repeated, so this is its complete policy regret up to the first m rounds
    /// (Malik, Li and Singh, "Weighted Tallying Bandits", ICML 2023).
    /// </summary>
    public double PolicyRegret => FixedArmRewards.Max() - LearnerReward;

    /// <summary>Regret against a planner: its reward minus the learner's (regret against the offline benchmark).</summary>
    /// <param name="planner">The planner's name.</param>
    /// <returns>The regret.</returns>
    public double RegretAgainst(string planner) => PlannerRewards[planner] - LearnerReward;
}
