using Hindsight.Preferences;
using Hindsight.Specs;

namespace Hindsight.Tests.Examples;

/// <summary>
/// The claims of examples/nlhf.yaml (β = 0.1, 3 000 iterations). Measured duality gaps (last iterate): Nash-MP 1.6e-17,
/// EGPO 3.5e-17, INPO 4.2e-17, Nash-MD 4.4e-7, SPO 0.20, offline DPO 0.578 (= BT + PO 0.578), online DPO 0.043, IPO 0.14,
/// XPO 0.13, OFS-DPO 0.042.
/// </summary>
public class NlhfExampleTests
{
    private static readonly Lazy<PreferenceExperimentResult> Result = new(() => ((PreferenceSpec)SpecLoader.LoadDocument(RepositoryPaths.Example("nlhf.yaml"))).Experiment.Run());

    private static PreferenceCheckpoint Final(string learner)
    {
        PreferenceExperimentResult r = Result.Value;
        int k = r.Experiment.Learners.ToList().FindIndex(l => l.Name == learner);
        return r.Curves[k][^1];
    }

    [Fact]
    public void Nash_mp_egpo_and_inpo_reach_the_regularized_nash_policy()
    {
        Assert.All(new[] { "nash-mp", "egpo", "inpo" }, l => Assert.True(Final(l).DualityGap <= 1e-4, $"{l}: {Final(l).DualityGap}"));
    }

    [Fact]
    public void Bradley_terry_and_offline_dpo_settle_far_from_it()
    {
        Assert.True(Final("bt-po").DualityGap >= 0.1);
        Assert.True(Math.Abs(Final("dpo").DualityGap - Final("bt-po").DualityGap) < 1e-3);
        Assert.True(Final("online-dpo").DualityGap < Final("dpo").DualityGap / 5);
    }
}
