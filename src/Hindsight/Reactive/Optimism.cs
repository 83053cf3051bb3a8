namespace Hindsight.Reactive;

/// <summary>Upper confidence bounds on a table of Bernoulli means indexed by a delay, made monotone as the true curve is:
/// what the online planners of recovering-reward and last-switch bandits plan on.</summary>
internal static class Optimism
{
    /// <summary>min(1, mean + √(2 ln t / n)), or 1 for a cell never observed.</summary>
    public static double Upper(double sum, long count, double log) => count == 0 ? 1.0 : Math.Min(1.0, (sum / count) + Math.Sqrt(2 * log / count));

    /// <summary>UCRL2's epoch rule (Jaksch, Ortner and Auer 2010): replan once a cell has been observed, since the last
    /// plan, as often as before it.</summary>
    /// <param name="count">The cell's observations now.</param>
    /// <param name="atPlan">Its observations when the plan was made.</param>
    /// <returns>True when it is time to replan.</returns>
    public static bool HasDoubled(long count, long atPlan) => count - atPlan >= Math.Max(1, atPlan);

    /// <summary>Running minimum of the bounds from the last cell towards the first: a curve nondecreasing in the delay
    /// is bounded at d by the bound of every longer delay.</summary>
    /// <param name="upper">The bounds, in delay order; overwritten by the envelope.</param>
    public static void NondecreasingEnvelope(Span<double> upper)
    {
        double running = 1.0;
        for (int i = upper.Length - 1; i >= 0; i--)
        {
            running = Math.Min(running, upper[i]);
            upper[i] = running;
        }
    }

    /// <summary>Running minimum from the first cell on: a curve nonincreasing in the delay is bounded at s by the bound of
    /// every shorter delay.</summary>
    /// <param name="upper">The bounds, in delay order; overwritten by the envelope.</param>
    public static void NonincreasingEnvelope(Span<double> upper)
    {
        double running = 1.0;
        for (int i = 0; i < upper.Length; i++)
        {
            running = Math.Min(running, upper[i]);
            upper[i] = running;
        }
    }
}
