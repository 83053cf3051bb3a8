using System.Diagnostics;
using Hindsight.Bandits;
using Hindsight.Bandits.Environments;
using Hindsight.Regret;
using Hindsight.Specs;

namespace Hindsight.Simulation;

/// <summary>
/// Measures how fast a learner plays against an environment on the calling thread (one core): rounds per second
/// and bytes allocated per round, with the pseudo-regret meter attached, after a warm-up that lets the JIT
/// optimize the loop. The figures of <c>hindsight bench</c>.
/// </summary>
public static class Throughput
{
    /// <summary>The canonical workload: K = 10 Bernoulli arms with means evenly spaced from 0.1 to 0.9.</summary>
    /// <returns>The environment.</returns>
    public static BernoulliEnvironment Bernoulli10()
        => new([.. Enumerable.Range(0, 10).Select(i => 0.1 + (0.8 * i / 9.0))]);

    /// <summary>The canonical contextual workload: a linear environment with K = 5 arms and d = 10.</summary>
    /// <returns>The environment.</returns>
    public static Contextual.Environments.LinearContextualEnvironment Linear10x5() => new(5, 10);

    /// <summary>The workload a learner is measured on: linear-10x5 for contextual learners, bernoulli-10 otherwise.</summary>
    /// <param name="learner">The registered learner name.</param>
    /// <returns>The workload's name and environment.</returns>
    public static (string Name, IBanditEnvironment Environment) WorkloadFor(string learner)
        => Registry.CreateLearner(learner, 2) is Contextual.IContextualPolicy ? ("linear-10x5", Linear10x5()) : ("bernoulli-10", Bernoulli10());

    /// <summary>Measures one learner.</summary>
    /// <param name="learner">The registered learner name.</param>
    /// <param name="environment">The environment.</param>
    /// <param name="rounds">Rounds to time.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The measurement.</returns>
    public static ThroughputResult Measure(string learner, IBanditEnvironment environment, long rounds, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        IBanditPolicy policy = Registry.CreateLearner(learner, environment.Arms);
        BanditMeter[] meters = [new PseudoRegretMeter()];
        long[] checkpoints = [rounds];
        double[] record = new double[1];

        // Warm-up: hundreds of short runs for at least a second, so that tiered compilation (tier 0, instrumented,
        // then optimized) promotes the loop, Choose and Update to final code; a loop entered a few times only runs
        // on-stack-replaced code, and the first learner measured would pay for it.
        long warm = Math.Min(rounds, 2_000);
        long[] warmCheckpoints = [warm];
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 300 || clock.ElapsedMilliseconds < 1000; i++)
        {
            policy.Reset(seed + (ulong)i);
            (policy as IHorizonAware)?.Prepare(warm);
            Runner.Play(policy, environment.Start(seed, i + 1), meters, warm, warmCheckpoints, record, CancellationToken.None);
        }

        policy.Reset(seed);
        (policy as IHorizonAware)?.Prepare(rounds);
        IBanditOracle oracle = environment.Start(seed, 0);
        long before = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        Runner.Play(policy, oracle, meters, rounds, checkpoints, record, CancellationToken.None);
        long end = Stopwatch.GetTimestamp();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        double seconds = (end - start) / (double)Stopwatch.Frequency;
        return new ThroughputResult(learner, rounds, seconds, rounds / seconds, allocated / (double)rounds, record[0]);
    }
}
