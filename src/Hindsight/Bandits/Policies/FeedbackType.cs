namespace Hindsight.Bandits.Policies;

/// <summary>Which feedback a <see cref="BudgetedFeedback"/> learner spends its budget on.</summary>
public enum FeedbackType
{
    /// <summary>Whichever of the two has the smaller regret bound for (T, K, budget).</summary>
    Auto,

    /// <summary>Bandit feedback: the pulled arm only, one arm per block (batched EXP3).</summary>
    Bandit,

    /// <summary>Full-information observations: every arm at chosen rounds (lazy exponential weights).</summary>
    Full,
}
