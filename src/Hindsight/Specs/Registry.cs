using Hindsight.Bandits;
using Hindsight.Bandits.Environments;
using Hindsight.Bandits.Policies;

namespace Hindsight.Specs;

/// <summary>Every learner and environment a spec file can name, with parameters, defaults and descriptions.</summary>
public static class Registry
{
    private static readonly ParameterInfo[] None = [];

    /// <summary>The registered K-armed learners, by name.</summary>
    public static IReadOnlyList<LearnerInfo> Learners { get; } =
    [
        new("uniform", "uniformly random arm each round (baseline, linear regret)", None, (k, _) => new Uniform(k)),
        new("epsilon-greedy", "greedy on empirical means, uniform exploration with fixed probability ε",
            [Num("epsilon", 0.1, "exploration probability ε", 0, 1)],
            (k, p) => new EpsilonGreedy(k, p.Number("epsilon"))),
        new("epsilon-greedy-decaying", "ε_t-greedy with ε_t = min(1, cK/(d²t)) (Auer et al. 2002)",
            [Pos("c", 6.0, "constant c (the log-regret theorem needs c > 5)"), new ParameterInfo("d", ParameterType.Number, 0.1, "assumed lower bound on the gaps, in (0, 1]") { Min = 0, MinExclusive = true, Max = 1 }],
            (k, p) => new DecayingEpsilonGreedy(k, p.Number("c"), p.Number("d"))),
        new("explore-then-commit", "m round-robin pulls of each arm, then commit to the empirical best",
            [Int("m", 100, "exploration pulls per arm", 1)],
            (k, p) => new ExploreThenCommit(k, (int)p.Integer("m"))),
        new("ucb1", "UCB1: mean + √(α ln t / n) (Auer, Cesa-Bianchi, Fischer 2002)",
            [Pos("alpha", 2.0, "exploration constant α (2: the textbook index)")],
            (k, p) => new IndexPolicy<Ucb1Rule>(k, new Ucb1Rule(p.Number("alpha")))),
        new("ucb-v", "UCB-V: variance-aware UCB (Audibert, Munos, Szepesvári 2009)",
            [Pos("zeta", 1.2, "exploration factor ζ"), Pos("c", 1.0, "range-term constant c"), Pos("b", 1.0, "reward range b (rewards in [0, b])")],
            (k, p) => new IndexPolicy<UcbVRule>(k, new UcbVRule(p.Number("zeta"), p.Number("c"), p.Number("b")))),
        new("moss", "MOSS: minimax-optimal UCB (Audibert, Bubeck 2009); anytime when horizon is 0",
            [Int("horizon", 0, "known horizon T, or 0 for the anytime index", 0, long.MaxValue)],
            (k, p) => new IndexPolicy<MossRule>(k, new MossRule(p.Integer("horizon")))),
        new("kl-ucb", "KL-UCB with the Bernoulli divergence (Garivier, Cappé 2011)",
            [Num("c", 0.0, "coefficient of ln ln t in the exploration budget", 0)],
            (k, p) => new KlUcb(k, p.Number("c"))),
        new("kl-ucb-gaussian", "KL-UCB with the Gaussian divergence of known σ (Cappé et al. 2013)",
            [Pos("sigma", 0.5, "reward standard deviation σ (0.5 bounds any [0, 1] reward)"), Num("c", 0.0, "coefficient of ln ln t", 0)],
            (k, p) => new IndexPolicy<KlUcbGaussianRule>(k, new KlUcbGaussianRule(p.Number("sigma"), p.Number("c")))),
        new("thompson", "Thompson sampling with Beta–Bernoulli posteriors (Agrawal, Goyal 2012)",
            [Pos("alpha", 1.0, "prior successes α₀"), Pos("beta", 1.0, "prior failures β₀")],
            (k, p) => new BetaThompson(k, p.Number("alpha"), p.Number("beta"))),
        new("gaussian-thompson", "Thompson sampling with Gaussian posteriors N(μ̂, σ²/(n+1)) (Agrawal, Goyal 2013)",
            [Pos("sigma", 1.0, "posterior scale σ")],
            (k, p) => new GaussianThompson(k, p.Number("sigma"))),
        new("exp3", "EXP3 with anytime rate √(ln K/(tK)) (Auer et al. 2002; Bubeck, Cesa-Bianchi 2012)",
            [Num("eta", 0.0, "fixed learning rate η, or 0 for the anytime rate", 0)],
            (k, p) => new Exp3(k, p.Number("eta"))),
        new("exp3-ix", "EXP3 with implicit exploration (Neu 2015)", None, (k, _) => new Exp3Ix(k)),
        new("tsallis-inf", "Tsallis-INF, ½-Tsallis FTRL, best of both worlds (Zimmert, Seldin 2021)",
            [new ParameterInfo("estimator", ParameterType.Choice, "rv", "loss estimator: rv (reduced variance) or iw (importance weighting)") { Choices = ["rv", "iw"] }],
            (k, p) => new TsallisInf(k, p.Text("estimator") == "rv")),
        new("successive-elimination", "round-robin over active arms, eliminate by confidence (Even-Dar, Mannor, Mansour 2006)",
            [new ParameterInfo("delta", ParameterType.Number, 0.01, "confidence δ, in (0, 1)") { Min = 0, MinExclusive = true, Max = 0.999999 }],
            (k, p) => new SuccessiveElimination(k, p.Number("delta"))),
        new("sw-ucb", "sliding-window UCB for switching bandits (Garivier, Moulines 2011)",
            [Int("window", 1000, "window length τ", 1, 100_000_000), new ParameterInfo("xi", ParameterType.Number, 0.6, "exploration constant ξ, > 0.5") { Min = 0.5, MinExclusive = true }, Pos("bound", 1.0, "reward bound B")],
            (k, p) => new SlidingWindowUcb(k, (int)p.Integer("window"), p.Number("xi"), p.Number("bound"))),
        new("d-ucb", "discounted UCB for switching bandits (Kocsis, Szepesvári 2006; Garivier, Moulines 2011)",
            [Gamma(), Pos("xi", 0.6, "exploration constant ξ"), Pos("bound", 1.0, "reward bound B")],
            (k, p) => new DiscountedUcb(k, p.Number("gamma"), p.Number("xi"), p.Number("bound"))),
        new("discounted-thompson", "Beta–Bernoulli Thompson sampling with discounted counts (Raj, Kalyani 2017)",
            [Gamma(), Pos("alpha", 1.0, "prior successes α₀"), Pos("beta", 1.0, "prior failures β₀")],
            (k, p) => new DiscountedThompson(k, p.Number("gamma"), p.Number("alpha"), p.Number("beta"))),
        new("linucb", "contextual: LinUCB with disjoint ridge models (Li, Chu, Langford, Schapire 2010)",
            [Pos("alpha", 1.0, "exploration width α"), Pos("lambda", 1.0, "ridge regularization λ")],
            (k, p) => new Hindsight.Contextual.Policies.LinUcb(k, p.Number("alpha"), p.Number("lambda"))),
        new("linear-thompson", "contextual: linear Thompson sampling with disjoint ridge posteriors (Agrawal, Goyal 2013)",
            [Pos("v", 0.5, "posterior scale v"), Pos("lambda", 1.0, "ridge regularization λ")],
            (k, p) => new Hindsight.Contextual.Policies.LinearThompson(k, p.Number("v"), p.Number("lambda"))),
        new("linear-epsilon-greedy", "contextual: ε-greedy over per-arm ridge regressions",
            [Num("epsilon", 0.1, "exploration probability ε", 0, 1), Pos("lambda", 1.0, "ridge regularization λ")],
            (k, p) => new Hindsight.Contextual.Policies.LinearEpsilonGreedy(k, p.Number("epsilon"), p.Number("lambda"))),
        new("blocked-exp3", "EXP3 over blocks of τ rounds (one arm per block) for switching costs: O(T^(2/3)) regret and switches (Arora, Dekel, Tewari 2012)",
            [Int("block", 0, "block length τ (0: ⌈T^(1/3)⌉)", 0)],
            (k, p) => new BlockedExp3(k, (int)p.Integer("block"))),
        new("delayed", "a K-armed learner whose rewards arrive d rounds late (fixed, or uniform on 0..2d) (Joulani et al. 2013)",
            [new ParameterInfo("learner", ParameterType.Choice, "ucb1", "the learner fed late: one whose update needs only (arm, reward)") { Choices = DelayableLearners },
             Int("delay", 10, "delay d in rounds (the mean when random)", 0, 1_000_000),
             new ParameterInfo("random", ParameterType.Boolean, false, "uniform random delays on 0..2d")],
            (k, p) => new DelayedFeedback(CreateLearner(p.Text("learner"), k), (int)p.Integer("delay"), p.Boolean("random"))),
        new("budgeted-feedback", "switching costs with an observation budget: batched EXP3 or lazy exponential weights on bought full-information rounds, whichever bound is smaller (Cheng, Zhou, Ji 2023)",
            [Int("budget", 0, "observations the learner may buy: B_ex extra (bandit feedback free) or B in all", 0, long.MaxValue),
             new ParameterInfo("count", ParameterType.Choice, "extra", "what the budget counts: extra (bandit feedback is free) or total (every look)") { Choices = ["extra", "total"] },
             new ParameterInfo("feedback", ParameterType.Choice, "auto", "the feedback bought: auto (smaller bound), bandit or full") { Choices = ["auto", "bandit", "full"] }],
            (k, p) => new BudgetedFeedback(
                k,
                p.Integer("budget"),
                p.Text("count") == "total" ? ObservationBudgetKind.Total : ObservationBudgetKind.Extra,
                p.Text("feedback") switch { "bandit" => FeedbackType.Bandit, "full" => FeedbackType.Full, _ => FeedbackType.Auto })),
        new("apple-tasting", "one-sided feedback: the silent arm reveals nothing, any other arm reveals every arm; exponential weights with γ-exploration, O(T^(2/3)) (label-efficient prediction)",
            [Int("silent", 0, "the arm that reveals nothing (apple tasting's reject)", 0)],
            (k, p) => new AppleTasting(k, (int)p.Integer("silent"))),
        new("one-sided", "a K-armed learner under one-sided feedback: not updated after pulling the silent arm (apple tasting)",
            [new ParameterInfo("learner", ParameterType.Choice, "thompson", "the learner: one whose update needs only (arm, reward)") { Choices = DelayableLearners },
             Int("silent", 0, "the arm that reveals nothing", 0)],
            (k, p) => new OneSidedFeedback(CreateLearner(p.Text("learner"), k), (int)p.Integer("silent"))),
        new("fictitious-play", "experts (full information): fictitious play, a pure best response to the cumulative rewards (Brown 1951; follow the leader)",
            [],
            (k, _) => new Hindsight.Experts.Policies.FictitiousPlay(k)),
        new("regret-matching", "experts (full information): regret matching, pₜ ∝ max(Rₜ₋₁, 0), regret matching⁺, predictive RM⁺ (Hart, Mas-Colell 2000; Tammelin 2014; Farina et al. 2021)",
            [new ParameterInfo("plus", ParameterType.Boolean, false, "regret matching⁺: clip cumulative regrets at 0"),
             new ParameterInfo("predictive", ParameterType.Boolean, false, "predictive: add the last instantaneous regret as a prediction")],
            (k, p) => new Hindsight.Experts.Policies.RegretMatching(k, p.Boolean("plus"), p.Boolean("predictive"))),
        new("hedge", "experts (full information): Hedge, exponential weights with a fixed rate, tuned to the horizon by default (Freund, Schapire 1997)",
            [Num("eta", 0.0, "learning rate η (0: √(8 ln K / T))", 0)],
            (k, p) => new Hindsight.Experts.Policies.Hedge(k, p.Number("eta"))),
        new("hedge-anytime", "experts (full information): Hedge with ηₜ = √(8 ln K / t)",
            [],
            (k, _) => new Hindsight.Experts.Policies.AnytimeHedge(k)),
        new("adahedge", "experts (full information): AdaHedge, η from the cumulative mixability gap (de Rooij et al. 2014)",
            [],
            (k, _) => new Hindsight.Experts.Policies.AdaHedge(k)),
        new("optimistic-hedge", "experts (full information): optimistic Hedge, the last loss as hint, adaptive rate (Rakhlin, Sridharan 2013)",
            [],
            (k, _) => new Hindsight.Experts.Policies.OptimisticHedge(k)),
        new("fpl", "experts (full information): follow the perturbed leader, exponential perturbations, ηₜ = √(ln K / t) (Kalai, Vempala 2005)",
            [],
            (k, _) => new Hindsight.Experts.Policies.FollowThePerturbedLeader(k)),
        new("neural-squarecb", "contextual: NeuSquareCB, inverse gap weighting over a perturbed online network on square loss (Deb et al. 2024)",
            [Pos("gamma", 10.0, "γ₀ of γₜ = γ₀√t"), .. NetworkParameters()],
            (k, p) => new Hindsight.Contextual.Policies.NeuSquareCb(k, p.Number("gamma"), (int)p.Integer("width"), p.Number("eta"), p.Number("perturbation"))),
        new("neural-fastcb", "contextual: NeuFastCB, FastCB's first-order weighting over a perturbed online network on KL loss (Deb et al. 2024)",
            [Pos("gamma", 10.0, "γ₀ of γₜ = γ₀√t"), .. NetworkParameters()],
            (k, p) => new Hindsight.Contextual.Policies.NeuFastCb(k, p.Number("gamma"), (int)p.Integer("width"), p.Number("eta"), p.Number("perturbation"))),
        new("neural-epsilon-greedy", "contextual: ε-greedy over a perturbed online network on square loss",
            [Num("epsilon", 0.05, "exploration probability ε", 0, 1), .. NetworkParameters()],
            (k, p) => new Hindsight.Contextual.Policies.NeuralEpsilonGreedy(k, p.Number("epsilon"), (int)p.Integer("width"), p.Number("eta"), p.Number("perturbation"))),
    ];

