namespace Hindsight.Recovering;

/// <summary>The baseline that ignores recovery: each period the K arms with the largest UCB1 index of their average
/// reward, μ̂ᵢ + √(2 ln t / nᵢ) (unpulled arms first).</summary>
public sealed class TopUcbRecovering : IRecoveringPolicy
{
    private readonly double[] _sums;
    private readonly long[] _counts;
    private readonly double[] _index;
    private readonly int _pulls;
    private long _period;

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">N.</param>
    /// <param name="pulls">K.</param>
    public TopUcbRecovering(int arms, int pulls)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pulls, 1);
        _sums = new double[arms];
        _counts = new long[arms];
        _index = new double[arms];
        _pulls = Math.Min(pulls, arms);
    }

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_sums);
        Array.Clear(_counts);
        _period = 0;
    }

    /// <inheritdoc />
    public int Choose(Span<int> arms)
    {
        double log = Math.Log(Math.Max(2, _period + 1));
        for (int i = 0; i < _index.Length; i++)
        {
            _index[i] = _counts[i] == 0 ? double.PositiveInfinity : (_sums[i] / _counts[i]) + Math.Sqrt(2 * log / _counts[i]); // ties: lowest index
        }

        // K largest by partial selection (K is small).
        for (int j = 0; j < _pulls; j++)
        {
            int best = -1;
            for (int i = 0; i < _index.Length; i++)
            {
                if (!arms[..j].Contains(i) && (best < 0 || _index[i] > _index[best]))
                {
                    best = i;
                }
            }

            arms[j] = best;
        }

        return _pulls;
    }

    /// <inheritdoc />
    public void Update(ReadOnlySpan<int> arms, ReadOnlySpan<double> rewards)
    {
        for (int j = 0; j < arms.Length; j++)
        {
            _sums[arms[j]] += rewards[j];
            _counts[arms[j]]++;
        }

        _period++;
    }
}
