namespace Hindsight.Bandits.Policies;

/// <summary>What an observation budget counts (Cheng, Zhou and Ji, ICML 2023).</summary>
public enum ObservationBudgetKind
{
    /// <summary>Bandit feedback is free; the budget B_ex counts extra observations of any arm.</summary>
    Extra,

    /// <summary>Nothing is free: the budget B counts every observation, the pulled arm's included.</summary>
    Total,
}
