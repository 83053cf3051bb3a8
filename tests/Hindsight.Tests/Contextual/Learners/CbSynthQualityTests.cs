using Hindsight.Contextual.Features;
using Hindsight.Contextual.Learners;
using Hindsight.Evaluation;
using Hindsight.Formats;

namespace Hindsight.Tests.Contextual.Learners;

/// <summary>
/// Issue #3's quality bars on ../shared/data/cb-synth (200 000 logged examples, -q sa, 18 bits): progressive-validation
/// loss on par with or below VW 9.11.2's for the same method (its README: ε-greedy 0.1531, SquareCB 0.1343,
/// cb_adf MTR 0.1375, DR 0.1391, IPS 0.1422, bag 5 0.1452). Every pass is deterministic (bagging's Poisson counts
/// come from a fixed seed).
/// </summary>
public class CbSynthQualityTests
{
    private static double Loss(IContextualLearner learner, bool dsjson = false)
    {
        string? path = RepositoryPaths.Shared(dsjson ? "cb-synth/cb_synth.dsjson.gz" : "cb-synth/cb_synth_adf.txt.gz");
        Skip.If(path is null, "../shared/data/cb-synth is not beside this checkout");
        var examples = dsjson ? new DsJsonReader(path!).Read() : new VwTextReader(path!).Read();
        var (n, loss) = ProgressiveValidation.Run(examples, learner);
        Assert.Equal(200_000, n);
        return loss;
    }

    private static FeatureSpace Space() => new(18, ["sa"]);

    [SkippableFact]
    public void Epsilon_greedy_loss_is_at_most_0_155()
        => Assert.InRange(Loss(ExploringCbLearner.EpsilonGreedy(new CostRegressor(Space()), 0.05f)), 0.0, 0.155);

    [SkippableFact]
    public void SquareCb_loss_is_at_most_0_136()
        => Assert.InRange(Loss(ExploringCbLearner.SquareCb(new CostRegressor(Space(), importanceWeighted: false))), 0.0, 0.136);

    [SkippableFact]
    public void Cb_adf_mtr_loss_is_at_most_0_139_in_both_formats()
    {
        Assert.InRange(Loss(ExploringCbLearner.Greedy(new CostRegressor(Space(), CbType.Mtr))), 0.0, 0.139);
        Assert.InRange(Loss(ExploringCbLearner.Greedy(new CostRegressor(Space(), CbType.Mtr)), dsjson: true), 0.0, 0.139);
    }

    [SkippableFact]
    public void Bagging_with_five_bootstraps_is_at_most_vw_0_1452()
        => Assert.InRange(Loss(new BaggingCbLearner([.. Enumerable.Range(0, 5).Select(_ => new CostRegressor(Space()))])), 0.0, 0.1452);

    [SkippableFact]
    public void Without_interactions_no_learner_beats_the_best_single_action_by_much()
    {
        // The README: the best single action costs 0.322; only shared × action features can do better.
        double loss = Loss(ExploringCbLearner.Greedy(new CostRegressor(new FeatureSpace(18))));
        Assert.InRange(loss, 0.30, 0.40);
    }
}
