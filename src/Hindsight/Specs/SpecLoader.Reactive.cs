using Hindsight.Bandits;
using Hindsight.Bandits.Policies;
using Hindsight.Reactive;
using Hindsight.Recovering;
using Hindsight.Streaming;
using YamlDotNet.RepresentationModel;

namespace Hindsight.Specs;

/// <summary>The <c>kind: reactive</c> part of the spec loader.</summary>
public sealed partial class SpecLoader
{
    private static readonly string[] ReactiveKeys = ["kind", "name", "description", "horizons", "runs", "seed", "environment", "learners"];

    /// <summary>The environment kinds of <c>kind: reactive</c> specs.</summary>
    public static IReadOnlyList<(string Name, string Description, ParameterInfo[] Parameters)> ReactiveEnvironments { get; } =
    [
        ("previous-action", "memory one: the mean of arm a is r[prev][a] (rows prev separated by ';'), plus Gaussian noise",
            [new ParameterInfo("means", ParameterType.Text, null, "rows of r, e.g. \"0.9 1; 0.1 0\""), new ParameterInfo("noise", ParameterType.Number, 0.0, "σ") { Min = 0 }]),
        ("weighted-tallying", "loss linear in the weighted count of an arm's plays in the last m rounds (Malik, Li and Singh 2023)",
            [Numbers("weights", "w₁ … wₘ ≥ 0, the weight of a play s rounds ago (m = its length)", 0, double.PositiveInfinity), Numbers("fresh", "fₐ(0) ∈ [0, 1], each arm's loss when not played lately"), Numbers("saturated", "fₐ(W) ∈ [0, 1], each arm's loss after m consecutive plays")]),
        ("last-switch", "satiation and deprivation: fᵢ(−d) = cᵢ(1 − ρᵢ^d) after d rounds away, fᵢ(+s) = cᵢ(1 − ρᵢ^τ)γᵢ^s after s plays in a row",
            [Numbers("scales", "cᵢ ∈ [0, 1]"), Numbers("recharge", "ρᵢ ∈ [0, 1)", 0, BelowOne), Numbers("satiation", "γᵢ ∈ [0, 1]"), GameInt("maxDelay", 10, "τ_max", 1, 1000)]),
        ("dynamical-linear", "hidden state x' = ρx + a, reward ⟨ω, x⟩ + ⟨θ, a⟩ in the plane, K actions on the unit circle (Mussi et al. 2023)",
            [new ParameterInfo("rho", ParameterType.Number, 0.8, "ρ ∈ [0, 1)") { Min = 0, Max = 0.999 }, GameInt("arms", 8, "K", 2, 1000),
             new ParameterInfo("coupling", ParameterType.Number, 0.3, "c: ω = (−c, c)") { Min = 0 }, new ParameterInfo("noise", ParameterType.Number, 0.1, "σ") { Min = 0 }]),
        ("recovering", "N arms, K pulls a period, Rᵢ(z) = cᵢ(1 − ρᵢ^z) after z idle periods (Simchi-Levi, Zheng and Zhu)",
            [Numbers("scales", "cᵢ ∈ [0, 1]"), Numbers("rates", "ρᵢ ∈ [0, 1)", 0, BelowOne), GameInt("pulls", 1, "K", 1, 1000), GameInt("maxIdle", 8, "z_max", 1, 1000)]),
        ("streaming", "K Bernoulli arms with means uniform in [low, high] arriving in a single pass (Wang 2023)",
            [GameInt("arms", 100, "K", 1, 1_000_000), new ParameterInfo("low", ParameterType.Number, 0.0, "smallest mean") { Min = 0, Max = 1 },
             new ParameterInfo("high", ParameterType.Number, 1.0, "largest mean") { Min = 0, Max = 1 }, GameInt("seed", 1, "the means' seed", 0)]),
    ];

