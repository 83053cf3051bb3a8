using Hindsight.Simulation;

namespace Hindsight.Games.Markov;

/// <summary>
/// An independent-learning study on Markov games (<c>kind: markov</c> specs): every game with every learner (each player
/// runs one per state), measured by <see cref="IndependentPlay"/>; zero-sum games get their exact value from
/// <see cref="ShapleyValueIteration"/>.
/// </summary>
/// <param name="Name">The study's name.</param>
/// <param name="Description">An optional description.</param>
/// <param name="Iterations">Iterations of play.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Games">The games.</param>
/// <param name="Learners">The learners (their <see cref="PlayerSetup.Create"/> must give experts learners).</param>
public sealed record MarkovStudy(string Name, string? Description, long Iterations, ulong Seed, IReadOnlyList<MarkovGameSetup> Games, IReadOnlyList<PlayerSetup> Learners)
{
    /// <summary>Plays every pair (in parallel; results do not depend on the threads).</summary>
    /// <returns>The result.</returns>
    /// <exception cref="InvalidOperationException">A run failed (the first failure is the inner exception).</exception>
    public MarkovStudyResult Run()
    {
        long[] checkpoints = Checkpoints.Geometric(Iterations, 20);
        var pairs = new MarkovPair[Games.Count * Learners.Count];
        ParallelRuns.For(pairs.Length, k =>
        {
            MarkovGameSetup g = Games[k / Learners.Count];
            PlayerSetup l = Learners[k % Learners.Count];
            pairs[k] = new MarkovPair(g.Name, l.Name, IndependentPlay.Run(g.Game, a => (Experts.IExpertsPolicy)l.Create(a), checkpoints, Seed));
        });
        double[]?[] values = [.. Games.Select(g => g.Game.IsZeroSum ? ShapleyValueIteration.Solve(g.Game).Values : null)];
        return new MarkovStudyResult(this, checkpoints, pairs, values);
    }
}
