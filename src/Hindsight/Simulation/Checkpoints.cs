namespace Hindsight.Simulation;

/// <summary>Geometric checkpoints: the rounds at which curves are sampled.</summary>
public static class Checkpoints
{
    /// <summary>About <paramref name="count"/> distinct rounds spaced geometrically from 1 to the horizon, which is always last.</summary>
    /// <param name="horizon">The horizon T ≥ 1.</param>
    /// <param name="count">The target number of points (≥ 2).</param>
    /// <returns>Increasing rounds ending at T.</returns>
    public static long[] Geometric(long horizon, int count = 50)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var points = new SortedSet<long>();
        double logT = Math.Log(horizon);
        for (int i = 0; i < count; i++)
        {
            long t = (long)Math.Round(Math.Exp(logT * i / (count - 1)));
            points.Add(Math.Clamp(t, 1, horizon));
        }

        points.Add(horizon);
        return [.. points];
    }

    /// <summary>Checks that checkpoints are strictly increasing and at least <paramref name="first"/> (a run that waits
    /// for a round it has passed would never end).</summary>
    /// <param name="checkpoints">The checkpoints.</param>
    /// <param name="first">The smallest allowed value (1 for rounds, 0 where round 0 is the start).</param>
    /// <exception cref="ArgumentException">They are not.</exception>
    public static void Validate(IReadOnlyList<long> checkpoints, long first = 1)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        for (int c = 0; c < checkpoints.Count; c++)
        {
            if (checkpoints[c] < first || (c > 0 && checkpoints[c] <= checkpoints[c - 1]))
            {
                throw new ArgumentException($"Checkpoints must increase strictly from {first} or more; checkpoint {c} is {checkpoints[c]}.", nameof(checkpoints));
            }
        }
    }
}
