using Hindsight.Oco;
using Hindsight.Simulation;
using Hindsight.Specs;

namespace Hindsight.Tests.Examples;

/// <summary>The claims of examples/oco.yaml (ball in ℝ¹⁰, T = 10 000, 5 runs, seed 5).</summary>
public class OcoExampleTests
{
    private static readonly Lazy<OcoResult> Result = new(() =>
        OcoRunner.Run(((OcoSpec)SpecLoader.LoadDocument(RepositoryPaths.Example("oco.yaml"))).Study, Environment.ProcessorCount));

    private static MeterResult Meter(string stream, string learner, string meter)
        => Result.Value.Pairs.Single(p => p.Stream == stream && p.Learner == learner).Meters.Single(m => m.Name == meter);

    [Fact]
    public void Strongly_convex_steps_give_logarithmic_regret_on_quadratic_losses()
    {
        // OGD with ηₜ = 1/(λt), λ = 1: regret ≤ G²/(2λ)(1 + ln T) = 82 (G = 4); measured ≈ 1.5, flat in t; the √t step grows.
        MeterResult strong = Meter("quadratic-noisy", "ogd-strongly-convex", "external");
        MeterResult plain = Meter("quadratic-noisy", "ogd", "external");
        Assert.True(strong.Final.High < 4, $"strongly convex OGD: {strong.Final.Mean}");
        Assert.True(strong.Rate!.Value.Exponent < 0.25, $"exponent {strong.Rate.Value.Exponent}");
        Assert.True(plain.Rate!.Value.Exponent > 0.3, $"plain OGD exponent {plain.Rate.Value.Exponent}");
        Assert.True(strong.Final.High < plain.Final.Low);
    }

    [Fact]
    public void Optimistic_OMD_regret_is_bounded_when_losses_neither_vary_nor_are_noisy()
    {
        MeterResult quiet = Meter("linear-quiet", "optimistic-omd", "external");
        Assert.True(quiet.Final.Mean <= 1.0 + 1e-9, $"{quiet.Final.Mean}");
        Assert.True(quiet.Curve[^1].Mean - quiet.Curve[quiet.Curve.Count / 2].Mean < 1e-6, "regret still growing");
    }

    [Fact]
    public void On_slowly_varying_losses_optimism_tracks_the_moving_minimizer()
    {
        // Dynamic regret against each round's minimizer: optimistic OMD ≈ 1.4 vs OGD ≈ 9.8 (5 runs, ± 2).
        MeterResult optimistic = Meter("linear-slow", "optimistic-omd", "dynamic");
        MeterResult ogd = Meter("linear-slow", "ogd", "dynamic");
        Assert.True(optimistic.Final.Mean * 3 < ogd.Final.Mean, $"{optimistic.Final.Mean} vs {ogd.Final.Mean}");
        Assert.True(Meter("linear-slow", "optimistic-omd", "adaptive").Final.Mean < Meter("linear-slow", "ogd", "adaptive").Final.Mean);
    }
}