    /// <summary>The learners of <c>kind: reactive</c> specs.</summary>
    public static IReadOnlyList<(string Name, string Description, ParameterInfo[] Parameters)> ReactiveLearners { get; } =
    [
        ("round-robin", "the arms in turn, switching every round (arm environments)", []),
        ("ucb1", "UCB1, blind to the environment's memory (arm environments)", [new ParameterInfo("alpha", ParameterType.Number, 2.0, "α of √(α ln t / n)") { Min = 0 }]),
        ("successive-elimination", "round-robin successive elimination (arm environments)", [Delta()]),
        ("modified-successive-elimination", "blocks of M warm-up rounds then samples, eliminate (weighted tallying; arm environments)", [GameInt("memoryBound", 8, "M ≥ m", 1, 1_000_000), Delta()]),
        ("last-switch-ucb", "block-cycle planning on optimistic monotone payoffs (last-switch)", []),
        ("dynlin-ucb", "DynLin-UCB: growing blocks, steady-state ridge regression, optimism (dynamical-linear)",
            [new ParameterInfo("rhoBound", ParameterType.Number, -1.0, "ρ̄ ≥ ρ (negative: the environment's ρ)") { Max = 0.999 },
             new ParameterInfo("bound", ParameterType.Number, -1.0, "S ≥ ‖h‖ (negative: ‖θ‖ + ‖B‖‖ω‖/(1 − ρ̄))")]),
        ("periodic-ucb", "purely periodic schedules planned on optimistic recovery curves (recovering)", []),
        ("top-ucb", "the K arms with the largest UCB1 index, blind to recovery (recovering)", []),
        ("uniform-exploration", "each arriving arm pulled (T/K)^{2/3}(ln K)^{1/3} times, the best kept, then commit (streaming)", []),
        ("epsilon-best-arm", "each arriving arm races the stored king, ε = (K/T)^{1/3}, then commit (streaming)", []),
    ];

    private const double BelowOne = 1 - 1e-12; // [0, 1): the catalog's ranges are closed above

    private static ParameterInfo Numbers(string name, string description, double min = 0, double max = 1) => new(name, ParameterType.NumberList, null, description) { Min = min, Max = max };

    private static ParameterInfo Delta() => new("delta", ParameterType.Number, 0.01, "confidence δ") { Min = 0, MinExclusive = true, Max = 0.5 };

