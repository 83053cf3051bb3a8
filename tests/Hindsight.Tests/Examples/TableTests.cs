using Hindsight.Simulation;

namespace Hindsight.Tests.Examples;

/// <summary>The reward-table example: adversarial learners stay under EXP3's regret bound on an oblivious sequence.</summary>
public class TableTests
{
    [Fact]
    public void Adversarial_learners_stay_below_two_root_t_k_ln_k_on_the_csv_table()
    {
        // Bubeck and Cesa-Bianchi (2012), Theorem 3.1: anytime EXP3 has expected external regret ≤ 2√(T K ln K)
        // against any oblivious sequence; EXP3-IX and Tsallis-INF have bounds of the same order or better.
        ExperimentResult result = RepositoryPaths.RunExample("table.yaml");
        double bound = 2 * Math.Sqrt(2000 * 3 * Math.Log(3));
        foreach (string learner in new[] { "exp3", "exp3-ix", "tsallis-inf" })
        {
            Statistic external = result.Pairs.Single(p => p.Learner.Name == learner).Meters.Single(m => m.Name == "external").Final;
            Assert.True(external.High < bound, $"{learner}: {external.Mean} (CI up to {external.High}) vs bound {bound}");
        }
    }
}
