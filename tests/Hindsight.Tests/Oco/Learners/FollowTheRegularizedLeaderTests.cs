using Hindsight.Oco;
using Hindsight.Oco.Domains;
using Hindsight.Oco.Environments;
using Hindsight.Oco.Learners;
using Hindsight.Oco.Regularizers;

namespace Hindsight.Tests.Oco.Learners;

public class FollowTheRegularizedLeaderTests
{
    private static readonly long[] Horizons = [1000, 4000, 16_000];

    private static double[] Mean(Func<IOcoLearner> learner, IConvexDomain domain, double sigma, double rho)
    {
        double[] mean = new double[Horizons.Length];
        for (int run = 0; run < 5; run++)
        {
            double[] r = OcoPlay.Linear(learner(), new LinearSeaStream(domain.Dimension, sigma, rho, 1, 2, run), domain, Horizons);
            for (int i = 0; i < r.Length; i++)
            {
                mean[i] += r[i] / 5;
            }
        }

        return mean;
    }

    public static TheoryData<string> Regularizers() => ["l2-ball", "entropy", "log-barrier", "tsallis"];

    private static IRegularizer Create(string name) => name switch
    {
        "l2-ball" => new SquaredNorm(new Ball(10)),
        "entropy" => new NegativeEntropy(new Simplex(10)),
        "log-barrier" => new LogBarrier(new Simplex(10)),
        _ => new HalfTsallis(new Simplex(10)),
    };

    [Theory]
    [MemberData(nameof(Regularizers))]
    public void Regret_grows_like_sqrt_t_on_noisy_losses(string name)
    {
        // Regret O(√T): from T = 1000 to 16 000 (×16) it grows by less than 16^0.75 = 8 (a sublinear slope).
        IRegularizer r = Create(name);
        double[] regret = Mean(() => new FollowTheRegularizedLeader(r), r.Domain, 1, 0.3);
        Assert.True(regret[^1] > 0, $"{name}: {string.Join(", ", regret)}");
        Assert.True(regret[^1] <= 8 * regret[0], $"{name}: {string.Join(", ", regret)}");
    }

    [Theory]
    [MemberData(nameof(Regularizers))]
    public void Optimistic_ftrl_has_bounded_or_logarithmic_regret_on_a_constant_loss(string name)
    {
        IRegularizer r = Create(name);
        double[] optimistic = Mean(() => new FollowTheRegularizedLeader(r, optimistic: true), r.Domain, 0, 0);
        double[] plain = Mean(() => new FollowTheRegularizedLeader(r), r.Domain, 0, 0);
        // Bounded — except the log barrier, which keeps mass ~1/(η t) on every expert and so pays O(K ln T): it may
        // grow by at most 2 K ln(16 000 / 1000) over the range.
        double allowed = name == "log-barrier" ? 2 * 10 * Math.Log(16.0) : 0.5;
        Assert.True(optimistic[^1] <= optimistic[0] + allowed, $"{name}: {string.Join(", ", optimistic)}");
        Assert.True(optimistic[^1] <= plain[^1], $"{name}: optimistic {optimistic[^1]} vs plain {plain[^1]}");
    }
}
