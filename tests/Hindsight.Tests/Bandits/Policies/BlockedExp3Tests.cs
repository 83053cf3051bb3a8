using Hindsight.Bandits.Environments;
using Hindsight.Bandits.Policies;
using Hindsight.Regret;
using Hindsight.Simulation;

namespace Hindsight.Tests.Bandits.Policies;

public class BlockedExp3Tests
{
    [Fact]
    public void Switches_are_at_most_one_per_block_and_regret_stays_under_its_bound()
    {
        // T = 27 000, τ = 30: ≤ 900 switches; regret ≤ 2√(τ T K ln K) (EXP3's anytime bound over T/τ blocks, scaled by τ).
        const long T = 27_000;
        var env = new BernoulliEnvironment([0.5, 0.45, 0.4, 0.35, 0.3]);
        long[] checkpoints = [T];
        for (long run = 0; run < 3; run++)
        {
            var policy = new BlockedExp3(5);
            policy.Reset(Runner.LearnerSeed(1, run, "blocked"));
            policy.Prepare(T);
            Assert.Equal(30, policy.Block);
            double[] record = new double[2];
            Assert.True(Runner.Play(policy, env.Start(1, run), [new PseudoRegretMeter(), new SwitchesMeter()], T, checkpoints, record, CancellationToken.None));
            Assert.True(record[1] <= (T / 30) - 1, $"switches {record[1]}");
            Assert.True(record[0] <= 2 * Math.Sqrt(30 * T * 5 * Math.Log(5)), $"regret {record[0]}");
        }
    }
}
