namespace Hindsight.Streaming;

/// <summary>
/// Uniform exploration in one pass with one stored arm: each arriving arm is pulled n times and kept when its empirical
/// mean beats the stored arm's (n samples each); after the stream the stored arm is played for the rest of the budget.
/// With n = ⌈(T/K)^{2/3} (ln K)^{1/3}⌉ the regret is O(K^{1/3} T^{2/3} (ln K)^{1/3}) — the log factor is what the
/// ε-best-arm approach removes (Wang, ICML 2023).
/// </summary>
public sealed class UniformStreamingExploration : IStreamingLearner
{
    /// <inheritdoc />
    public int Memory => 2;

    /// <summary>The samples per arm for K arms and T pulls.</summary>
    /// <param name="arms">K.</param>
    /// <param name="horizon">T.</param>
    /// <returns>n ≥ 1.</returns>
    public static long Samples(int arms, long horizon)
        => Math.Max(1, (long)Math.Ceiling(Math.Pow((double)horizon / arms, 2.0 / 3.0) * Math.Cbrt(Math.Max(1.0, Math.Log(arms)))));

    /// <inheritdoc />
    public void Run(StreamingPass pass)
    {
        ArgumentNullException.ThrowIfNull(pass);
        long n = Samples(pass.Arms, pass.Horizon);
        int king = -1;
        double kingMean = double.NegativeInfinity;
        while (!pass.StreamExhausted && pass.Remaining > 0)
        {
            int slot = pass.Read();
            double sum = 0;
            long pulls = Math.Min(n, pass.Remaining);
            for (long i = 0; i < pulls; i++)
            {
                sum += pass.Pull(slot);
            }

            double mean = sum / Math.Max(1, pulls);
            if (mean > kingMean)
            {
                if (king >= 0)
                {
                    pass.Discard(king);
                }

                (king, kingMean) = (slot, mean);
            }
            else
            {
                pass.Discard(slot);
            }
        }

        if (pass.Remaining > 0)
        {
            pass.Commit(king);
        }
    }
}
