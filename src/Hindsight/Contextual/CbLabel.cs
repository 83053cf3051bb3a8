namespace Hindsight.Contextual;

/// <summary>The logged outcome of a contextual-bandit decision: which action was taken, its cost, and the probability
/// the logging policy gave it.</summary>
/// <param name="Action">The 0-based index of the logged action among the example's actions.</param>
/// <param name="Cost">The observed cost (lower is better; a reward r is logged as cost −r by Personalizer).</param>
/// <param name="Probability">The logging policy's probability of that action, in (0, 1].</param>
public readonly record struct CbLabel(int Action, float Cost, float Probability);
