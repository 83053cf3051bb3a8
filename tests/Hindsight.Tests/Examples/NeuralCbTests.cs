using Hindsight.Simulation;

namespace Hindsight.Tests.Examples;

/// <summary>
/// The claim of "Contextual Bandits with Online Neural Regression" (Deb et al., ICLR 2024) on examples/neural-cb.yaml
/// (a non-linear 2-class bandit, d = 4, 2% label noise, T = 10⁴, 20 runs, seed 11): NeuFastCB (KL loss) has lower
/// regret than NeuSquareCB (square loss), both lower than ε-greedy over the same network — each time with disjoint 95%
/// confidence intervals over the 20 runs — and LinUCB, which cannot express the classes, stays at chance.
/// </summary>
public class NeuralCbTests
{
    private static readonly Lazy<ExperimentResult> Result = new(() => RepositoryPaths.RunExample("neural-cb.yaml"));

    private static MeterResult Dynamic(string learner)
        => Result.Value.Pairs.Single(p => p.Learner.Name == learner).Meters.Single(m => m.Name == "dynamic");

    [Fact]
    public void Kl_loss_beats_square_loss()
        => Assert.True(Dynamic("neural-fastcb").Final.High < Dynamic("neural-squarecb").Final.Low);

    [Fact]
    public void Both_beat_epsilon_greedy_over_the_same_network()
    {
        Assert.True(Dynamic("neural-squarecb").Final.High < Dynamic("neural-epsilon-greedy").Final.Low);
        Assert.True(Dynamic("neural-fastcb").Final.High < Dynamic("neural-epsilon-greedy").Final.Low);
    }

    [Fact]
    public void A_linear_learner_stays_at_chance_and_the_networks_learn()
    {
        // Chance: half the rounds wrong, each costing 1 − 2q = 0.96 → 0.48 T = 4800.
        Assert.InRange(Dynamic("linucb").Final.Mean, 0.9 * 4800, 1.1 * 4800);
        Assert.True(Dynamic("neural-fastcb").Final.Mean < 0.25 * 4800);
    }
}
