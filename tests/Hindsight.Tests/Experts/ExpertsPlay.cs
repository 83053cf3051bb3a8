using Hindsight.Bandits;
using Hindsight.Bandits.Environments;
using Hindsight.Experts;
using Hindsight.Regret;
using Hindsight.Simulation;

namespace Hindsight.Tests.Experts;

/// <summary>Plays one full-information run through the runner and returns the external regret at each checkpoint.</summary>
internal static class ExpertsPlay
{
    public static (long[] Checkpoints, double[] Regret) Run(IExpertsPolicy policy, IBanditEnvironment env, long horizon, long run, ulong seed = 7)
    {
        long[] checkpoints = Checkpoints.Geometric(horizon);
        double[] record = new double[checkpoints.Length];
        policy.Reset(Runner.LearnerSeed(seed, run, "test"));
        (policy as IHorizonAware)?.Prepare(horizon);
        Assert.True(Runner.Play(policy, env.Start(seed, run), [new ExternalRegretMeter()], horizon, checkpoints, record, CancellationToken.None));
        return (checkpoints, record);
    }

    /// <summary>An oblivious adversarial sequence: 100 experts whose Bernoulli means drift (period ~5000 rounds).</summary>
    public static IBanditEnvironment Drifting(int experts = 100) => new SinusoidEnvironment(experts, 5000, 0.4, bernoulli: true);

    /// <summary>Slowly varying losses: the same drifting means, played as they are.</summary>
    public static IBanditEnvironment Slow(int experts = 100) => new SinusoidEnvironment(experts, 5000, 0.4, bernoulli: false);
}
