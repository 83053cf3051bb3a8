using Hindsight.Bandits;
using Hindsight.Dueling;
using Hindsight.Dueling.Policies;
using Hindsight.Experts;
using Hindsight.Games;
using Hindsight.Games.Markov;
using Hindsight.Preferences;
using Hindsight.Preferences.Learners;
using YamlDotNet.RepresentationModel;

namespace Hindsight.Specs;

/// <content>Repeated games (<c>kind: game</c>), Markov games (<c>kind: markov</c>), preference learning
/// (<c>kind: preference</c>) and dueling bandits (<c>kind: dueling</c>).</content>
public sealed partial class SpecLoader
{
    private static readonly string[] GameKeys = ["kind", "name", "description", "horizon", "seed", "feedback", "updates", "games", "learners"];
    private static readonly string[] PreferenceKeys = ["kind", "name", "description", "iterations", "beta", "seed", "game", "learners"];
    private static readonly string[] DuelingKeys = ["kind", "name", "description", "horizon", "runs", "seed", "environments", "learners"];
    private static readonly string[] MarkovKeys = ["kind", "name", "description", "iterations", "seed", "games", "learners"];

    /// <summary>The game kinds of <c>kind: markov</c> specs.</summary>
    public static IReadOnlyList<(string Name, string Description, ParameterInfo[] Parameters)> MarkovGameKinds { get; } =
    [
        ("random", "rewards uniform on [−1, 1] (player 2's = −player 1's when zero-sum), Dirichlet(1) transitions, start in state 0",
            [GameInt("states", 3, "the number of states", max: 64), GameInt("actions", 3, "actions per player per state", max: 64),
             new ParameterInfo("discount", ParameterType.Number, 0.8, "γ") { Min = 0, Max = 0.999 },
             new ParameterInfo("zeroSum", ParameterType.Boolean, true, "player 2's reward is −player 1's"), GameInt("seed", 1, "the game's seed", 0)]),
    ];

    /// <summary>The game kinds of <c>kind: game</c> specs: the classics by name, random games and Gambit files.</summary>
    public static IReadOnlyList<(string Name, string Description, ParameterInfo[] Parameters)> GameKinds { get; } =
    [
        .. Classics.ByName.Keys.Select(name => (name, $"the classic {name} (two players)", Array.Empty<ParameterInfo>())),
        ("random-zero-sum", "a two-player zero-sum game with payoffs uniform on [−1, 1]",
            [GameInt("rows", 3, "the row player's strategies", max: 1000), GameInt("columns", 3, "the column player's strategies", max: 1000), GameInt("seed", 1, "the game's seed", 0)]),
        ("random-general-sum", "an n-player game with every payoff uniform on [−1, 1]",
            [GameInt("players", 2, "the number of players", max: 20), GameInt("strategies", 3, "strategies per player", max: 1000), GameInt("seed", 1, "the game's seed", 0)]),
        ("nfg", "a game read from a Gambit .nfg file",
            [new ParameterInfo("data", ParameterType.Path, null, "the .nfg file, relative to the spec file")]),
    ];

    /// <summary>The preference-game kinds of <c>kind: preference</c> specs.</summary>
    public static IReadOnlyList<(string Name, string Description, ParameterInfo[] Parameters)> PreferenceGameKinds { get; } =
    [
        ("intransitive", "P(y ≻ y') = σ(τ(s_y − s_y') + c·sin(2π(y − y')/n)): transitive scores plus a cycle",
            [GameInt("prompts", 4, "the number of prompts", max: 10_000), GameInt("responses", 7, "responses per prompt", 2, 1000),
             new ParameterInfo("cycle", ParameterType.Number, 3.0, "c, the cycle's strength") { Min = 0 },
             new ParameterInfo("transitive", ParameterType.Number, 0.5, "τ, the scores' weight") { Min = 0 },
             new ParameterInfo("spread", ParameterType.Number, 0.5, "how far the reference policy is from uniform") { Min = 0, Max = 20 },
             GameInt("seed", 1, "the game's seed", 0)]),
        ("contextual", "context features φ ~ N(0, I), a hidden linear reward wᵀφ as the transitive part, plus a cycle (for log-linear learners)",
            [GameInt("prompts", 16, "the number of prompts", max: 10_000), GameInt("responses", 6, "responses per prompt", 2, 1000), GameInt("dimension", 5, "d, the features' dimension", max: 1000),
             new ParameterInfo("cycle", ParameterType.Number, 0.0, "c, the cycle's strength") { Min = 0 },
             new ParameterInfo("transitive", ParameterType.Number, 1.5, "τ, the hidden reward's weight") { Min = 0 },
             new ParameterInfo("spread", ParameterType.Number, 0.5, "how far the reference policy is from uniform") { Min = 0, Max = 20 },
             GameInt("seed", 1, "the hidden reward's seed", 0), GameInt("promptSeed", 1, "the prompts' seed", 0)]),
    ];