    private ReactiveStudy BuildReactive(YamlMappingNode root, string defaultName, SpecOverrides overrides)
    {
        Dictionary<string, YamlNode> keys = ReadKeys(root, ReactiveKeys);
        (string name, string? description) = ReadNameAndDescription(keys, defaultName);
        int runs = overrides.Runs ?? (keys.TryGetValue("runs", out YamlNode? r) ? (int)ReadInteger(r, "runs", 1, 10_000) : 4);
        ulong seed = ReadSeed(overrides, keys);
        long[] horizons = [10_000];
        if (overrides.Horizon is { } given)
        {
            horizons = [given];
        }
        else if (keys.TryGetValue("horizons", out YamlNode? h))
        {
            var list = new List<long>();
            int i = 0;
            foreach (YamlNode item in ListOrScalar(h, "horizons"))
            {
                long value = ReadInteger(item, $"horizons[{i}]", 1, 100_000_000);
                if (list.Count > 0 && value <= list[^1])
                {
                    throw Error(item, $"horizons[{i}]", "horizons must increase");
                }

                list.Add(value);
                i++;
            }

            if (list.Count == 0)
            {
                throw Error(h, "horizons", "the list is empty");
            }

            horizons = [.. list];
        }

        YamlNode envNode = Required(root, keys, "environment", $"the environment, e.g. {{kind: weighted-tallying, weights: [1, 0.5], fresh: [0.9, 0.4], saturated: [0.1, 0.3]}} (kinds: {string.Join(", ", ReactiveEnvironments.Select(x => x.Name))})");
        var (envKind, _, ep) = ReadCatalogEntry(envNode, "environment", "reactive environment", ReactiveEnvironments);
        if (envKind == "streaming" && ep.Number("low") > ep.Number("high"))
        {
            throw Error(envNode, "environment.low", $"low = {ep.Number("low")} exceeds high = {ep.Number("high")}");
        }

        object environment;
        try
        {
            double[] List(string key) => (double[])ep.Get(key)!;
            environment = envKind switch
            {
                "previous-action" => new PreviousActionBandit(ParseMatrix(envNode, "environment.means", ep.Text("means")), ep.Number("noise")),
                "weighted-tallying" => new WeightedTallyingBandit(List("weights"), List("fresh"), List("saturated")),
                "last-switch" => new LastSwitchBandit(List("scales"), List("recharge"), List("satiation"), (int)ep.Integer("maxDelay")),
                "dynamical-linear" => DynamicalLinearBandit.Planar(ep.Number("rho"), (int)ep.Integer("arms"), ep.Number("coupling"), ep.Number("noise")),
                "recovering" => new RecoveringBandit(List("scales"), List("rates"), (int)ep.Integer("pulls"), (int)ep.Integer("maxIdle")),
                _ => StreamingBandit.Uniform((int)ep.Integer("arms"), (ulong)ep.Integer("seed"), ep.Number("low"), ep.Number("high")),
            };
        }
        catch (ArgumentException ex)
        {
            throw Error(envNode, "environment", ex.Message);
        }

        // What a learner is measured against does not depend on the learner: replayed once per (T, seed, run), shared.
        (Func<long, ulong, long, ComparatorRewards>? arms, Func<long, ulong, long, double>? benchmark) comparators = environment switch
        {
            IReactiveBandit bandit => (Memo((t, seed, run) => PolicyRegretMeter.Comparators(bandit, t, seed, run, bandit is LastSwitchBandit l ? [new BlockCyclePlanner(l)] : [])), null),
            RecoveringBandit recovering => (null, Memo((t, seed, run) => RecoveringRun.Total(recovering, new PurelyPeriodicPolicy(recovering), t, seed, run))),
            _ => (null, null), // streaming: pseudo-regret needs no replay
        };
        List<ReactiveLearnerSetup> learners = ReadList(root, keys, "learners", $"a list of learners (kinds: {string.Join(", ", ReactiveLearners.Select(x => x.Name))})", "learner", (item, field) =>
        {
            var (kind, display, p) = ReadCatalogEntry(item, field, "reactive learner", ReactiveLearners);
            Func<long, ulong, long, ReactiveOutcome> measure;
            try
            {
                measure = ReactiveMeasure(environment, envKind, kind, p, comparators);
            }
            catch (ArgumentException ex)
            {
                throw Error(item, field, ex.Message);
            }

            return (display ?? kind, new ReactiveLearnerSetup(display ?? kind, kind, p.Values, measure));
        });
        return new ReactiveStudy(name, description, envKind, ep.Values, horizons, runs, seed, learners);
    }

    /// <summary>A thread-safe cache of a function of (T, seed, run): each value computed at most once.</summary>
    private static Func<long, ulong, long, T> Memo<T>(Func<long, ulong, long, T> compute)
    {
        var memo = new System.Collections.Concurrent.ConcurrentDictionary<(long, ulong, long), Lazy<T>>();
        return (t, seed, run) => memo.GetOrAdd((t, seed, run), key => new Lazy<T>(() => compute(key.Item1, key.Item2, key.Item3))).Value;
    }

