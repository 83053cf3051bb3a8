using Hindsight.Numerics;

namespace Hindsight.Dueling.Policies;

/// <summary>
/// Relative upper confidence bound (RUCB; Zoghi et al., "Relative upper confidence bound for the K-armed dueling bandit
/// problem", ICML 2014): optimistic estimates U_ij = W_ij/n_ij + √(α ln t / n_ij) of P(i ≻ j) (1 when unplayed);
/// candidates C = arms whose U against every arm is at least ½; the first arm c is drawn from C, favouring the
/// hypothesized best arm B (probability ½ when B ⊂ C, the rest spread over C \ B); the second is c's strongest
/// challenger d = argmax_j U_jc. Regret O(K² + K log T) against a Condorcet winner, with α &gt; ½.
/// </summary>
/// <param name="arms">K ≥ 2.</param>
/// <param name="alpha">α &gt; ½ (the paper's experiments: 0.51).</param>
public sealed class Rucb(int arms, double alpha = 0.51) : IDuelingPolicy
{
    private readonly DuelingCounts _counts = new(arms >= 2 ? arms : throw new ArgumentOutOfRangeException(nameof(arms), "A dueling bandit needs at least 2 arms."));
    private readonly SeededRandom _rng = new(0);
    private readonly List<int> _candidates = [];
    private int _best = -1;
    private long _t;

    /// <inheritdoc />
    public int Arms => arms;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        _counts.Clear();
        _rng.Reseed(seed);
        _best = -1;
        _t = 0;
    }

    /// <inheritdoc />
    public (int First, int Second) Choose()
    {
        _t++;
        double spread = DuelingCounts.Spread(alpha, _t);
        _candidates.Clear();
        for (int c = 0; c < arms; c++)
        {
            bool all = true;
            for (int j = 0; j < arms && all; j++)
            {
                all = _counts.Bounds(c, j, spread).Upper >= 0.5;
            }

            if (all)
            {
                _candidates.Add(c);
            }
        }

        int first;
        if (_candidates.Count == 0)
        {
            _best = -1;
            first = _rng.Next(arms);
        }
        else
        {
            if (!_candidates.Contains(_best))
            {
                _best = -1; // B ← B ∩ C
            }

            if (_candidates.Count == 1)
            {
                _best = _candidates[0];
                first = _best;
            }
            else if (_best >= 0 && _rng.NextDouble() < 0.5)
            {
                first = _best;
            }
            else
            {
                // The other half (or all, when B is empty) spread evenly over C \ B.
                int others = _candidates.Count - (_best >= 0 ? 1 : 0), pick = _rng.Next(others);
                int skip = _best >= 0 ? _candidates.IndexOf(_best) : int.MaxValue; // C \ B, in order, without a query per round
                first = _candidates[pick < skip ? pick : pick + 1];
            }
        }

        double top = double.NegativeInfinity;
        int second = first, ties = 0;
        for (int j = 0; j < arms; j++)
        {
            double u = _counts.Bounds(j, first, spread).Upper;
            if (u > top)
            {
                top = u;
                second = j;
                ties = 1;
            }
            else if (u == top && _rng.Next(++ties) == 0)
            {
                second = j;
            }
        }

        return (first, second);
    }

    /// <inheritdoc />
    public void Update(int first, int second, bool firstWon) => _counts.Record(first, second, firstWon);
}
