using Hindsight.Relax;
using Hindsight.Specs;

namespace Hindsight.Tests.Examples;

/// <summary>
/// The claims of examples/relax.yaml: 1,000 drifting 2-D Poisson systems on a 64 × 64 grid (4,096 unknowns), SOR to
/// a relative residual of 1e-8, 20 values of ω in [1, 1.95], 5 runs per tuner. Measured (iterations): best fixed
/// ω = 1.6 75 035, instance-optimal 55 084, Gauss–Seidel 222 419; unimodal-ucb 79 747 (1.063 × best fixed),
/// Tsallis-INF 95 408 (1.272 ×), Chebyshev contextual 67 448 (0.899 ×).
/// </summary>
public class RelaxExampleTests
{
    private static readonly Lazy<RelaxStudyResult> Result = new(() => ((RelaxSpec)SpecLoader.LoadDocument(RepositoryPaths.Example("relax.yaml"))).Study.Run());

    private static RelaxLearnerResult Learner(string name) => Result.Value.Learners.Single(l => l.Learner == name);

    [Fact]
    public void The_sequence_is_the_one_the_bar_names()
    {
        RelaxStudy s = Result.Value.Study;
        Assert.True(s.Sequence.GridSize >= 64);
        Assert.Equal(1000, s.Sequence.Count);
        Assert.Equal(0.0, s.Sequence.Contrast); // Poisson
        Assert.Contains(1.0, s.Omegas);
    }

    [Fact]
    public void The_bandit_is_within_ten_percent_of_the_best_fixed_omega_in_every_run()
    {
        RelaxStudyResult r = Result.Value;
        foreach (double total in Learner("unimodal-ucb").Totals)
        {
            Assert.True(total <= 1.10 * r.BestFixedTotal, $"{total} vs best fixed {r.BestFixedTotal}");
        }
    }

    [Fact]
    public void The_bandit_needs_at_least_two_times_fewer_iterations_than_gauss_seidel()
    {
        RelaxStudyResult r = Result.Value;
        Assert.True(Learner("unimodal-ucb").Totals.Max() * 2 <= r.GaussSeidelTotal, $"{Learner("unimodal-ucb").Totals.Max()} vs {r.GaussSeidelTotal}");
        Assert.True(Learner("tsallis-inf").Totals.Max() * 2 <= r.GaussSeidelTotal);
    }

    [Fact]
    public void The_contextual_tuner_beats_the_best_fixed_omega_in_every_run()
    {
        RelaxStudyResult r = Result.Value;
        Assert.True(r.InstanceOptimalTotal < 0.8 * r.BestFixedTotal, "the optimal ω must vary along the sequence");
        Assert.All(Learner("chebyshev").Totals, total => Assert.True(total < r.BestFixedTotal, $"{total} vs {r.BestFixedTotal}"));
    }

    [Fact]
    public void Tsallis_inf_as_in_the_paper_learns_but_has_not_caught_up_at_a_thousand_instances()
    {
        // Its external regret keeps growing but ever more slowly: over the second half it adds less than over the first.
        RelaxStudyResult r = Result.Value;
        RelaxLearnerResult t = Learner("tsallis-inf");
        int half = Array.IndexOf(r.Checkpoints, r.Checkpoints.First(c => c >= 500));
        double bestHalf = r.CumulativeOf(r.BestFixedArm)[half], best = r.BestFixedTotal;
        double first = t.Cumulative[half] - bestHalf, second = (t.Cumulative[^1] - best) - first;
        Assert.True(second < first, $"regret {first} in the first half, {second} in the second");
        Assert.True(t.Total.Mean > 1.10 * best, "documented: the paper's learner is not within 10% at T = 1,000 (if this fails, update the docs)");
    }

    [Fact]
    public void The_table_holds_what_a_live_solve_costs()
    {
        RelaxStudy s = Result.Value.Study;
        var costs = new SorCosts(s.Sequence.Instance, s.Tolerance, s.MaxIterations);
        foreach (int t in new[] { 0, 333, 999 })
        {
            foreach (int k in new[] { 0, 12, 19 })
            {
                Assert.Equal(Result.Value.Table[t, k], costs.Cost(t, s.Omegas[k]));
            }
        }
    }
}
