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
    private static readonly string[] GameKeys = ["kind", "name", "description", "horizon", "seed", "feedback", "games", "learners"];
    private static readonly string[] PreferenceKeys = ["kind", "name", "description", "iterations", "beta", "game", "learners"];
    private static readonly string[] DuelingKeys = ["kind", "name", "description", "horizon", "runs", "seed", "environments", "learners"];
    private static readonly string[] MarkovKeys = ["kind", "name", "description", "iterations", "seed", "games", "learners"];

    /// <summary>The game kinds of <c>kind: markov</c> specs.</summary>
    public static IReadOnlyList<(string Name, string Description, ParameterInfo[] Parameters)> MarkovGameKinds { get; } =
    [
        ("random", "rewards uniform on [−1, 1] (player 2's = −player 1's when zero-sum), Dirichlet(1) transitions, start in state 0",
            [GameInt("states", 3, "the number of states"), GameInt("actions", 3, "actions per player per state"),
             new ParameterInfo("discount", ParameterType.Number, 0.8, "γ") { Min = 0, Max = 0.999 },
             new ParameterInfo("zeroSum", ParameterType.Boolean, true, "player 2's reward is −player 1's"), GameInt("seed", 1, "the game's seed", 0)]),
    ];

    /// <summary>The game kinds of <c>kind: game</c> specs: the classics by name, random games and Gambit files.</summary>
    public static IReadOnlyList<(string Name, string Description, ParameterInfo[] Parameters)> GameKinds { get; } =
    [
        .. Classics.ByName.Keys.Select(name => (name, $"the classic {name} (two players)", Array.Empty<ParameterInfo>())),
        ("random-zero-sum", "a two-player zero-sum game with payoffs uniform on [−1, 1]",
            [GameInt("rows", 3, "the row player's strategies"), GameInt("columns", 3, "the column player's strategies"), GameInt("seed", 1, "the game's seed", 0)]),
        ("random-general-sum", "an n-player game with every payoff uniform on [−1, 1]",
            [GameInt("players", 2, "the number of players"), GameInt("strategies", 3, "strategies per player"), GameInt("seed", 1, "the game's seed", 0)]),
        ("nfg", "a game read from a Gambit .nfg file",
            [new ParameterInfo("data", ParameterType.Path, null, "the .nfg file, relative to the spec file")]),
    ];

    /// <summary>The preference-game kinds of <c>kind: preference</c> specs.</summary>
    public static IReadOnlyList<(string Name, string Description, ParameterInfo[] Parameters)> PreferenceGameKinds { get; } =
    [
        ("intransitive", "P(y ≻ y') = σ(τ(s_y − s_y') + c·sin(2π(y − y')/n)): transitive scores plus a cycle",
            [GameInt("prompts", 4, "the number of prompts"), GameInt("responses", 7, "responses per prompt", 2),
             new ParameterInfo("cycle", ParameterType.Number, 3.0, "c, the cycle's strength") { Min = 0 },
             new ParameterInfo("transitive", ParameterType.Number, 0.5, "τ, the scores' weight") { Min = 0 },
             new ParameterInfo("spread", ParameterType.Number, 0.5, "how far the reference policy is from uniform") { Min = 0 },
             GameInt("seed", 1, "the game's seed", 0)]),
        ("contextual", "context features φ ~ N(0, I), a hidden linear reward wᵀφ as the transitive part, plus a cycle (for log-linear learners)",
            [GameInt("prompts", 16, "the number of prompts"), GameInt("responses", 6, "responses per prompt", 2), GameInt("dimension", 5, "d, the features' dimension"),
             new ParameterInfo("cycle", ParameterType.Number, 0.0, "c, the cycle's strength") { Min = 0 },
             new ParameterInfo("transitive", ParameterType.Number, 1.5, "τ, the hidden reward's weight") { Min = 0 },
             new ParameterInfo("spread", ParameterType.Number, 0.5, "how far the reference policy is from uniform") { Min = 0 },
             GameInt("seed", 1, "the hidden reward's seed", 0), GameInt("promptSeed", 1, "the prompts' seed", 0)]),
    ];

    /// <summary>The learners of <c>kind: preference</c> specs.</summary>
    public static IReadOnlyList<(string Name, string Description, ParameterInfo[] Parameters)> PreferenceLearners { get; } =
    [
        ("nash-mp", "Nash mirror prox: two KL-proximal steps per iteration (Tiapkin et al. 2025)", [Eta(0.5)]),
        ("egpo", "extragradient preference optimization (Zhou et al. 2025; Cen et al. 2021)", [Eta(0.5)]),
        ("inpo", "iterative Nash policy optimization: online mirror descent on the regularized game (Zhang et al. 2024)", [Eta(0.5)]),
        ("nash-md", "Nash mirror descent with ηₜ = 1/(β(t + 2)) by default (Munos et al. 2024)", [new ParameterInfo("eta", ParameterType.Number, 0.0, "η (0: the paper's schedule)") { Min = 0 }]),
        ("spo", "self-play preference optimization: multiplicative weights on win rates (Swamy et al. 2024)", [Eta(0.1)]),
        ("dpo", "direct preference optimization on pairs from μ (offline) or from the policy (online) (Rafailov et al. 2023)", [Eta(20), Online()]),
        ("ipo", "identity preference optimization (Azar et al. 2024)", [Eta(0.5), Online()]),
        ("xpo", "online DPO with XPO's exploration bonus α E_μ log π (Xie et al. 2024)", [Eta(20), new ParameterInfo("alpha", ParameterType.Number, 1e-3, "α, the bonus weight") { Min = 0 }]),
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
            [GameInt("arms", 8, "K", 2), new ParameterInfo("gap", ParameterType.Number, 0.1, "the winner's margin") { Min = 0, MinExclusive = true, Max = 0.5 },
             new ParameterInfo("spread", ParameterType.Number, 0.3, "the other pairs' spread") { Min = 0, Max = 0.5 }, GameInt("seed", 1, "the environment's seed", 0)]),
        ("matrix", "an explicit preference matrix P[i][j] = P(i ≻ j)",
            [new ParameterInfo("preferences", ParameterType.Text, null, "rows of P, e.g. \"0.5 0.6; 0.4 0.5\" (rows separated by ';')")]),
        ("intransitive", "one prompt of an intransitive preference game (see kind: preference)",
            [GameInt("responses", 7, "K", 2), new ParameterInfo("cycle", ParameterType.Number, 3.0, "c") { Min = 0 },
             new ParameterInfo("transitive", ParameterType.Number, 0.5, "τ") { Min = 0 }, GameInt("seed", 1, "the seed", 0)]),
    ];

    /// <summary>The learners of <c>kind: dueling</c> specs.</summary>
    public static IReadOnlyList<(string Name, string Description, ParameterInfo[] Parameters)> DuelingLearners { get; } =
    [
        ("rucb", "relative upper confidence bound (Zoghi et al. 2014)", [Alpha()]),
        ("dts", "double Thompson sampling (Wu and Liu 2016)", [Alpha()]),
        ("uniform", "two arms uniformly at random (baseline)", []),
    ];

    private static ParameterInfo GameInt(string name, long value, string description, long min = 1) => new(name, ParameterType.Integer, value, description) { Min = min };

    private static ParameterInfo Eta(double value) => new("eta", ParameterType.Number, value, "step size η") { Min = 0, MinExclusive = true };

    private static ParameterInfo Online() => new("online", ParameterType.Boolean, false, "pairs from the current policy instead of the reference");

    private static ParameterInfo Alpha() => new("alpha", ParameterType.Number, 0.51, "α of the confidence bounds (> ½)") { Min = 0.5, MinExclusive = true };

    private RepeatedGameStudy BuildGame(YamlMappingNode root, string defaultName, SpecOverrides overrides)
    {
        Dictionary<string, YamlNode> keys = ReadKeys(root, GameKeys);
        string name = keys.TryGetValue("name", out YamlNode? n) ? Scalar(n, "name") : defaultName;
        string? description = keys.TryGetValue("description", out YamlNode? dn) ? Scalar(dn, "description") : null;
        long horizon = overrides.Horizon ?? ReadInteger(Required(root, keys, "horizon", "the number of rounds of play, a whole number > 0"), "horizon", 1, 100_000_000);
        ulong seed = overrides.Seed ?? (keys.TryGetValue("seed", out YamlNode? s) ? (ulong)ReadInteger(s, "seed", 0) : 1UL);
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

        YamlNode gamesNode = Required(root, keys, "games", $"a list of games (kinds: {string.Join(", ", GameKinds.Select(g => g.Name))})");
        var games = new List<GameSetup>();
        int i = 0;
        foreach (YamlNode item in Sequence(gamesNode, "games"))
        {
            string field = $"games[{i++}]";
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

            string shown = display ?? kind;
            if (games.Any(g => g.Name == shown))
            {
                throw Error(item, field, $"game name '{shown}' is used twice; give each a distinct 'name:'");
            }

            games.Add(new GameSetup(shown, kind, p.Values, game));
        }

        if (games.Count == 0)
        {
            throw Error(gamesNode, "games", "the list is empty; give at least one game");
        }

        YamlNode learnersNode = Required(root, keys, "learners", "a list of learners each player runs: full-information ones (hedge, optimistic-hedge, regret-matching, fictitious-play, …) or exp3 / tsallis-inf");
        var learners = new List<PlayerSetup>();
        int j = 0;
        foreach (YamlNode item in Sequence(learnersNode, "learners"))
        {
            string field = $"learners[{j++}]";
            var (kindNode, kind, display, given) = ReadEntry(item, field, "learner");
            LearnerInfo info = Registry.FindLearner(kind)
                ?? throw Error(kindNode, $"{field}.kind", $"unknown learner '{kind}'{Suggestions.DidYouMean(kind, Registry.Learners.Select(x => x.Name))}");
            ParameterSet p = ReadParameters(info.Parameters, given, item, field, $"learner '{kind}'");
            foreach (GameSetup g in games)
            {
                for (int player = 0; player < g.Game.Players.Count; player++)
                {
                    IBanditPolicy probe;
                    try
                    {
                        probe = info.Create(g.Game.StrategyCount(player), p);
                    }
                    catch (ArgumentException ex)
                    {
                        throw Error(item, field, $"{ex.Message} (game '{g.Name}', player {player + 1})");
                    }

                    if (probe is not IExpertsPolicy and not IRandomizedPolicy)
                    {
                        throw Error(item, field, $"learner '{kind}' cannot play a game: a player must tell its mixed strategy (full-information learners such as hedge, or exp3 / tsallis-inf)");
                    }
                }
            }

            string shown = display ?? kind;
            if (learners.Any(l => l.Name == shown))
            {
                throw Error(item, field, $"learner name '{shown}' is used twice; give each a distinct 'name:'");
            }

            learners.Add(new PlayerSetup(shown, kind, p.Values, k => info.Create(k, p)));
        }

        if (learners.Count == 0)
        {
            throw Error(learnersNode, "learners", "the list is empty; give at least one learner");
        }

        return new RepeatedGameStudy(name, description, horizon, seed, sampled, games, learners);
    }

    private PreferenceExperiment BuildPreference(YamlMappingNode root, string defaultName, SpecOverrides overrides)
    {
        Dictionary<string, YamlNode> keys = ReadKeys(root, PreferenceKeys);
        string name = keys.TryGetValue("name", out YamlNode? n) ? Scalar(n, "name") : defaultName;
        string? description = keys.TryGetValue("description", out YamlNode? dn) ? Scalar(dn, "description") : null;
        long iterations = overrides.Horizon ?? ReadInteger(Required(root, keys, "iterations", "the number of iterations per learner, a whole number > 0"), "iterations", 1, 10_000_000);
        double beta = keys.TryGetValue("beta", out YamlNode? b) ? ReadPlainNumber(b, "beta") : 0.1;
        if (!(beta >= 0) || !double.IsFinite(beta))
        {
            throw Error(b!, "beta", $"β must be a finite number ≥ 0, got {beta}");
        }

        YamlNode gameNode = Required(root, keys, "game", "the preference game, e.g. {kind: intransitive, prompts: 4, responses: 7}");
        var (gameKind, _, gp) = ReadCatalogEntry(gameNode, "game", "preference game", PreferenceGameKinds);
        PreferenceGame game = gameKind == "contextual"
            ? PreferenceGames.Contextual((int)gp.Integer("prompts"), (int)gp.Integer("responses"), (int)gp.Integer("dimension"), gp.Number("cycle"), gp.Number("transitive"), (ulong)gp.Integer("seed"), (ulong)gp.Integer("promptSeed"), gp.Number("spread"))
            : PreferenceGames.Intransitive((int)gp.Integer("prompts"), (int)gp.Integer("responses"), gp.Number("cycle"), gp.Number("transitive"), (ulong)gp.Integer("seed"), gp.Number("spread"));

        YamlNode learnersNode = Required(root, keys, "learners", $"a list of learners (kinds: {string.Join(", ", PreferenceLearners.Select(x => x.Name))})");
        var learners = new List<PreferenceLearnerSetup>();
        int j = 0;
        foreach (YamlNode item in Sequence(learnersNode, "learners"))
        {
            string field = $"learners[{j++}]";
            var (kind, display, p) = ReadCatalogEntry(item, field, "preference learner", PreferenceLearners);
            Func<IPreferenceLearner> create = kind switch
            {
                "nash-mp" => () => new NashMirrorProx(p.Number("eta")),
                "egpo" => () => new Egpo(p.Number("eta")),
                "inpo" => () => new Inpo(p.Number("eta")),
                "nash-md" => () => new NashMd(p.Number("eta")),
                "spo" => () => new SelfPlayPreferenceOptimization(p.Number("eta")),
                "dpo" => () => new Dpo(p.Number("eta"), p.Boolean("online")),
                "ipo" => () => new Ipo(p.Number("eta"), p.Boolean("online")),
                "xpo" => () => new Xpo(p.Number("eta"), p.Number("alpha")),
                "ofs-dpo" => () => new FastSlowDpo(p.Number("fast"), p.Number("slow")),
                "loglinear-dpo" => () => new LogLinearDpo(p.Number("eta"), p.Boolean("online")),
                "loglinear-bt-po" => () => new LogLinearBradleyTerry(),
                _ => () => new BradleyTerryPolicy(),
            };
            try
            {
                create().Reset(game, beta); // checks the learner against β here, with a location
            }
            catch (ArgumentException ex)
            {
                throw Error(item, field, ex.Message);
            }

            string shown = display ?? kind;
            if (learners.Any(l => l.Name == shown))
            {
                throw Error(item, field, $"learner name '{shown}' is used twice; give each a distinct 'name:'");
            }

            learners.Add(new PreferenceLearnerSetup(shown, kind, p.Values, create));
        }

        if (learners.Count == 0)
        {
            throw Error(learnersNode, "learners", "the list is empty; give at least one learner");
        }

        return new PreferenceExperiment(name, description, iterations, beta, gameKind, gp.Values, game, learners);
    }

    private DuelingStudy BuildDueling(YamlMappingNode root, string defaultName, SpecOverrides overrides)
    {
        Dictionary<string, YamlNode> keys = ReadKeys(root, DuelingKeys);
        string name = keys.TryGetValue("name", out YamlNode? n) ? Scalar(n, "name") : defaultName;
        string? description = keys.TryGetValue("description", out YamlNode? dn) ? Scalar(dn, "description") : null;
        long horizon = overrides.Horizon ?? ReadInteger(Required(root, keys, "horizon", "the number of rounds per run, a whole number > 0"), "horizon", 1, 100_000_000);
        int runs = overrides.Runs ?? (keys.TryGetValue("runs", out YamlNode? r) ? (int)ReadInteger(r, "runs", 1, 10_000) : 5);
        ulong seed = overrides.Seed ?? (keys.TryGetValue("seed", out YamlNode? s) ? (ulong)ReadInteger(s, "seed", 0) : 1UL);

        YamlNode envNode = Required(root, keys, "environments", $"a list of dueling environments (kinds: {string.Join(", ", DuelingEnvironments.Select(x => x.Name))})");
        var environments = new List<DuelingEnvironmentSetup>();
        int i = 0;
        foreach (YamlNode item in Sequence(envNode, "environments"))
        {
            string field = $"environments[{i++}]";
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

            string shown = display ?? kind;
            if (environments.Any(e => e.Name == shown))
            {
                throw Error(item, field, $"environment name '{shown}' is used twice; give each a distinct 'name:'");
            }

            environments.Add(new DuelingEnvironmentSetup(shown, kind, p.Values, env));
        }

        if (environments.Count == 0)
        {
            throw Error(envNode, "environments", "the list is empty; give at least one environment");
        }

        YamlNode learnersNode = Required(root, keys, "learners", $"a list of learners (kinds: {string.Join(", ", DuelingLearners.Select(x => x.Name))})");
        var learners = new List<DuelingLearnerSetup>();
        int j = 0;
        foreach (YamlNode item in Sequence(learnersNode, "learners"))
        {
            string field = $"learners[{j++}]";
            var (kind, display, p) = ReadCatalogEntry(item, field, "dueling learner", DuelingLearners);
            Func<int, IDuelingPolicy> create = kind switch
            {
                "rucb" => k => new Rucb(k, p.Number("alpha")),
                "dts" => k => new DoubleThompsonSampling(k, p.Number("alpha")),
                _ => k => new UniformDuels(k),
            };
            string shown = display ?? kind;
            if (learners.Any(l => l.Name == shown))
            {
                throw Error(item, field, $"learner name '{shown}' is used twice; give each a distinct 'name:'");
            }

            learners.Add(new DuelingLearnerSetup(shown, kind, p.Values, create));
        }

        if (learners.Count == 0)
        {
            throw Error(learnersNode, "learners", "the list is empty; give at least one learner");
        }

        return new DuelingStudy(name, description, horizon, runs, seed, environments, learners);
    }

    private MarkovStudy BuildMarkov(YamlMappingNode root, string defaultName, SpecOverrides overrides)
    {
        Dictionary<string, YamlNode> keys = ReadKeys(root, MarkovKeys);
        string name = keys.TryGetValue("name", out YamlNode? n) ? Scalar(n, "name") : defaultName;
        string? description = keys.TryGetValue("description", out YamlNode? dn) ? Scalar(dn, "description") : null;
        long iterations = overrides.Horizon ?? ReadInteger(Required(root, keys, "iterations", "the number of iterations of play, a whole number > 0"), "iterations", 1, 1_000_000);
        ulong seed = overrides.Seed ?? (keys.TryGetValue("seed", out YamlNode? s) ? (ulong)ReadInteger(s, "seed", 0) : 1UL);
        YamlNode gamesNode = Required(root, keys, "games", $"a list of Markov games (kinds: {string.Join(", ", MarkovGameKinds.Select(g => g.Name))})");
        var games = new List<MarkovGameSetup>();
        int i = 0;
        foreach (YamlNode item in Sequence(gamesNode, "games"))
        {
            string field = $"games[{i++}]";
            var (kind, display, p) = ReadCatalogEntry(item, field, "Markov game", MarkovGameKinds);
            MarkovGame game = MarkovGames.Random((int)p.Integer("states"), (int)p.Integer("actions"), p.Number("discount"), p.Boolean("zeroSum"), (ulong)p.Integer("seed"));
            long deviations = (long)Math.Pow(p.Integer("actions"), p.Integer("states"));
            if (deviations > IndependentPlay.MaxDeviations)
            {
                throw Error(item, field, $"{p.Integer("actions")}^{p.Integer("states")} = {deviations} deterministic stationary policies per player; the CCE gap enumerates at most {IndependentPlay.MaxDeviations}");
            }

            string shown = display ?? kind;
            if (games.Any(g => g.Name == shown))
            {
                throw Error(item, field, $"game name '{shown}' is used twice; give each a distinct 'name:'");
            }

            games.Add(new MarkovGameSetup(shown, kind, p.Values, game));
        }

        if (games.Count == 0)
        {
            throw Error(gamesNode, "games", "the list is empty; give at least one game");
        }

        YamlNode learnersNode = Required(root, keys, "learners", "a list of full-information learners each player runs in every state (hedge, optimistic-hedge, regret-matching, …)");
        var learners = new List<PlayerSetup>();
        int j = 0;
        foreach (YamlNode item in Sequence(learnersNode, "learners"))
        {
            string field = $"learners[{j++}]";
            var (kindNode, kind, display, given) = ReadEntry(item, field, "learner");
            LearnerInfo info = Registry.FindLearner(kind)
                ?? throw Error(kindNode, $"{field}.kind", $"unknown learner '{kind}'{Suggestions.DidYouMean(kind, Registry.Learners.Select(x => x.Name))}");
            ParameterSet p = ReadParameters(info.Parameters, given, item, field, $"learner '{kind}'");
            foreach (int actions in games.SelectMany(g => Enumerable.Range(0, g.Game.States).SelectMany(st => new[] { g.Game.Actions(0, st), g.Game.Actions(1, st) })).Distinct())
            {
                IBanditPolicy probe;
                try
                {
                    probe = info.Create(actions, p);
                }
                catch (ArgumentException ex)
                {
                    throw Error(item, field, ex.Message);
                }

                if (probe is not IExpertsPolicy)
                {
                    throw Error(item, field, $"learner '{kind}' is not a full-information learner; independent learning feeds every action's Q-value (hedge, optimistic-hedge, regret-matching, …)");
                }
            }

            string shown = display ?? kind;
            if (learners.Any(l => l.Name == shown))
            {
                throw Error(item, field, $"learner name '{shown}' is used twice; give each a distinct 'name:'");
            }

            learners.Add(new PlayerSetup(shown, kind, p.Values, k => info.Create(k, p)));
        }

        if (learners.Count == 0)
        {
            throw Error(learnersNode, "learners", "the list is empty; give at least one learner");
        }

        return new MarkovStudy(name, description, iterations, seed, games, learners);
    }

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