    /// <summary>The registered K-armed environments, by name.</summary>
    public static IReadOnlyList<EnvironmentInfo> Environments { get; } =
    [
        new("bernoulli", "stochastic Bernoulli arms with the given means",
            [new ParameterInfo("means", ParameterType.NumberList, null, "the arms' means, each in [0, 1]") { Min = 0, Max = 1 }],
            _ => null,
            p => new BernoulliEnvironment(p.Numbers("means"))),
        new("gaussian", "stochastic Gaussian arms N(μ_a, σ_a²)",
            [new ParameterInfo("means", ParameterType.NumberList, null, "the arms' means"),
             new ParameterInfo("sigma", ParameterType.NumberList, new[] { 1.0 }, "standard deviation: one for all arms, or one per arm") { Min = 0 }],
            p => p.Numbers("sigma").Length is 1 || p.Numbers("sigma").Length == p.Numbers("means").Length
                ? null
                : new ParameterProblem("sigma", $"arm count mismatch: {p.Numbers("sigma").Length} standard deviations for {p.Numbers("means").Length} arms (give one, or one per arm)"),
            p =>
            {
                double[] means = p.Numbers("means"), sigma = p.Numbers("sigma");
                return new GaussianEnvironment(means, sigma.Length == 1 ? Enumerable.Repeat(sigma[0], means.Length).ToArray() : sigma);
            }),
        new("beta", "stochastic Beta(α_a, β_a) arms, rewards in [0, 1]",
            [new ParameterInfo("alpha", ParameterType.NumberList, null, "shape α of each arm, > 0") { Min = 0, MinExclusive = true },
             new ParameterInfo("beta", ParameterType.NumberList, null, "shape β of each arm, > 0") { Min = 0, MinExclusive = true }],
            p => p.Numbers("alpha").Length == p.Numbers("beta").Length
                ? null
                : new ParameterProblem("beta", $"arm count mismatch: {p.Numbers("beta").Length} β shapes for {p.Numbers("alpha").Length} α shapes"),
            p => new BetaEnvironment(p.Numbers("alpha"), p.Numbers("beta"))),
        new("table", "oblivious adversarial rewards read from a CSV table (one row per round, one column per arm)",
            [new ParameterInfo("path", ParameterType.Path, null, "the CSV file, relative to the spec file")],
            _ => null,
            p => RewardTableEnvironment.FromCsv(p.FullPath("path"))),
        new("switching", "oblivious adversary whose best arm (drawn at random) switches every `period` rounds",
            [Int("arms", 10, "number of arms", 2, 1 << 20), Int("period", 1000, "block length S", 1, long.MaxValue),
             Num("high", 0.7, "mean of the block's best arm", 0, 1), Num("low", 0.3, "mean of the other arms", 0, 1)],
            p => p.Number("low") <= p.Number("high") ? null : new ParameterProblem("low", $"low ({p.Number("low")}) must not exceed high ({p.Number("high")})"),
            p => new SwitchingEnvironment((int)p.Integer("arms"), p.Integer("period"), p.Number("high"), p.Number("low"))),
        new("stochastically-constrained", "adversarially moving means with a constant gap Δ to the best arm (Zimmert, Seldin 2021)",
            [Int("arms", 10, "number of arms", 2, 1 << 20), new ParameterInfo("gap", ParameterType.Number, 0.1, "gap Δ, > 0") { Min = 0, MinExclusive = true, Max = 1 },
             Int("best", 0, "index of the best arm", 0), Num("low", 0.3, "best arm's low level", 0, 1), Num("high", 0.9, "best arm's high level", 0, 1),
             new ParameterInfo("growth", ParameterType.Number, 1.6, "phase length growth factor, > 1") { Min = 1, MinExclusive = true }],
            p =>
            {
                if (p.Integer("best") >= p.Integer("arms"))
                {
                    return new ParameterProblem("best", $"best arm {p.Integer("best")} is not one of the {p.Integer("arms")} arms (0..{p.Integer("arms") - 1})");
                }

                if (p.Number("low") - p.Number("gap") < 0)
                {
                    return new ParameterProblem("gap", $"gap {p.Number("gap")} exceeds low {p.Number("low")}: the other arms' mean would be negative");
                }

                return p.Number("low") <= p.Number("high") ? null : new ParameterProblem("low", $"low ({p.Number("low")}) must not exceed high ({p.Number("high")})");
            },
            p => new StochasticallyConstrainedEnvironment((int)p.Integer("arms"), p.Number("gap"), (int)p.Integer("best"), p.Number("low"), p.Number("high"), p.Number("growth"))),
        new("piecewise", "piecewise-stationary Bernoulli arms: means jump at change points",
            [new ParameterInfo("changePoints", ParameterType.IntegerList, null, "rounds (> 1, increasing) where a new segment starts") { Min = 2 },
             new ParameterInfo("means", ParameterType.NumberTable, null, "one list of arm means per segment, each in [0, 1]") { Min = 0, Max = 1 }],
            p =>
            {
                long[] cps = p.Integers("changePoints");
                double[][] means = p.Table("means");
                for (int i = 1; i < cps.Length; i++)
                {
                    if (cps[i] <= cps[i - 1])
                    {
                        return new ParameterProblem("changePoints", $"change points must increase; {cps[i]} follows {cps[i - 1]}");
                    }
                }

                if (means.Length != cps.Length + 1)
                {
                    return new ParameterProblem("means", $"{cps.Length} change points need {cps.Length + 1} segments of means, not {means.Length}");
                }

                for (int s = 1; s < means.Length; s++)
                {
                    if (means[s].Length != means[0].Length)
                    {
                        return new ParameterProblem("means", $"arm count mismatch: segment {s + 1} has {means[s].Length} means, segment 1 has {means[0].Length}");
                    }
                }

                return null;
            },
            p => new PiecewiseStationaryEnvironment(p.Integers("changePoints"), p.Table("means"))),
        new("linear", "contextual: unit-length contexts, mean reward θ_a·x, Gaussian noise (θ_a drawn per run)",
            [Int("arms", 5, "number of arms", 2, 1 << 20), Int("dimension", 10, "context dimension d", 1, 4096), Num("noise", 0.1, "reward noise σ", 0)],
            _ => null,
            p => new Hindsight.Contextual.Environments.LinearContextualEnvironment((int)p.Integer("arms"), (int)p.Integer("dimension"), p.Number("noise"))),
        new("classification", "contextual: a classification CSV played as a bandit (arms = classes, reward 1 for the true class)",
            [new ParameterInfo("path", ParameterType.Path, null, "the CSV file, relative to the spec file"),
             Int("label", -1, "the label's 0-based column (−1: the last)", -1),
             new ParameterInfo("header", ParameterType.Boolean, false, "whether the first line names the columns"),
             Int("rows", 0, "read at most this many rows (0: all)", 0)],
            _ => null,
            p => new Hindsight.Contextual.Environments.ClassificationEnvironment(
                Hindsight.Formats.ClassificationData.ReadCsv(p.FullPath("path"), (int)p.Integer("label"), p.Boolean("header"), (int)p.Integer("rows")))),
        new("sinusoid", "arms whose means drift smoothly, 1/2 + A sin(2πt/Pₐ + φₐ); rewards the means or Bernoulli draws",
            [Int("arms", 10, "number of arms", 1, 1 << 20), Num("period", 1000.0, "typical period P in rounds, ≥ 2", 2),
             Num("amplitude", 0.4, "amplitude A ∈ [0, 0.5]", 0, 0.5), new ParameterInfo("bernoulli", ParameterType.Boolean, false, "Bernoulli rewards instead of the means")],
            _ => null,
            p => new SinusoidEnvironment((int)p.Integer("arms"), p.Number("period"), p.Number("amplitude"), p.Boolean("bernoulli"))),
        new("multiscale-walk", "the switching-costs lower-bound instance: Bernoulli rewards around ½ + a multi-scale random walk, one arm ε = c(K/T)^(1/3) better (Dekel et al. 2014)",
            [Int("arms", 2, "number of arms K", 2, 1 << 20),
             Num("gapScale", 2.0, "c in the gap ε = c(K/T)^(1/3)", 1e-9, 1e9),
             new ParameterInfo("walk", ParameterType.Boolean, true, "share the random walk (σ = 1/(9 log₂ T)) across arms")],
            _ => null,
            p => new MultiscaleWalkEnvironment((int)p.Integer("arms"), p.Number("gapScale"), p.Boolean("walk"))),
        new("quadratic", "contextual: unit-length contexts, K classes argmax_a (θ_a·x)², reward Bernoulli(1−q) for the class, Bernoulli(q) otherwise",
            [Int("arms", 4, "number of arms", 2, 1 << 20), Int("dimension", 10, "context dimension d", 1, 4096), Num("noise", 0.0, "label noise q ∈ [0, 0.5)", 0, 0.4999)],
            _ => null,
            p => new Hindsight.Contextual.Environments.QuadraticContextualEnvironment((int)p.Integer("arms"), (int)p.Integer("dimension"), p.Number("noise"))),
        new("logistic", "contextual: unit-length contexts, Bernoulli rewards with logit s·θ_a·x (θ_a drawn per run)",
            [Int("arms", 5, "number of arms", 2, 1 << 20), Int("dimension", 10, "context dimension d", 1, 4096), Pos("scale", 3.0, "logit scale s")],
            _ => null,
            p => new Hindsight.Contextual.Environments.LinearContextualEnvironment((int)p.Integer("arms"), (int)p.Integer("dimension"), 0, p.Number("scale"))),
    ];

