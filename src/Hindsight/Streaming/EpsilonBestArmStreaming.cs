namespace Hindsight.Streaming;

/// <summary>
/// ε-best-arm-then-commit in one pass with one stored arm (the "king"), after the streaming ε-best-arm idea of Assadi
/// and Wang (STOC 2020) used by Wang (ICML 2023) for regret O(K^{1/3} T^{2/3}): each arriving arm races the king in
/// doubling rounds — both pulled, the king's samples accumulating over its reign — and is discarded as soon as it is
/// confidently worse, crowned as soon as it is confidently better, and compared on means after ⌈ln(1/δ)/ε²⌉ samples
/// otherwise, with ε = (K/T)^{1/3}. Bad arms leave after a few pulls instead of the n pulls uniform exploration
/// spends on every arm. After the stream the king is played for the rest of the budget.
/// </summary>
/// <remarks>Confidence radius after n samples √(ln(4n²/δ)/(2n)) with δ = ε/K per race: a race that wrongly discards
/// the best arm (or wrongly dethrones it) can cost up to T, and at most K races involve it, so the chance of any such
/// error is ≤ ε and its expected cost ≤ εT = K^{1/3}T^{2/3}. The ln(K/ε) in the radius is a log factor the level
/// schedule of Assadi and Wang avoids; this race keeps the early stopping that makes bad arms cheap.</remarks>
public sealed class EpsilonBestArmStreaming : IStreamingLearner
{
    /// <inheritdoc />
    public int Memory => 2;

    /// <inheritdoc />
    public void Run(StreamingPass pass)
    {
        ArgumentNullException.ThrowIfNull(pass);
        double epsilon = Math.Min(1.0, Math.Cbrt((double)pass.Arms / pass.Horizon));
        double delta = epsilon / pass.Arms;
        long cap = Math.Max(1, (long)Math.Ceiling(Math.Log(1 / delta) / (epsilon * epsilon)));
        int king = pass.Read();
        double kingSum = 0;
        long kingPulls = 0;
        while (!pass.StreamExhausted && pass.Remaining > 0)
        {
            int challenger = pass.Read();
            double sum = 0;
            long pulls = 0, batch = 1;
            bool crowned = false, decided = false;
            while (!decided && pass.Remaining >= 2)
            {
                for (long i = 0; i < batch && pass.Remaining >= 2; i++)
                {
                    sum += pass.Pull(challenger);
                    pulls++;
                    if (kingPulls < pulls)
                    {
                        kingSum += pass.Pull(king);
                        kingPulls++;
                    }
                }

                double mean = sum / pulls, kingMean = kingSum / kingPulls;
                double radius = Radius(pulls, delta), kingRadius = Radius(kingPulls, delta);
                if (mean + radius < kingMean - kingRadius)
                {
                    decided = true;
                }
                else if (mean - radius > kingMean + kingRadius)
                {
                    (crowned, decided) = (true, true);
                }
                else if (pulls >= cap)
                {
                    (crowned, decided) = (mean > kingMean, true);
                }

                batch = Math.Min(batch * 2, cap - pulls);
            }

            if (crowned)
            {
                pass.Discard(king);
                (king, kingSum, kingPulls) = (challenger, sum, pulls);
            }
            else
            {
                pass.Discard(challenger);
            }
        }

        if (pass.Remaining > 0)
        {
            pass.Commit(king);
        }
    }

    private static double Radius(long n, double delta) => Math.Sqrt(Math.Log(4.0 * n * n / delta) / (2.0 * n));
}
