namespace Hindsight.Relax;

/// <summary>The check every tuner makes of <see cref="IParameterTuner.Observe"/>.</summary>
internal static class Observation
{
    /// <summary>Refuses a cost for an arm the tuner did not just choose, or a cost that is negative or not finite.</summary>
    /// <param name="arm">The arm observed.</param>
    /// <param name="chosen">The arm the last Choose returned (−1 when none is pending).</param>
    /// <param name="cost">The cost.</param>
    public static void Check(int arm, int chosen, double cost)
    {
        if (arm != chosen)
        {
            throw new InvalidOperationException($"Observe({arm}) does not follow Choose (which returned {chosen}): a tuner learns from the cost of its own last choice.");
        }

        if (!(cost >= 0) || double.IsInfinity(cost))
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost, "A cost must be a finite number ≥ 0.");
        }
    }
}
