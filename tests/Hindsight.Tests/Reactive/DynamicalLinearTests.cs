using Hindsight.Bandits.Policies;
using Hindsight.Reactive;
using MathNet.Numerics.LinearAlgebra;

namespace Hindsight.Tests.Reactive;

/// <summary>"Dynamical Linear Bandits" (Mussi, Metelli and Restelli, ICML 2023): DynLin-UCB's policy regret is sublinear
/// and grows with the persistence ρ of the hidden state; a learner blind to the state loses linearly.</summary>
public class DynamicalLinearTests
{
    private static double Regret(DynamicalLinearBandit bandit, Func<Hindsight.Bandits.IBanditPolicy> policy, long horizon)
        => Enumerable.Range(0, 2).Average(r => PolicyRegretMeter.Run(bandit, policy(), horizon, seed: 1, run: r).PolicyRegret);

    private static DynLinUcb Learner(DynamicalLinearBandit bandit, double rho) => new(bandit.Actions, rho, bound: 1 + (0.5 / (1 - rho)));

    [Fact]
    public void Playing_an_action_for_ever_earns_its_steady_state_reward()
    {
        DynamicalLinearBandit bandit = DynamicalLinearBandit.Planar(0.8, noise: 0);
        for (int k = 0; k < bandit.Arms; k++)
        {
            IReactiveState state = bandit.Start(1, 0);
            for (int t = 0; t < 200; t++)
            {
                state.Play(k);
            }

            Assert.Equal(bandit.SteadyState.DotProduct(bandit.Actions[k]), state.Mean(k), 1e-12);
        }

        Assert.NotEqual(bandit.BestImmediateAction, bandit.BestSteadyAction);
    }

    [Fact]
    public void Dynlin_ucb_regret_is_sublinear_grows_with_rho_and_beats_a_state_blind_learner()
    {
        double[] rhos = [0.5, 0.8, 0.9];
        var final = new double[rhos.Length];
        for (int i = 0; i < rhos.Length; i++)
        {
            double rho = rhos[i];
            DynamicalLinearBandit bandit = DynamicalLinearBandit.Planar(rho);
            double early = Regret(bandit, () => Learner(bandit, rho), 10_000);
            final[i] = Regret(bandit, () => Learner(bandit, rho), 160_000);
            double slope = Math.Log(final[i] / early) / Math.Log(16);
            // Measured slopes 0.43 (ρ = 0.5), 0.75 (0.8), 0.47 (0.9): sublinear, with the per-round regret at least halved.
            Assert.True(slope < 0.8 && final[i] / 160_000 < 0.6 * early / 10_000, $"ρ = {rho}: regret {early} then {final[i]} (slope {slope:F2})");
        }

        Assert.True(final[0] < final[1] && final[1] < final[2], $"regret by ρ: {string.Join(", ", final)}");

        DynamicalLinearBandit slow = DynamicalLinearBandit.Planar(0.9);
        double blind = Regret(slow, () => new IndexPolicy<Ucb1Rule>(slow.Arms, new Ucb1Rule(2)), 160_000);
        Assert.True(blind > 10 * final[2], $"UCB1 {blind}, DynLin-UCB {final[2]}");
    }

    [Fact]
    public void Unstable_dynamics_are_refused()
    {
        var build = Matrix<double>.Build;
        var error = Assert.Throws<ArgumentException>(() => new DynamicalLinearBandit(
            build.DenseIdentity(2) * 1.01, build.DenseIdentity(2), Vector<double>.Build.Dense(2), Vector<double>.Build.Dense(2), [Vector<double>.Build.Dense(2)]));
        Assert.Contains("ρ < 1", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DynLinUcb([Vector<double>.Build.Dense(2)], 1.0, 1.0));
    }
}
