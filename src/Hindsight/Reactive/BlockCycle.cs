namespace Hindsight.Reactive;

/// <summary>
/// A block-cyclic schedule for last-switch dependent bandits: the arms with a positive block length bᵢ are played in
/// index order, each for bᵢ consecutive rounds, over and over; a single arm is played for ever. In the cycle's steady
/// state arm i is switched to L − bᵢ + 1 rounds after its last play (L = Σ b), so the reward rate is
/// Σᵢ [fᵢ(−(L − bᵢ + 1)) + Σₛ₌₁^{bᵢ−1} fᵢ(+s)] / L; a single arm earns fᵢ(+τ_max) a round in the long run.
/// </summary>
/// <remarks><see cref="Plan"/> is a full-information planner by coordinate ascent over the block lengths (0 … τ_max,
/// 0 leaving the arm out) from the best of the single-arm schedules and the one-round cycle — a local search in the
/// class of schedules the constant-approximation planners of Foussoul et al. (ICML 2023) build from, not their
/// LP-based algorithm.</remarks>
public sealed class BlockCycle
{
    private readonly int[] _blocks;

    /// <summary>Creates the schedule.</summary>
    /// <param name="blocks">bᵢ ≥ 0 per arm, at least one positive.</param>
    public BlockCycle(int[] blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.Length < 1 || blocks.Any(b => b < 0) || blocks.All(b => b == 0))
        {
            throw new ArgumentException("Block lengths must be ≥ 0 with at least one positive.", nameof(blocks));
        }

        _blocks = [.. blocks];
        Length = _blocks.Sum();
    }

    /// <summary>bᵢ per arm.</summary>
    public IReadOnlyList<int> Blocks => _blocks;

    /// <summary>The cycle length L = Σ b.</summary>
    public int Length { get; }

    /// <summary>The arm to play at position p of the cycle (0-based, taken modulo L).</summary>
    /// <param name="position">p.</param>
    /// <returns>The arm.</returns>
    public int ArmAt(long position)
    {
        long p = position % Length;
        for (int i = 0; i < _blocks.Length; i++)
        {
            if (p < _blocks[i])
            {
                return i;
            }

            p -= _blocks[i];
        }

        throw new InvalidOperationException("Unreachable: p < L.");
    }

    /// <summary>The long-run reward rate under payoffs f.</summary>
    /// <param name="payoff">fᵢ(τ).</param>
    /// <param name="maxDelay">τ_max.</param>
    /// <returns>Reward per round.</returns>
    public double Rate(Func<int, int, double> payoff, int maxDelay) => Rate(_blocks, payoff, maxDelay);

    /// <summary>Plans a cycle by coordinate ascent.</summary>
    /// <param name="arms">K.</param>
    /// <param name="payoff">fᵢ(τ).</param>
    /// <param name="maxDelay">τ_max (also the longest block tried).</param>
    /// <returns>The best cycle found.</returns>
    public static BlockCycle Plan(int arms, Func<int, int, double> payoff, int maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentNullException.ThrowIfNull(payoff);
        int[] best = [.. Enumerable.Repeat(1, arms)];
        double bestRate = Rate(best, payoff, maxDelay);
        for (int i = 0; i < arms; i++)
        {
            int[] single = new int[arms];
            single[i] = 1;
            double rate = Rate(single, payoff, maxDelay);
            if (rate > bestRate)
            {
                (best, bestRate) = (single, rate);
            }
        }

        bool improved = true;
        while (improved)
        {
            improved = false;
            for (int i = 0; i < arms; i++)
            {
                int keep = best[i];
                for (int b = 0; b <= maxDelay; b++)
                {
                    best[i] = b;
                    if (best.Any(x => x > 0))
                    {
                        double rate = Rate(best, payoff, maxDelay);
                        if (rate > bestRate + 1e-12)
                        {
                            (keep, bestRate, improved) = (b, rate, true);
                        }
                    }
                }

                best[i] = keep;
            }
        }

        return new BlockCycle(best);
    }

    private static double Rate(int[] blocks, Func<int, int, double> payoff, int maxDelay)
    {
        int used = blocks.Count(b => b > 0);
        if (used == 1)
        {
            return payoff(Array.FindIndex(blocks, b => b > 0), maxDelay);
        }

        int length = blocks.Sum();
        double total = 0;
        for (int i = 0; i < blocks.Length; i++)
        {
            if (blocks[i] == 0)
            {
                continue;
            }

            total += payoff(i, -(length - blocks[i] + 1));
            for (int s = 1; s < blocks[i]; s++)
            {
                total += payoff(i, s);
            }
        }

        return total / length;
    }
}
