namespace Hindsight.Bandits.Policies;

/// <summary>Shared helpers of the greedy family: the empirically best arm, ties to the lowest index.</summary>
internal static class Greedy
{
    /// <summary>Returns the arm of largest empirical mean (ties to the lowest index).</summary>
    public static int BestMean(ReadOnlySpan<ArmStats> stats)
    {
        int best = 0;
        double bestMean = stats[0].Mean;
        for (int i = 1; i < stats.Length; i++)
        {
            double m = stats[i].Mean;
            if (m > bestMean)
            {
                bestMean = m;
                best = i;
            }
        }

        return best;
    }
}