    /// <summary>The learners of <c>kind: preference</c> specs.</summary>
    public static IReadOnlyList<(string Name, string Description, ParameterInfo[] Parameters)> PreferenceLearners { get; } =
    [
        ("nash-mp", "Nash mirror prox: two KL-proximal steps per iteration (Tiapkin et al. 2025)", [Eta(0.5), Samples()]),
        ("egpo", "extragradient preference optimization (Zhou et al. 2025; Cen et al. 2021)", [Eta(0.5), Samples()]),
        ("inpo", "iterative Nash policy optimization: online mirror descent on the regularized game (Zhang et al. 2024)", [Eta(0.5), Samples()]),
        ("nash-md", "Nash mirror descent with ηₜ = 1/(β(t + 2)) by default (Munos et al. 2024)", [new ParameterInfo("eta", ParameterType.Number, 0.0, "η (0: the paper's schedule)") { Min = 0 }, Samples()]),
        ("spo", "self-play preference optimization: multiplicative weights on win rates (Swamy et al. 2024)", [Eta(0.1), Samples()]),
        ("dpo", "direct preference optimization on pairs from μ (offline) or from the policy (online) (Rafailov et al. 2023)", [Eta(20), Online(), Pairs()]),
        ("ipo", "identity preference optimization (Azar et al. 2024)", [Eta(0.5), Online(), Pairs()]),
        ("xpo", "online DPO with XPO's exploration bonus α E_μ log π (Xie et al. 2024)", [Eta(20), new ParameterInfo("alpha", ParameterType.Number, 1e-3, "α, the bonus weight") { Min = 0 }, Pairs()]),
        ("ofs-dpo", "online DPO with fast–slow chasing (Qi et al. 2024), tabular",
            [new ParameterInfo("fast", ParameterType.Number, 40.0, "η of the fast copy") { Min = 0, MinExclusive = true },
             new ParameterInfo("slow", ParameterType.Number, 10.0, "η of the slow copy") { Min = 0, MinExclusive = true }]),
        ("bt-po", "Bradley–Terry reward by maximum likelihood, then π ∝ μ exp(r̂/β) (RLHF's two stages, exactly)", []),
        ("loglinear-dpo", "DPO with a log-linear policy π ∝ μ exp(θᵀφ) shared across prompts (needs a contextual game)", [Eta(20), Online()]),
        ("loglinear-bt-po", "a linear Bradley–Terry reward wᵀφ by maximum likelihood, then π ∝ μ exp(wᵀφ/β) (needs a contextual game)", []),
    ];

    /// <summary>The environment kinds of <c>kind: dueling</c> specs.</summary>
    public static IReadOnlyList<(string Name, string Description, ParameterInfo[] Parameters)> DuelingEnvironments { get; } =
    [
        ("planted-condorcet", "arm 0 beats every arm by ½ + gap; the other pairs uniform in ½ ± spread",
            [GameInt("arms", 8, "K", 2, 1000), new ParameterInfo("gap", ParameterType.Number, 0.1, "the winner's margin") { Min = 0, MinExclusive = true, Max = 0.5 },
             new ParameterInfo("spread", ParameterType.Number, 0.3, "the other pairs' spread") { Min = 0, Max = 0.5 }, GameInt("seed", 1, "the environment's seed", 0)]),
        ("matrix", "an explicit preference matrix P[i][j] = P(i ≻ j)",
            [new ParameterInfo("preferences", ParameterType.Text, null, "rows of P, e.g. \"0.5 0.6; 0.4 0.5\" (rows separated by ';')")]),
        ("intransitive", "one prompt of an intransitive preference game (see kind: preference)",
            [GameInt("responses", 7, "K", 2, 1000), new ParameterInfo("cycle", ParameterType.Number, 3.0, "c") { Min = 0 },
             new ParameterInfo("transitive", ParameterType.Number, 0.5, "τ") { Min = 0 }, GameInt("seed", 1, "the seed", 0)]),
    ];

