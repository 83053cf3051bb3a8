using Hindsight.Streaming;

namespace Hindsight.Tests.Streaming;

/// <summary>"Tight Regret Bounds for Single-pass Streaming Multi-armed Bandits" (Wang, ICML 2023): with one stored arm,
/// regret of order K^{1/3} T^{2/3}; the ε-best-arm learner beats uniform exploration.</summary>
public class StreamingTests
{
    private static double MeanRegret(IStreamingLearner learner, int arms, long horizon, int runs = 6)
        => Enumerable.Range(0, runs).Average(r =>
        {
            StreamingPass pass = StreamingBandit.Uniform(arms, seed: 100 + (ulong)r).Start(horizon, learner.Memory, seed: 1, run: r);
            learner.Run(pass);
            Assert.Equal(horizon, pass.Pulls);
            Assert.True(pass.PeakMemory <= 2);
            return pass.PseudoRegret;
        });

    [Fact]
    public void Epsilon_best_arm_beats_uniform_exploration()
    {
        foreach (int k in new[] { 50, 200 })
        {
            foreach (long t in new long[] { 1_000_000, 10_000_000 }) // at 10⁵ its races' log(K/ε) confidence still costs more than it saves
            {
                double uniform = MeanRegret(new UniformStreamingExploration(), k, t);
                double best = MeanRegret(new EpsilonBestArmStreaming(), k, t);
                Assert.True(best < 0.7 * uniform, $"K = {k}, T = {t}: ε-best {best}, uniform {uniform}");
                Assert.True(best < Math.Cbrt(k) * Math.Pow(t, 2.0 / 3), $"K = {k}, T = {t}: {best}");
            }
        }
    }

    [Fact]
    public void Uniform_explorations_regret_grows_as_t_to_the_two_thirds()
    {
        long[] horizons = [100_000, 1_000_000, 10_000_000];
        double[] regret = [.. horizons.Select(t => MeanRegret(new UniformStreamingExploration(), 100, t))];
        double slope = Math.Log(regret[^1] / regret[0]) / Math.Log(100);
        Assert.InRange(slope, 0.6, 0.73);
    }

    [Fact]
    public void The_pass_enforces_memory_a_single_pass_and_the_budget()
    {
        StreamingPass pass = new StreamingBandit([0.2, 0.8, 0.5]).Start(horizon: 3, memory: 2, seed: 1, run: 0);
        int a = pass.Read(), b = pass.Read();
        Assert.Contains("Memory is full", Assert.Throws<InvalidOperationException>(() => pass.Read()).Message);
        pass.Discard(a);
        Assert.Throws<InvalidOperationException>(() => pass.Pull(a));
        pass.Read();
        Assert.Contains("exhausted", Assert.Throws<InvalidOperationException>(() => pass.Read()).Message);
        pass.Pull(b);
        pass.Commit(b);
        Assert.Equal(0.0, pass.PseudoRegret);
        Assert.Throws<InvalidOperationException>(() => pass.Pull(b));

        // Committing to a worse arm costs its gap for every pull left.
        StreamingPass other = new StreamingBandit([0.2, 0.8]).Start(horizon: 1000, memory: 1, seed: 1, run: 0);
        int first = other.Read();
        other.Pull(first);
        other.Commit(first);
        Assert.Equal(1000 * 0.6, other.PseudoRegret, 1e-9);
        Assert.Equal(1000, other.Pulls);
    }
}
