using Hindsight.Numerics;
using Hindsight.Preferences;

namespace Hindsight.Dueling;

/// <summary>
/// The K-armed dueling bandit (Yue et al., "The K-armed dueling bandits problem", JCSS 2012): each round the learner
/// picks two arms (possibly the same) and sees only which one won, arm i beating arm j with probability P(i ≻ j)
/// (P + Pᵀ = 1). The <b>Condorcet winner</b>, when it exists, beats every other arm with probability above ½; a
/// <b>Copeland winner</b> beats the most other arms (one always exists).
/// </summary>
public sealed class DuelingEnvironment
{
    private readonly double[,] _p;

    /// <summary>Creates the environment.</summary>
    /// <param name="preferences">P[i, j] = P(i ≻ j): in [0, 1] with P + Pᵀ = 1.</param>
    /// <exception cref="ArgumentException">Not square (at least 2 arms), or not a preference matrix.</exception>
    public DuelingEnvironment(double[,] preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        int k = preferences.GetLength(0);
        if (k < 2 || preferences.GetLength(1) != k)
        {
            throw new ArgumentException("A dueling bandit needs a square preference matrix over at least 2 arms.", nameof(preferences));
        }

        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double v = preferences[i, j];
                if (!(v >= 0 && v <= 1) || Math.Abs(v + preferences[j, i] - 1) > 1e-9)
                {
                    throw new ArgumentException($"P[{i}, {j}] = {v} and P[{j}, {i}] = {preferences[j, i]}: preferences must lie in [0, 1] and P + Pᵀ = 1.", nameof(preferences));
                }
            }
        }

        _p = (double[,])preferences.Clone();
        Copeland = [.. Enumerable.Range(0, k).Select(i => Enumerable.Range(0, k).Count(j => j != i && _p[i, j] > 0.5) / (double)(k - 1))];
        int best = Enumerable.Range(0, k).FirstOrDefault(i => Copeland[i] == 1, -1);
        CondorcetWinner = best >= 0 ? best : null;
    }

    /// <summary>K.</summary>
    public int Arms => _p.GetLength(0);

    /// <summary>The Condorcet winner, or null when none exists.</summary>
    public int? CondorcetWinner { get; }

    /// <summary>Each arm's normalized Copeland score: the fraction of the other arms it beats (P &gt; ½).</summary>
    public IReadOnlyList<double> Copeland { get; }

    /// <summary>P(i ≻ j).</summary>
    /// <param name="first">i.</param>
    /// <param name="second">j.</param>
    /// <returns>The probability that i wins.</returns>
    public double Preference(int first, int second) => _p[first, second];

    /// <summary>Plays a duel.</summary>
    /// <param name="first">i.</param>
    /// <param name="second">j.</param>
    /// <param name="rng">The randomness.</param>
    /// <returns>True when i wins.</returns>
    public bool Duel(int first, int second, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return rng.NextDouble() < _p[first, second];
    }

    /// <summary>The duel of one prompt of a preference game (its responses become arms).</summary>
    /// <param name="game">The game.</param>
    /// <param name="prompt">The prompt.</param>
    /// <returns>The environment.</returns>
    public static DuelingEnvironment FromPreferences(PreferenceGame game, int prompt)
    {
        ArgumentNullException.ThrowIfNull(game);
        int k = game.Responses(prompt);
        var p = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                p[i, j] = game.Preference(prompt, i, j);
            }
        }

        return new DuelingEnvironment(p);
    }

    /// <summary>
    /// A random problem with a planted Condorcet winner (arm 0): P(0 ≻ j) = ½ + gap for every j, and the other pairs
    /// uniform on [½ − spread, ½ + spread] (so the rest may be cyclic).
    /// </summary>
    /// <param name="arms">K ≥ 2.</param>
    /// <param name="gap">The winner's margin, in (0, ½].</param>
    /// <param name="spread">The other pairs' spread, in [0, ½].</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The environment.</returns>
    public static DuelingEnvironment PlantedCondorcet(int arms, double gap, double spread, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 2);
        if (!(gap > 0 && gap <= 0.5) || !(spread >= 0 && spread <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(gap), "Need 0 < gap ≤ ½ and 0 ≤ spread ≤ ½.");
        }

        var rng = new SeededRandom(seed);
        var p = new double[arms, arms];
        for (int i = 0; i < arms; i++)
        {
            p[i, i] = 0.5;
            for (int j = i + 1; j < arms; j++)
            {
                p[i, j] = i == 0 ? 0.5 + gap : 0.5 + (spread * ((2 * rng.NextDouble()) - 1));
                p[j, i] = 1 - p[i, j];
            }
        }

        return new DuelingEnvironment(p);
    }
}
