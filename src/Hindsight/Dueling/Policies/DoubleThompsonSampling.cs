using Hindsight.Numerics;
using MathNet.Numerics.Distributions;

namespace Hindsight.Dueling.Policies;

/// <summary>
/// Double Thompson sampling (DTS; Wu and Liu, "Double Thompson sampling for dueling bandits", NeurIPS 2016): the first
/// arm is the Copeland winner of one posterior sample θ⁽¹⁾_ij ~ Beta(W_ij + 1, W_ji + 1), restricted to the arms whose
/// optimistic Copeland score (from the upper bounds U_ij = W_ij/n_ij + √(α ln t/n_ij)) is largest; the second is the
/// arm most likely to beat it in an independent sample θ⁽²⁾_{i,a₁}, among the arms not surely beaten by it
/// (lower bound L_{i,a₁} ≤ ½). Regret O(K² log T) for Copeland winners, O(K log T) with a Condorcet winner.
/// </summary>
/// <param name="arms">K ≥ 2.</param>
/// <param name="alpha">α &gt; ½ of the confidence bounds (the paper: 0.51).</param>
public sealed class DoubleThompsonSampling(int arms, double alpha = 0.51) : IDuelingPolicy
{
    private readonly DuelingCounts _counts = new(arms >= 2 ? arms : throw new ArgumentOutOfRangeException(nameof(arms), "A dueling bandit needs at least 2 arms."));
    private readonly SeededRandom _rng = new(0);
    private readonly double[,] _theta = new double[arms, arms];
    private readonly double[] _copeland = new double[arms];
    private long _t;

    /// <inheritdoc />
    public int Arms => arms;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        _counts.Clear();
        _rng.Reseed(seed);
        _t = 0;
    }

    /// <inheritdoc />
    public (int First, int Second) Choose()
    {
        _t++;
        double spread = DuelingCounts.Spread(alpha, _t);
        double top = double.NegativeInfinity;
        for (int i = 0; i < arms; i++)
        {
            int beats = 0;
            for (int j = 0; j < arms; j++)
            {
                if (j != i && _counts.Bounds(i, j, spread).Upper > 0.5)
                {
                    beats++;
                }
            }

            _copeland[i] = beats;
            top = Math.Max(top, beats);
        }

        for (int i = 0; i < arms; i++)
        {
            _theta[i, i] = 0.5;
            for (int j = i + 1; j < arms; j++)
            {
                _theta[i, j] = Beta.Sample(_rng, _counts.Wins(i, j) + 1, _counts.Wins(j, i) + 1);
                _theta[j, i] = 1 - _theta[i, j];
            }
        }

        int first = -1, ties = 0, bestScore = -1;
        for (int i = 0; i < arms; i++)
        {
            if (_copeland[i] != top)
            {
                continue;
            }

            int score = 0;
            for (int j = 0; j < arms; j++)
            {
                if (j != i && _theta[i, j] > 0.5)
                {
                    score++;
                }
            }

            if (score > bestScore)
            {
                (first, bestScore, ties) = (i, score, 1);
            }
            else if (score == bestScore && _rng.Next(++ties) == 0)
            {
                first = i;
            }
        }

        int second = first;
        double best = 0.5; // a₁ against itself
        ties = 1;
        for (int i = 0; i < arms; i++)
        {
            if (i == first || _counts.Bounds(i, first, spread).Lower > 0.5)
            {
                continue;
            }

            double sample = Beta.Sample(_rng, _counts.Wins(i, first) + 1, _counts.Wins(first, i) + 1);
            if (sample > best)
            {
                (second, best, ties) = (i, sample, 1);
            }
            else if (sample == best && _rng.Next(++ties) == 0)
            {
                second = i;
            }
        }

        return (first, second);
    }

    /// <inheritdoc />
    public void Update(int first, int second, bool firstWon) => _counts.Record(first, second, firstWon);
}