    /// <summary>The learners of <c>kind: dueling</c> specs.</summary>
    public static IReadOnlyList<(string Name, string Description, ParameterInfo[] Parameters)> DuelingLearners { get; } =
    [
        ("rucb", "relative upper confidence bound (Zoghi et al. 2014)", [Alpha()]),
        ("dts", "double Thompson sampling (Wu and Liu 2016)", [Alpha()]),
        ("uniform", "two arms uniformly at random (baseline)", []),
    ];

    private static ParameterInfo GameInt(string name, long value, string description, long min = 1, double max = double.PositiveInfinity) => new(name, ParameterType.Integer, value, description) { Min = min, Max = max };

    private static ParameterInfo Eta(double value) => new("eta", ParameterType.Number, value, "step size η") { Min = 0, MinExclusive = true };

    private static ParameterInfo Samples() => new("samples", ParameterType.Integer, 0L, "duels per response to estimate each win rate (0: exact probabilities)") { Min = 0, Max = 1_000_000 };

    private static ParameterInfo Pairs() => new("samples", ParameterType.Integer, 0L, "labelled pairs per step (0: the exact expected gradient)") { Min = 0, Max = 1_000_000 };

    private static ParameterInfo Online() => new("online", ParameterType.Boolean, false, "pairs from the current policy instead of the reference");

    private static ParameterInfo Alpha() => new("alpha", ParameterType.Number, 0.51, "α of the confidence bounds (> ½)") { Min = 0.5, MinExclusive = true };