    private static Func<long, ulong, long, ReactiveOutcome> ReactiveMeasure(object environment, string envKind, string kind, ParameterSet p, (Func<long, ulong, long, ComparatorRewards>? Arms, Func<long, ulong, long, double>? Benchmark) comparators)
    {
        string Only() => $"learner '{kind}' runs on {Home(kind)}, not on '{envKind}'";
        switch (environment)
        {
            case IReactiveBandit bandit:
                Func<IBanditPolicy> create = kind switch
                {
                    "round-robin" => () => new RoundRobin(bandit.Arms),
                    "ucb1" => () => new IndexPolicy<Ucb1Rule>(bandit.Arms, new Ucb1Rule(p.Number("alpha"))),
                    "successive-elimination" => () => new SuccessiveElimination(bandit.Arms, p.Number("delta")),
                    "modified-successive-elimination" => () => new ModifiedSuccessiveElimination(bandit.Arms, (int)p.Integer("memoryBound"), p.Number("delta")),
                    "last-switch-ucb" when bandit is LastSwitchBandit lsd => () => new LastSwitchUcb(lsd.Arms, lsd.MaxDelay),
                    "dynlin-ucb" when bandit is DynamicalLinearBandit dyn => DynLin(dyn, p),
                    _ => throw new ArgumentException(Only()),
                };
                if (kind == "modified-successive-elimination" && bandit is WeightedTallyingBandit tallying)
                {
                    tallying.RequireMemoryBound((int)p.Integer("memoryBound"));
                }

                return (t, seed, run) =>
                {
                    PolicyRegretResult r = PolicyRegretMeter.Run(bandit, create(), t, seed, run, comparators.Arms!(t, seed, run));
                    return new ReactiveOutcome(r.PolicyRegret, r.ExternalRegret, r.PlannerRewards.Count > 0 ? r.RegretAgainst(r.PlannerRewards.Keys.Single()) : null, null);
                };
            case RecoveringBandit recovering:
                Func<IRecoveringPolicy> policy = kind switch
                {
                    "periodic-ucb" => () => new PeriodicUcb(recovering.Arms, recovering.Pulls, recovering.MaxIdle),
                    "top-ucb" => () => new TopUcbRecovering(recovering.Arms, recovering.Pulls),
                    _ => throw new ArgumentException(Only()),
                };
                return (t, seed, run) => new ReactiveOutcome(null, null, comparators.Benchmark!(t, seed, run) - RecoveringRun.Total(recovering, policy(), t, seed, run), null);
            default:
                var stream = (StreamingBandit)environment;
                Func<IStreamingLearner> learner = kind switch
                {
                    "uniform-exploration" => () => new UniformStreamingExploration(),
                    "epsilon-best-arm" => () => new EpsilonBestArmStreaming(),
                    _ => throw new ArgumentException(Only()),
                };
                return (t, seed, run) =>
                {
                    IStreamingLearner l = learner();
                    StreamingPass pass = stream.Start(t, l.Memory, seed, run);
                    l.Run(pass);
                    return new ReactiveOutcome(null, null, null, pass.PseudoRegret);
                };
        }
    }

    private static string Home(string learner) => learner switch
    {
        "last-switch-ucb" => "last-switch environments",
        "dynlin-ucb" => "dynamical-linear environments",
        "periodic-ucb" or "top-ucb" => "recovering environments",
        "uniform-exploration" or "epsilon-best-arm" => "streaming environments",
        _ => "one-arm-a-round environments (previous-action, weighted-tallying, last-switch, dynamical-linear)",
    };

    private static Func<IBanditPolicy> DynLin(DynamicalLinearBandit bandit, ParameterSet p)
    {
        double rho = p.Number("rhoBound") >= 0 ? p.Number("rhoBound") : bandit.SpectralRadius;
        if (rho < bandit.SpectralRadius - 1e-12)
        {
            throw new ArgumentException($"rhoBound = {rho} is below the environment's ρ = {bandit.SpectralRadius:G4}; ρ̄ must bound ρ");
        }

        double bound = p.Number("bound") >= 0 ? p.Number("bound") : bandit.SteadyStateBound(rho);
        return () => new DynLinUcb(bandit.Actions, rho, bound, bandit.Noise);
    }
}
