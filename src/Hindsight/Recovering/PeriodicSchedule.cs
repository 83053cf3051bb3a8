namespace Hindsight.Recovering;

/// <summary>
/// A purely periodic schedule (Simchi-Levi, Zheng and Zhu 2021): arm i is pulled in the periods t ≡ oᵢ (mod pᵢ) (or
/// never), at most K arms a period. Periods are powers of two, which makes every choice with Σᵢ 1/pᵢ ≤ K schedulable by
/// first fit on K machines (a residue r mod p is free on a machine when no arm there with period p' ≤ p has
/// r ≡ o (mod p')).
/// </summary>
/// <remarks>
/// <see cref="Plan"/> maximizes the long-run reward rate Σᵢ Rᵢ(pᵢ)/pᵢ over pᵢ ∈ {1, 2, 4, …} ∪ {∞} subject to
/// Σᵢ 1/pᵢ ≤ K by Lagrangian relaxation: for a price λ each arm takes argmax_p (Rᵢ(p) − λ)/p, and λ is the smallest
/// price (bisection) that fits the capacity. The paper's rounding of its fluid relaxation is replaced by this dual
/// search on power-of-two periods, which keeps a constant fraction of the fluid optimum and is exactly schedulable.
/// </remarks>
public sealed class PeriodicSchedule
{
    private readonly int[] _periods;
    private readonly int[] _offsets;

    private PeriodicSchedule(int[] periods, int[] offsets)
    {
        _periods = periods;
        _offsets = offsets;
    }

    /// <summary>Each arm's period (0: never pulled).</summary>
    public IReadOnlyList<int> Periods => _periods;

    /// <summary>The long-run reward rate Σᵢ Rᵢ(pᵢ)/pᵢ of a schedule under given recovery curves.</summary>
    /// <param name="mean">Rᵢ(z).</param>
    /// <returns>Reward per period.</returns>
    public double Rate(Func<int, int, double> mean)
    {
        ArgumentNullException.ThrowIfNull(mean);
        double rate = 0;
        for (int i = 0; i < _periods.Length; i++)
        {
            rate += _periods[i] > 0 ? mean(i, _periods[i]) / _periods[i] : 0;
        }

        return rate;
    }

    /// <summary>Writes the arms due in period t (0-based).</summary>
    /// <param name="period">t.</param>
    /// <param name="arms">Room for K arms.</param>
    /// <returns>How many are due.</returns>
    public int Due(long period, Span<int> arms)
    {
        int count = 0;
        for (int i = 0; i < _periods.Length; i++)
        {
            if (_periods[i] > 0 && period % _periods[i] == _offsets[i])
            {
                arms[count++] = i;
            }
        }

        return count;
    }

    /// <summary>Plans periods for N arms and K pulls a period.</summary>
    /// <param name="arms">N.</param>
    /// <param name="pulls">K.</param>
    /// <param name="maxIdle">z_max: periods beyond it gain nothing; powers of two up to 2 z_max N are tried (long periods
    /// matter only to fit the capacity).</param>
    /// <param name="mean">Rᵢ(z), nondecreasing in z.</param>
    /// <returns>The schedule.</returns>
    public static PeriodicSchedule Plan(int arms, int pulls, int maxIdle, Func<int, int, double> mean)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pulls, 1);
        ArgumentNullException.ThrowIfNull(mean);
        var candidates = new List<int>();
        for (int p = 1; p <= Math.Max(maxIdle, 1) * 2 * arms && p > 0; p *= 2)
        {
            candidates.Add(p);
        }

        var values = new double[arms, candidates.Count];
        for (int i = 0; i < arms; i++)
        {
            for (int c = 0; c < candidates.Count; c++)
            {
                values[i, c] = mean(i, candidates[c]);
            }
        }

        int[] Choose(double price)
        {
            var chosen = new int[arms];
            for (int i = 0; i < arms; i++)
            {
                double best = 0;
                for (int c = 0; c < candidates.Count; c++)
                {
                    double gain = (values[i, c] - price) / candidates[c];
                    if (gain > best + 1e-15)
                    {
                        (best, chosen[i]) = (gain, candidates[c]);
                    }
                }
            }

            return chosen;
        }

        static double Load(int[] periods) => periods.Sum(p => p > 0 ? 1.0 / p : 0.0);

        int[] periods = Choose(0);
        if (Load(periods) > pulls)
        {
            double low = 0, high = 1;
            while (Load(Choose(high)) > pulls)
            {
                high *= 2;
            }

            for (int step = 0; step < 60; step++)
            {
                double middle = (low + high) / 2;
                (low, high) = Load(Choose(middle)) > pulls ? (middle, high) : (low, middle);
            }

            periods = Choose(high);
        }

        Fill(periods, pulls, candidates, values);
        return new PeriodicSchedule(periods, Offsets(periods, pulls));
    }

    /// <summary>Uses capacity the price left idle (ties make the load jump): repeatedly shortens the period of the arm
    /// whose rate gains most per unit of load, while the load stays within K.</summary>
    private static void Fill(int[] periods, int pulls, List<int> candidates, double[,] values)
    {
        double load = periods.Sum(p => p > 0 ? 1.0 / p : 0.0);
        while (true)
        {
            (int arm, int period, double score) best = (-1, 0, 0.0);
            for (int i = 0; i < periods.Length; i++)
            {
                int current = periods[i] > 0 ? candidates.IndexOf(periods[i]) : candidates.Count;
                double rate = current < candidates.Count ? values[i, current] / candidates[current] : 0.0;
                double used = periods[i] > 0 ? 1.0 / periods[i] : 0.0;
                for (int c = 0; c < current; c++)
                {
                    double extra = (1.0 / candidates[c]) - used;
                    double gain = (values[i, c] / candidates[c]) - rate;
                    if (load + extra <= pulls + 1e-12 && gain > 1e-12 && gain / extra > best.score)
                    {
                        best = (i, candidates[c], gain / extra);
                    }
                }
            }

            if (best.arm < 0)
            {
                return;
            }

            load += (1.0 / best.period) - (periods[best.arm] > 0 ? 1.0 / periods[best.arm] : 0.0);
            periods[best.arm] = best.period;
        }
    }

    private static int[] Offsets(int[] periods, int pulls)
    {
        var offsets = new int[periods.Length];
        var machines = new List<(int Period, int Offset)>[pulls];
        for (int m = 0; m < pulls; m++)
        {
            machines[m] = [];
        }

        foreach (int i in Enumerable.Range(0, periods.Length).Where(i => periods[i] > 0).OrderBy(i => periods[i]))
        {
            int p = periods[i];
            bool placed = false;
            for (int m = 0; m < pulls && !placed; m++)
            {
                for (int r = 0; r < p && !placed; r++)
                {
                    if (machines[m].All(x => r % x.Period != x.Offset))
                    {
                        machines[m].Add((p, r));
                        offsets[i] = r;
                        placed = true;
                    }
                }
            }

            if (!placed)
            {
                throw new InvalidOperationException("A power-of-two schedule within capacity could not be placed (a bug).");
            }
        }

        return offsets;
    }
}
