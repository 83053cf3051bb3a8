namespace Hindsight.Dueling.Policies;

/// <summary>The win counts W[i, j] (times i beat j) and the relative confidence bounds of RUCB and DTS.</summary>
internal sealed class DuelingCounts(int arms)
{
    private readonly double[,] _wins = new double[arms, arms];

    public int Arms => arms;

    public double Wins(int i, int j) => _wins[i, j];

    public void Clear() => Array.Clear(_wins);

    public void Record(int first, int second, bool firstWon)
    {
        if (first == second)
        {
            return; // a self-duel says nothing about relative strength
        }

        if (firstWon)
        {
            _wins[first, second]++;
        }
        else
        {
            _wins[second, first]++;
        }
    }

    /// <summary>α ln t (t ≥ 2), the numerator of every confidence width in round t: computed once a round.</summary>
    public static double Spread(double alpha, long t) => alpha * Math.Log(Math.Max(t, 2));

    /// <summary>W_ij/n_ij ± √(<paramref name="spread"/> / n_ij) with n_ij = W_ij + W_ji and spread = α ln t
    /// (<see cref="Spread"/>); ½ on the diagonal; [0, 1] when unplayed.</summary>
    public (double Lower, double Upper) Bounds(int i, int j, double spread)
    {
        if (i == j)
        {
            return (0.5, 0.5);
        }

        double n = _wins[i, j] + _wins[j, i];
        if (n == 0)
        {
            return (0, 1);
        }

        double mean = _wins[i, j] / n, width = Math.Sqrt(spread / n);
        return (Math.Max(0, mean - width), Math.Min(1, mean + width));
    }
}
