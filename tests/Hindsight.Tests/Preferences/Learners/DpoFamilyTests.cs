using Hindsight.Preferences;
using Hindsight.Preferences.Learners;

namespace Hindsight.Tests.Preferences.Learners;

public class DpoFamilyTests
{
    private const double Beta = 0.1;
    private static readonly PreferenceGame Game = PreferenceGames.Intransitive(4, 7, cycle: 3, transitive: 0.5, seed: 1);

    private static double CrossEntropyToReference(TabularPolicy policy)
        => Enumerable.Range(0, Game.Prompts).Average(x => Enumerable.Range(0, Game.Responses(x)).Sum(y => -policy[x][y] * Math.Log(Game.ReferenceOf(x)[y])));

    [Fact]
    public void Online_dpo_ends_far_closer_to_the_nash_policy_than_offline_dpo()
    {
        double offline = PreferenceStudy.Run(Game, new Dpo(), Beta, [3000])[0].DualityGap;
        double online = PreferenceStudy.Run(Game, new Dpo(online: true), Beta, [3000])[0].DualityGap;
        Assert.True(online < offline / 5, $"online {online}, offline {offline}");
    }

    [Fact]
    public void Xpo_moves_more_mass_to_responses_the_reference_rarely_gives_than_online_dpo()
    {
        var dpo = new Dpo(online: true);
        var xpo = new Xpo(alpha: 0.01);
        PreferenceStudy.Run(Game, dpo, Beta, [1000]);
        PreferenceStudy.Run(Game, xpo, Beta, [1000]);
        Assert.True(CrossEntropyToReference(xpo.Policy) > CrossEntropyToReference(dpo.Policy));
    }

    [Fact]
    public void Ipo_converges_to_its_stationary_policy()
    {
        // Offline IPO's population optimum (Azar et al. 2024): with pairs from μ × μ the squared loss is minimized where
        // every margin regresses to (P(y ≻ y') − ½)/β on average, i.e. h(y) − E_μ h = (P(y ≻ μ) − ½)/β with
        // h = log(π/μ). Check that residual per prompt and response.
        var ipo = new Ipo();
        IReadOnlyList<PreferenceCheckpoint> r = PreferenceStudy.Run(Game, ipo, Beta, [1000, 3000]);
        Assert.Equal(r[0].DualityGap, r[1].DualityGap, 6);
        TabularPolicy pi = ipo.Policy;
        double largest = 0;
        for (int x = 0; x < Game.Prompts; x++)
        {
            double[] mu = Game.ReferenceOf(x).ToArray();
            double[] p = new double[mu.Length];
            Game.WinRates(x, mu, p);
            double[] h = [.. Enumerable.Range(0, mu.Length).Select(y => Math.Log(pi[x][y] / mu[y]))];
            double mean = Enumerable.Range(0, mu.Length).Sum(y => mu[y] * h[y]);
            for (int y = 0; y < mu.Length; y++)
            {
                largest = Math.Max(largest, Math.Abs(h[y] - mean - ((p[y] - 0.5) / Beta)));
            }
        }

        Assert.True(largest < 1e-6, $"stationarity residual {largest}");
    }

    [Fact]
    public void Fast_slow_chasing_swaps_its_copies_and_settles_where_online_dpo_does()
    {
        var ofs = new FastSlowDpo();
        double chased = PreferenceStudy.Run(Game, ofs, Beta, [3000])[0].DualityGap;
        double online = PreferenceStudy.Run(Game, new Dpo(online: true), Beta, [3000])[0].DualityGap;
        Assert.True(ofs.Swaps > 0);
        Assert.True(Math.Abs(chased - online) < 0.01, $"OFS-DPO {chased}, online DPO {online}");
    }

    [Fact]
    public void Dpo_without_kl_weight_and_egpo_with_too_large_a_step_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new Dpo().Reset(Game, 0));
        Assert.Throws<ArgumentException>(() => new Egpo(eta: 20).Reset(Game, 0.1));
        Assert.Throws<ArgumentException>(() => new FastSlowDpo(fast: 1, slow: 2).Reset(Game, 0.1));
        Assert.Throws<ArgumentException>(() => new NashMd(eta: 20).Reset(Game, 0.1));
    }
}
