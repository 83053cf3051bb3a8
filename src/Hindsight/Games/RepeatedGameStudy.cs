using Hindsight.Games.Solvers;
using Hindsight.Simulation;

namespace Hindsight.Games;

/// <summary>
/// A repeated-play study (<c>kind: game</c> specs): every game with every learner in self-play (each player runs its own
/// copy), measured by <see cref="SelfPlay"/> at geometric checkpoints, next to each game's exact equilibria.
/// </summary>
/// <param name="Name">The study's name.</param>
/// <param name="Description">An optional description.</param>
/// <param name="Horizon">Rounds of play.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Sampled">Whether full-information players see realized instead of expected payoffs.</param>
/// <param name="Games">The games.</param>
/// <param name="Learners">The learners.</param>
public sealed record RepeatedGameStudy(string Name, string? Description, long Horizon, ulong Seed, bool Sampled, IReadOnlyList<GameSetup> Games, IReadOnlyList<PlayerSetup> Learners)
{
    /// <summary>Whether the players update in turn each round (see <see cref="SelfPlay.Run"/>); simultaneous when false.</summary>
    public bool Alternating { get; init; }

    /// <summary>Plays every pair (in parallel; results do not depend on the threads) and solves every game.</summary>
    /// <returns>The result.</returns>
    /// <exception cref="InvalidOperationException">A run failed (the first failure is the inner exception).</exception>
    public RepeatedGameResult Run()
    {
        long[] checkpoints = Checkpoints.Geometric(Horizon, 30);
        var pairs = new RepeatedGamePair[Games.Count * Learners.Count];
        ParallelRuns.For(pairs.Length, k =>
        {
            GameSetup g = Games[k / Learners.Count];
            PlayerSetup l = Learners[k % Learners.Count];
            var players = Enumerable.Range(0, g.Game.Players.Count).Select(i => l.Create(g.Game.StrategyCount(i))).ToList();
            pairs[k] = new RepeatedGamePair(g.Name, l.Name, SelfPlay.Run(g.Game, players, checkpoints, Seed, Sampled, Alternating));
        });
        return new RepeatedGameResult(this, checkpoints, pairs, [.. Games.Select(Solve)]);
    }

    private static GameSolution Solve(GameSetup setup)
    {
        NormalFormGame game = setup.Game;
        if (game.Players.Count != 2)
        {
            return new GameSolution(setup.Name, "correlated (welfare-maximizing CE, LP)", [], null, CorrelatedSolver.Solve(game).Payoffs);
        }

        (string method, IReadOnlyList<Equilibrium> equilibria) = NashEquilibria.Find(game);
        return new GameSolution(setup.Name, method, equilibria, method == "linear-programming" ? equilibria[0].Payoffs : null, null);
    }
}
