using Hindsight.Numerics;
using Hindsight.Simulation;

namespace Hindsight.Dueling;

/// <summary>Plays a dueling-bandit learner against an environment and meters Condorcet and Copeland regret.</summary>
public static class DuelingRun
{
    /// <summary>Runs the learner.</summary>
    /// <param name="environment">The environment.</param>
    /// <param name="policy">The learner (reset here).</param>
    /// <param name="checkpoints">Increasing rounds; the last is the horizon.</param>
    /// <param name="seed">Seed of the learner and the duels' outcomes.</param>
    /// <returns>One measurement per checkpoint.</returns>
    public static IReadOnlyList<DuelingCheckpoint> Run(DuelingEnvironment environment, IDuelingPolicy policy, IReadOnlyList<long> checkpoints, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(policy);
        Checkpoints.Validate(checkpoints);
        if (policy.Arms != environment.Arms)
        {
            throw new ArgumentException($"The environment has {environment.Arms} arms; the learner {policy.Arms}.", nameof(policy));
        }

        policy.Reset(seed);
        var rng = new SeededRandom(seed ^ 0xD0E1UL);
        int? condorcet = environment.CondorcetWinner;
        double best = environment.Copeland.Max();
        double condorcetRegret = 0, copelandRegret = 0;
        long winners = 0;
        var points = new List<DuelingCheckpoint>();
        int next = 0;
        for (long t = 1; next < checkpoints.Count; t++)
        {
            (int a, int b) = policy.Choose();
            policy.Update(a, b, environment.Duel(a, b, rng));
            if (condorcet is int w)
            {
                condorcetRegret += (environment.Preference(w, a) + environment.Preference(w, b) - 1) / 2;
            }

            copelandRegret += best - ((environment.Copeland[a] + environment.Copeland[b]) / 2);
            if (environment.Copeland[a] == best && environment.Copeland[b] == best)
            {
                winners++;
            }

            if (t == checkpoints[next])
            {
                points.Add(new DuelingCheckpoint(t, condorcet is null ? double.NaN : condorcetRegret, copelandRegret, winners / (double)t));
                next++;
            }
        }

        return points;
    }
}
