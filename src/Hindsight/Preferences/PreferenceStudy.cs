using Hindsight.Preferences.Learners;

namespace Hindsight.Preferences;

/// <summary>
/// Runs a preference learner against the exact targets of its game: the β-regularized Nash policy π*_β (β &gt; 0) or the
/// minimax winner (β = 0). Meters at each checkpoint, for the last iterate and the average of the iterates: the duality
/// gap of the β-regularized game, KL(π* ‖ π), and the win rate against the minimax winner.
/// </summary>
public static class PreferenceStudy
{
    /// <summary>Runs the learner.</summary>
    /// <param name="game">The game.</param>
    /// <param name="learner">The learner (reset here).</param>
    /// <param name="beta">β ≥ 0 of the game the meters measure (and the learner's β).</param>
    /// <param name="checkpoints">Increasing iteration counts (0 measures the starting policy).</param>
    /// <param name="targets">The game's targets for β, when already computed (null: computed here).</param>
    /// <returns>One measurement per checkpoint.</returns>
    public static IReadOnlyList<PreferenceCheckpoint> Run(PreferenceGame game, IPreferenceLearner learner, double beta, IReadOnlyList<long> checkpoints, PreferenceTargets? targets = null)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(learner);
        Simulation.Checkpoints.Validate(checkpoints, first: 0);
        targets ??= PreferenceTargets.Of(game, beta);
        TabularPolicy winner = targets.MinimaxWinner, target = targets.Nash;
        learner.Reset(game, beta);
        double[][] sum = [.. Enumerable.Range(0, game.Prompts).Select(x => new double[game.Responses(x)])];
        var points = new List<PreferenceCheckpoint>();
        long t = 0;
        learner.AddPolicyTo(sum);
        foreach (long checkpoint in checkpoints)
        {
            while (t < checkpoint)
            {
                learner.Step();
                t++;
                learner.AddPolicyTo(sum); // no policy built per iteration, only at checkpoints
            }

            TabularPolicy current = learner.Policy;

            var average = new TabularPolicy(sum.Select(s => s.Select(v => v / (t + 1)).ToArray()));
            points.Add(new PreferenceCheckpoint(
                t,
                game.DualityGap(current, beta),
                game.DualityGap(average, beta),
                game.Kl(target, current),
                game.Kl(target, average),
                game.WinRate(current, winner),
                game.WinRate(average, winner)));
        }

        return points;
    }
}