    private RepeatedGameStudy BuildGame(YamlMappingNode root, string defaultName, SpecOverrides overrides)
    {
        Dictionary<string, YamlNode> keys = ReadKeys(root, GameKeys);
        (string name, string? description) = ReadNameAndDescription(keys, defaultName);
        long horizon = Rounds(overrides, root, keys, "horizon", "the number of rounds of play, a whole number > 0", 100_000_000);
        ulong seed = ReadSeed(overrides, keys);
        bool sampled = false;
        if (keys.TryGetValue("feedback", out YamlNode? f))
        {
            string feedback = Scalar(f, "feedback");
            sampled = feedback switch
            {
                "expected" => false,
                "sampled" => true,
                _ => throw Error(f, "feedback", $"'{feedback}' is not a feedback kind; use expected (payoffs against the others' mixed strategies) or sampled (against their drawn actions)"),
            };
        }

        bool alternating = false;
        if (keys.TryGetValue("updates", out YamlNode? u))
        {
            string updates = Scalar(u, "updates");
            alternating = updates switch
            {
                "simultaneous" => false,
                "alternating" => true,
                _ => throw Error(u, "updates", $"'{updates}' is not an update order; use simultaneous (every player learns from the round's strategies) or alternating (players learn in turn)"),
            };
            if (alternating && sampled)
            {
                throw Error(u, "updates", "alternating updates need expected feedback (remove feedback: sampled)");
            }
        }

        List<GameSetup> games = ReadList(root, keys, "games", $"a list of games (kinds: {string.Join(", ", GameKinds.Select(g => g.Name))})", "game", (item, field) =>
        {
            var (kind, display, p) = ReadCatalogEntry(item, field, "game", GameKinds);
            NormalFormGame game;
            try
            {
                game = kind switch
                {
                    "random-zero-sum" => RandomGames.ZeroSum((int)p.Integer("rows"), (int)p.Integer("columns"), (ulong)p.Integer("seed")),
                    "random-general-sum" => RandomGames.GeneralSum([.. Enumerable.Repeat((int)p.Integer("strategies"), (int)p.Integer("players"))], (ulong)p.Integer("seed")),
                    "nfg" => Nfg.Read(p.FullPath("data")),
                    _ => Classics.ByName[kind](),
                };
            }
            catch (NfgFormatException ex)
            {
                throw Error(item, $"{field}.data", ex.Message);
            }
            catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException)
            {
                throw Error(item, field, ex.Message);
            }

            return (display ?? kind, new GameSetup(display ?? kind, kind, p.Values, game));
        });
        var shapes = games.SelectMany(g => Enumerable.Range(0, g.Game.Players.Count).Select(i => (g.Game.StrategyCount(i), $"game '{g.Name}', player {i + 1}"))).ToList();
        List<PlayerSetup> learners = ReadPlayers(
            root,
            keys,
            "a list of learners each player runs: full-information ones (hedge, optimistic-hedge, regret-matching, fictitious-play, …) or exp3 / tsallis-inf",
            shapes,
            probe => alternating ? probe is IExpertsPolicy : probe is IExpertsPolicy or IRandomizedPolicy,
            alternating
                ? "cannot play with updates: alternating: in turn, a player learns from its values against the others' strategies (full-information learners such as hedge)"
                : "cannot play a game: a player must tell its mixed strategy (full-information learners such as hedge, or exp3 / tsallis-inf)");
        return new RepeatedGameStudy(name, description, horizon, seed, sampled, games, learners) { Alternating = alternating };
    }

    private MarkovStudy BuildMarkov(YamlMappingNode root, string defaultName, SpecOverrides overrides)
    {
        Dictionary<string, YamlNode> keys = ReadKeys(root, MarkovKeys);
        (string name, string? description) = ReadNameAndDescription(keys, defaultName);
        long iterations = Rounds(overrides, root, keys, "iterations", "the number of iterations of play, a whole number > 0", 1_000_000);
        ulong seed = ReadSeed(overrides, keys);
        List<MarkovGameSetup> games = ReadList(root, keys, "games", $"a list of Markov games (kinds: {string.Join(", ", MarkovGameKinds.Select(g => g.Name))})", "game", (item, field) =>
        {
            var (kind, display, p) = ReadCatalogEntry(item, field, "Markov game", MarkovGameKinds);
            double deviations = Math.Pow(p.Integer("actions"), p.Integer("states"));
            if (deviations > IndependentPlay.MaxDeviations)
            {
                throw Error(item, field, $"{p.Integer("actions")}^{p.Integer("states")} = {deviations} deterministic stationary policies per player; the CCE gap enumerates at most {IndependentPlay.MaxDeviations}");
            }

            MarkovGame game = MarkovGames.Random((int)p.Integer("states"), (int)p.Integer("actions"), p.Number("discount"), p.Boolean("zeroSum"), (ulong)p.Integer("seed"));
            return (display ?? kind, new MarkovGameSetup(display ?? kind, kind, p.Values, game));
        });
        var shapes = games.SelectMany(g => Enumerable.Range(0, g.Game.States).SelectMany(st => new[] { (g.Game.Actions(0, st), $"game '{g.Name}'"), (g.Game.Actions(1, st), $"game '{g.Name}'") })).ToList();
        List<PlayerSetup> learners = ReadPlayers(
            root,
            keys,
            "a list of full-information learners each player runs in every state (hedge, optimistic-hedge, regret-matching, …)",
            shapes,
            probe => probe is IExpertsPolicy,
            "is not a full-information learner; independent learning feeds every action's Q-value (hedge, optimistic-hedge, regret-matching, …)");
        return new MarkovStudy(name, description, iterations, seed, games, learners);
    }

    private PreferenceExperiment BuildPreference(YamlMappingNode root, string defaultName, SpecOverrides overrides)
    {
        Dictionary<string, YamlNode> keys = ReadKeys(root, PreferenceKeys);
        (string name, string? description) = ReadNameAndDescription(keys, defaultName);
        long iterations = Rounds(overrides, root, keys, "iterations", "the number of iterations per learner, a whole number > 0", 10_000_000);
        ulong seed = ReadSeed(overrides, keys);
        double beta = 0.1;
        if (keys.TryGetValue("beta", out YamlNode? b))
        {
            beta = ReadPlainNumber(b, "beta");
            if (!(beta == 0 || (beta >= 1e-6 && double.IsFinite(beta))))
            {
                throw Error(b, "beta", $"β must be 0 or a finite number ≥ 1e-6, got {beta} (below 1e-6 the regularized Nash policy is the minimax winner to double precision: use beta: 0)");
            }
        }

        YamlNode gameNode = Required(root, keys, "game", "the preference game, e.g. {kind: intransitive, prompts: 4, responses: 7}");
        var (gameKind, _, gp) = ReadCatalogEntry(gameNode, "game", "preference game", PreferenceGameKinds);
        PreferenceGame game;
        PreferenceTargets targets;
        try
        {
            game = gameKind == "contextual"
                ? PreferenceGames.Contextual((int)gp.Integer("prompts"), (int)gp.Integer("responses"), (int)gp.Integer("dimension"), gp.Number("cycle"), gp.Number("transitive"), (ulong)gp.Integer("seed"), (ulong)gp.Integer("promptSeed"), gp.Number("spread"))
                : PreferenceGames.Intransitive((int)gp.Integer("prompts"), (int)gp.Integer("responses"), gp.Number("cycle"), gp.Number("transitive"), (ulong)gp.Integer("seed"), gp.Number("spread"));
        }
        catch (ArgumentException ex)
        {
            throw Error(gameNode, "game", ex.Message);
        }

        try
        {
            targets = PreferenceTargets.Of(game, beta); // the exact targets, once, so a β too small is reported here
        }
        catch (ArgumentException ex)
        {
            throw Error(b ?? gameNode, b is null ? "game" : "beta", ex.Message);
        }

        List<PreferenceLearnerSetup> learners = ReadList(root, keys, "learners", $"a list of learners (kinds: {string.Join(", ", PreferenceLearners.Select(x => x.Name))})", "learner", (item, field) =>
        {
            var (kind, display, p) = ReadCatalogEntry(item, field, "preference learner", PreferenceLearners);
            Func<IPreferenceLearner> create = kind switch
            {
                "nash-mp" => () => new NashMirrorProx(p.Number("eta")) { Samples = (int)p.Integer("samples"), Seed = seed },
                "egpo" => () => new Egpo(p.Number("eta")) { Samples = (int)p.Integer("samples"), Seed = seed },
                "inpo" => () => new Inpo(p.Number("eta")) { Samples = (int)p.Integer("samples"), Seed = seed },
                "nash-md" => () => new NashMd(p.Number("eta")) { Samples = (int)p.Integer("samples"), Seed = seed },
                "spo" => () => new SelfPlayPreferenceOptimization(p.Number("eta")) { Samples = (int)p.Integer("samples"), Seed = seed },
                "dpo" => () => new Dpo(p.Number("eta"), p.Boolean("online")) { Samples = (int)p.Integer("samples"), Seed = seed },
                "ipo" => () => new Ipo(p.Number("eta"), p.Boolean("online")) { Samples = (int)p.Integer("samples"), Seed = seed },
                "xpo" => () => new Xpo(p.Number("eta"), p.Number("alpha")) { Samples = (int)p.Integer("samples"), Seed = seed },
                "ofs-dpo" => () => new FastSlowDpo(p.Number("fast"), p.Number("slow")),
                "loglinear-dpo" => () => new LogLinearDpo(p.Number("eta"), p.Boolean("online")),
                "loglinear-bt-po" => () => new LogLinearBradleyTerry(),
                _ => () => new BradleyTerryPolicy(),
            };
            try
            {
                create().Reset(game, beta); // checks the learner against the game and β here, with a location
            }
            catch (ArgumentException ex)
            {
                throw Error(item, field, ex.Message);
            }

            return (display ?? kind, new PreferenceLearnerSetup(display ?? kind, kind, p.Values, create));
        });
        return new PreferenceExperiment(name, description, iterations, beta, seed, gameKind, gp.Values, game, learners, targets);
    }

    private DuelingStudy BuildDueling(YamlMappingNode root, string defaultName, SpecOverrides overrides)
    {
        Dictionary<string, YamlNode> keys = ReadKeys(root, DuelingKeys);
        (string name, string? description) = ReadNameAndDescription(keys, defaultName);
        long horizon = Rounds(overrides, root, keys, "horizon", "the number of rounds per run, a whole number > 0", 100_000_000);
        int runs = overrides.Runs ?? (keys.TryGetValue("runs", out YamlNode? r) ? (int)ReadInteger(r, "runs", 1, 10_000) : 5);
        ulong seed = ReadSeed(overrides, keys);
        List<DuelingEnvironmentSetup> environments = ReadList(root, keys, "environments", $"a list of dueling environments (kinds: {string.Join(", ", DuelingEnvironments.Select(x => x.Name))})", "environment", (item, field) =>
        {
            var (kind, display, p) = ReadCatalogEntry(item, field, "dueling environment", DuelingEnvironments);
            DuelingEnvironment env;
            try
            {
                env = kind switch
                {
                    "planted-condorcet" => DuelingEnvironment.PlantedCondorcet((int)p.Integer("arms"), p.Number("gap"), p.Number("spread"), (ulong)p.Integer("seed")),
                    "intransitive" => DuelingEnvironment.FromPreferences(PreferenceGames.Intransitive(1, (int)p.Integer("responses"), p.Number("cycle"), p.Number("transitive"), (ulong)p.Integer("seed")), 0),
                    _ => new DuelingEnvironment(ParseMatrix(item, $"{field}.preferences", p.Text("preferences"))),
                };
            }
            catch (ArgumentException ex)
            {
                throw Error(item, field, ex.Message);
            }

            return (display ?? kind, new DuelingEnvironmentSetup(display ?? kind, kind, p.Values, env));
        });
        List<DuelingLearnerSetup> learners = ReadList(root, keys, "learners", $"a list of learners (kinds: {string.Join(", ", DuelingLearners.Select(x => x.Name))})", "learner", (item, field) =>
        {
            var (kind, display, p) = ReadCatalogEntry(item, field, "dueling learner", DuelingLearners);
            Func<int, IDuelingPolicy> create = kind switch
            {
                "rucb" => k => new Rucb(k, p.Number("alpha")),
                "dts" => k => new DoubleThompsonSampling(k, p.Number("alpha")),
                _ => k => new UniformDuels(k),
            };
            return (display ?? kind, new DuelingLearnerSetup(display ?? kind, kind, p.Values, create));
        });
        return new DuelingStudy(name, description, horizon, runs, seed, environments, learners);
    }

    /// <summary>The spec's rounds (or iterations), from <c>--horizon</c> when given, within this kind's limit.</summary>
    private long Rounds(SpecOverrides overrides, YamlMappingNode root, Dictionary<string, YamlNode> keys, string key, string hint, long max)
    {
        if (overrides.Horizon is { } given)
        {
            return given <= max ? given : throw new SpecException(_file, 0, 0, key, $"--horizon {given} is above the limit of this spec kind ({max:N0} {key})");
        }

        return ReadInteger(Required(root, keys, key, hint), key, 1, max);
    }

    private (string Name, string? Description) ReadNameAndDescription(Dictionary<string, YamlNode> keys, string defaultName)
        => (keys.TryGetValue("name", out YamlNode? n) ? Scalar(n, "name") : defaultName, keys.TryGetValue("description", out YamlNode? d) ? Scalar(d, "description") : null);

    /// <summary>Reads a required list key item by item (each gives its display name and setup), refusing an empty list and
    /// a name used twice.</summary>
    private List<T> ReadList<T>(YamlMappingNode root, Dictionary<string, YamlNode> keys, string key, string hint, string what, Func<YamlNode, string, (string Name, T Setup)> read)
    {
        YamlNode node = Required(root, keys, key, hint);
        var list = new List<T>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        foreach (YamlNode item in Sequence(node, key))
        {
            string field = $"{key}[{i++}]";
            (string name, T setup) = read(item, field);
            if (!names.Add(name))
            {
                throw Error(item, field, $"{what} name '{name}' is used twice; give each a distinct 'name:'");
            }

            list.Add(setup);
        }

        if (list.Count == 0)
        {
            throw Error(node, key, $"the list is empty; give at least one {what}");
        }

        return list;
    }

    /// <summary>The <c>learners</c> of game specs: registered K-armed learners, each checked at every strategy count it will
    /// face (with where) and against what a player must be.</summary>
    private List<PlayerSetup> ReadPlayers(YamlMappingNode root, Dictionary<string, YamlNode> keys, string hint, IReadOnlyList<(int Arms, string Where)> shapes, Func<IBanditPolicy, bool> fits, string misfit)
        => ReadList(root, keys, "learners", hint, "learner", (item, field) =>
        {
            var (info, kind, display, p) = ReadLearnerEntry(item, field, shapes, probe => fits(probe) ? null : misfit);
            return (display ?? kind, new PlayerSetup(display ?? kind, kind, p.Values, k => info.Create(k, p)));
        });

    private double[,] ParseMatrix(YamlNode node, string field, string text)
    {
        string[][] rows = [.. text.Split(';').Select(row => row.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))];
        int k = rows.Length;
        var p = new double[k, k];
        for (int a = 0; a < k; a++)
        {
            if (rows[a].Length != k)
            {
                throw Error(node, field, $"row {a + 1} has {rows[a].Length} entries; a {k}-row preference matrix needs {k} per row");
            }

            for (int b = 0; b < k; b++)
            {
                if (!double.TryParse(rows[a][b], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out p[a, b]))
                {
                    throw Error(node, field, $"row {a + 1}, entry {b + 1}: '{rows[a][b]}' is not a number");
                }
            }
        }

        return p;
    }
}
