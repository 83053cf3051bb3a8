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
        // Replays the study's Tsallis-INF runs (same seeds, same table) and splits each run's external regret at T/2:
        // it keeps growing but ever more slowly, less over the second 500 instances than over the first.
        RelaxStudyResult r = Result.Value;
        RelaxStudy s = r.Study;
        int best = r.BestFixedArm, half = s.Sequence.Count / 2;
        RelaxLearnerResult study = Learner("tsallis-inf");
        for (int run = 0; run < s.Runs; run++)
        {
            TuningRun replay = ParameterTuning.Run(new TsallisInfTuner(s.Omegas.Count), r.Table, t => [s.Sequence.Shift(t)], s.Seed + (ulong)run);
            Assert.Equal(study.Totals[run], replay.Total);
            double first = Enumerable.Range(0, half).Sum(t => replay.Costs[t] - r.Table[t, best]);
            double second = Enumerable.Range(half, s.Sequence.Count - half).Sum(t => replay.Costs[t] - r.Table[t, best]);
            Assert.True(second < 0.8 * first, $"run {run}: regret {first} over the first half, {second} over the second");
        }

        Assert.True(study.Total.Mean > 1.10 * r.BestFixedTotal, "documented: the paper's learner is not within 10% at T = 1,000 (if this fails, update the docs)");
    }

    [Fact]
    public void The_table_holds_what_a_plain_two_pass_sor_counts()
    {
        // An independent count: sweep, then compute the residual in a separate pass, as the paper's code does.
        RelaxStudy s = Result.Value.Study;
        foreach (int t in new[] { 0, 333, 999 })
        {
            LinearSystem system = s.Sequence.Instance(t);
            CsrMatrix a = system.Matrix;
            double[] b = system.RightHandSide;
            double bNorm = Math.Sqrt(b.Sum(v => v * v));
            foreach (int k in new[] { 0, 12, 19 })
            {
                double omega = s.Omegas[k];
                var x = new double[a.Rows];
                var ax = new double[a.Rows];
                int count = 0;
                while (true)
                {
                    a.Multiply(x, ax);
                    if (Math.Sqrt(b.Zip(ax, (p, q) => (p - q) * (p - q)).Sum()) <= s.Tolerance * bNorm)
                    {
                        break;
                    }

                    for (int i = 0; i < a.Rows; i++)
                    {
                        double sum = b[i], diagonal = 0;
                        for (int p = a.RowPointers[i]; p < a.RowPointers[i + 1]; p++)
                        {
                            sum -= a.Values[p] * x[a.ColumnIndices[p]];
                            diagonal = a.ColumnIndices[p] == i ? a.Values[p] : diagonal;
                        }

                        x[i] += omega * sum / diagonal;
                    }

                    count++;
                }

                Assert.Equal(count, Result.Value.Table[t, k]);
            }
        }
    }
}
