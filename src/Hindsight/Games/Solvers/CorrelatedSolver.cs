using Google.OrTools.LinearSolver;

namespace Hindsight.Games.Solvers;

/// <summary>
/// Correlated equilibria (Aumann, "Subjectivity and correlation in randomized strategies", 1974) and coarse correlated
/// equilibria (Moulin and Vial 1978) of an n-player game by linear programming with OR-Tools' GLOP: variables μ(p) ≥ 0
/// over the pure profiles with Σ μ = 1 and, for a CE, for every player i and pair s ≠ s',
/// Σ_{p: pᵢ = s} μ(p)(uᵢ(s', p₋ᵢ) − uᵢ(p)) ≤ 0 (no gain from swapping s for s' when told s); for a CCE, for every i and s',
/// Σₚ μ(p)(uᵢ(s', p₋ᵢ) − uᵢ(p)) ≤ 0 (no gain from committing to s' before being told). Both sets are polytopes; the LP
/// picks the point of largest social welfare Σᵢ Σₚ μ(p) uᵢ(p) (the usual selection, Papadimitriou and Roughgarden 2008).
/// </summary>
public static class CorrelatedSolver
{
    /// <summary>The most profiles the LP accepts (one variable each).</summary>
    public const int MaxProfiles = 100_000;

    /// <summary>Finds the welfare-maximizing correlated equilibrium.</summary>
    /// <param name="game">A game with at most <see cref="MaxProfiles"/> pure profiles.</param>
    /// <param name="coarse">True for a coarse correlated equilibrium.</param>
    /// <returns>The equilibrium.</returns>
    /// <exception cref="ArgumentException">The game has too many profiles.</exception>
    public static CorrelatedEquilibrium Solve(NormalFormGame game, bool coarse = false)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (game.Profiles > MaxProfiles)
        {
            throw new ArgumentException($"{game.Profiles} pure profiles, more than the correlated-equilibrium LP takes ({MaxProfiles}).", nameof(game));
        }

        int n = game.Players.Count;
        using Solver solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools' GLOP solver is not available.");
        Variable[] mu = [.. Enumerable.Range(0, game.Profiles).Select(_ => solver.MakeNumVar(0, 1, string.Empty))];
        Constraint sum = solver.MakeConstraint(1, 1, string.Empty);
        Objective welfare = solver.Objective();
        for (int p = 0; p < game.Profiles; p++)
        {
            sum.SetCoefficient(mu[p], 1);
            double total = 0;
            for (int i = 0; i < n; i++)
            {
                total += game.Payoff(i, p);
            }

            welfare.SetCoefficient(mu[p], total);
        }

        welfare.SetMaximization();
        for (int i = 0; i < n; i++)
        {
            int k = game.StrategyCount(i), stride = game.Stride(i);
            for (int to = 0; to < k; to++)
            {
                if (coarse)
                {
                    Constraint gain = solver.MakeConstraint(double.NegativeInfinity, 0, string.Empty);
                    for (int p = 0; p < game.Profiles; p++)
                    {
                        int own = p / stride % k;
                        gain.SetCoefficient(mu[p], game.Payoff(i, p + ((to - own) * stride)) - game.Payoff(i, p));
                    }

                    continue;
                }

                for (int from = 0; from < k; from++)
                {
                    if (from == to)
                    {
                        continue;
                    }

                    Constraint gain = solver.MakeConstraint(double.NegativeInfinity, 0, string.Empty);
                    for (int p = 0; p < game.Profiles; p++)
                    {
                        if (p / stride % k == from)
                        {
                            gain.SetCoefficient(mu[p], game.Payoff(i, p + ((to - from) * stride)) - game.Payoff(i, p));
                        }
                    }
                }
            }
        }

        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.PRIMAL_TOLERANCE, 1e-12);
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.DUAL_TOLERANCE, 1e-12);
        Solver.ResultStatus status = solver.Solve(parameters);
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            throw new InvalidOperationException($"GLOP did not find the optimum ({status}).");
        }

        double[] joint = [.. mu.Select(v => Math.Max(0, v.SolutionValue()))];
        double mass = joint.Sum();
        for (int p = 0; p < joint.Length; p++)
        {
            joint[p] /= mass;
        }

        double[] payoffs = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int p = 0; p < joint.Length; p++)
            {
                payoffs[i] += joint[p] * game.Payoff(i, p);
            }
        }

        return new CorrelatedEquilibrium(joint, payoffs);
    }
}