    /// <summary>Finds a learner by registered name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The learner, or null.</returns>
    public static LearnerInfo? FindLearner(string name) => Learners.FirstOrDefault(l => l.Name == name);

    /// <summary>Finds an environment by registered name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The environment, or null.</returns>
    public static EnvironmentInfo? FindEnvironment(string name) => Environments.FirstOrDefault(e => e.Name == name);

    /// <summary>Creates a policy by registered name with default parameters (for benchmarks and tests).</summary>
    /// <param name="name">The registered name.</param>
    /// <param name="arms">Number of arms.</param>
    /// <returns>The policy.</returns>
    public static IBanditPolicy CreateLearner(string name, int arms)
    {
        LearnerInfo info = FindLearner(name) ?? throw new ArgumentException($"Unknown learner '{name}'.", nameof(name));
        return info.Create(arms, Defaults(info.Parameters));
    }

    /// <summary>A parameter set holding every default.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <returns>The defaults.</returns>
    public static ParameterSet Defaults(IReadOnlyList<ParameterInfo> parameters)
    {
        var set = new ParameterSet();
        foreach (ParameterInfo p in parameters)
        {
            set.Set(p.Name, p.Default);
        }

        return set;
    }

    private static ParameterInfo Num(string name, double value, string description, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
        => new(name, ParameterType.Number, value, description) { Min = min, Max = max };

    private static ParameterInfo Pos(string name, double value, string description)
        => new(name, ParameterType.Number, value, description + ", > 0") { Min = 0, MinExclusive = true };

    private static ParameterInfo Int(string name, long value, string description, long min, long max = int.MaxValue)
        => new(name, ParameterType.Integer, value, description) { Min = min, Max = max };

    /// <summary>Learners whose update uses only (arm, reward), so delivering it late keeps it correct.</summary>
    private static string[] DelayableLearners => ["ucb1", "ucb-v", "moss", "kl-ucb", "thompson", "gaussian-thompson", "epsilon-greedy", "successive-elimination"];

    private static ParameterInfo[] NetworkParameters() =>
    [
        Int("width", 32, "hidden width m of the one-hidden-layer network", 1, 4096),
        Pos("eta", 0.5, "the network's online gradient step η"),
        Num("perturbation", 0.1, "scale σ of the random perturbation of predictions (0: none)", 0),
    ];

    private static ParameterInfo Gamma()
        => new("gamma", ParameterType.Number, 0.999, "discount factor γ, in (0, 1]") { Min = 0, MinExclusive = true, Max = 1 };
}
