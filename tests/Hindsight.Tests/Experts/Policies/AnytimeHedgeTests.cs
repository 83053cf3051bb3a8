using Hindsight.Experts.Policies;

namespace Hindsight.Tests.Experts.Policies;

public class AnytimeHedgeTests
{
    [Fact]
    public void Regret_stays_under_the_anytime_bound_at_every_checkpoint()
    {
        // ≤ 2√(t ln K / 2) + √(ln K / 8) for every t (Cesa-Bianchi and Lugosi, Theorem 2.3).
        double logK = Math.Log(100);
        for (long run = 0; run < 3; run++)
        {
            var (checkpoints, regret) = ExpertsPlay.Run(new AnytimeHedge(100), ExpertsPlay.Drifting(), 20_000, run);
            for (int c = 0; c < checkpoints.Length; c++)
            {
                double bound = (2 * Math.Sqrt(checkpoints[c] * logK / 2)) + Math.Sqrt(logK / 8);
                Assert.True(regret[c] <= bound, $"t = {checkpoints[c]}: {regret[c]} > {bound}");
            }
        }
    }
}
