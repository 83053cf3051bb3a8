using System.Globalization;
using Hindsight.Bandits;
using Hindsight.Regret;
using Hindsight.Simulation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hindsight.Specs;

/// <summary>
/// Reads a YAML spec file into an <see cref="Experiment"/>. Every problem is a <see cref="SpecException"/> that
/// names the file, line, column and field and, for a misspelt name, suggests the nearest valid one.
/// </summary>
/// <remarks>
/// Shape: <c>name</c>, <c>description</c>, <c>horizon</c> (required), <c>runs</c> (default 10), <c>seed</c>
/// (default 1), <c>meters</c> (default: all), <c>environments</c> and <c>learners</c>: lists whose items are a
/// registered name, or a mapping with <c>kind</c> (the registered name), an optional <c>name</c> and parameters;
/// optional <c>switchingCost</c> (λ of the <c>switching</c> meter, default 1) and <c>horizons</c> (further horizons for a
/// horizon sweep).
/// </remarks>
public sealed partial class SpecLoader
{
    /// <summary>The longest horizon: rounds must stay below 2^42 for the counter-based generator; 10^12 is far beyond any run.</summary>
    public const long MaxHorizon = 1_000_000_000_000;

    private static readonly string[] TopLevelKeys = ["kind", "name", "description", "horizon", "horizons", "runs", "seed", "meters", "switchingCost", "environments", "learners"];
    private static readonly string[] SpecKinds = ["bandit", "groupwise", "oco", "game", "markov", "preference", "dueling", "relax", "reactive"];
    private readonly string _file;
    private readonly string _baseDirectory;

    private SpecLoader(string file, string baseDirectory)
    {
        _file = file;
        _baseDirectory = baseDirectory;
    }

    /// <summary>Loads a spec file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="overrides">Command-line replacements (may be null).</param>
    /// <returns>The experiment.</returns>
    /// <exception cref="SpecException">The file is missing, malformed or names something invalid.</exception>
    public static Experiment Load(string path, SpecOverrides? overrides = null)
        => LoadDocument(path, overrides) is BanditSpec bandit ? bandit.Experiment
            : throw new SpecException(path, 1, 1, "kind", "this spec is not a bandit experiment (its kind is not 'bandit')");

    /// <summary>Loads a spec file of any kind: a bandit experiment (the default), a groupwise study or an OCO study.</summary>
    /// <param name="path">The file.</param>
    /// <param name="overrides">Command-line replacements (may be null; bandit experiments and OCO studies use them).</param>
    /// <returns>The spec.</returns>
    /// <exception cref="SpecException">The file is missing, malformed or names something invalid.</exception>
    public static SpecDocument LoadDocument(string path, SpecOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SpecException(path, 0, 0, string.Empty, $"cannot read the spec file: {ex.Message}");
        }

        string name = System.IO.Path.GetFileNameWithoutExtension(path);
        string directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        return ParseDocument(text, path, directory, name, overrides);
    }

    /// <summary>Parses spec text of any kind.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="file">The file name to put in messages.</param>
    /// <param name="baseDirectory">Where relative paths are resolved.</param>
    /// <param name="defaultName">The name when the spec gives none.</param>
    /// <param name="overrides">Command-line replacements (may be null).</param>
    /// <returns>The spec.</returns>
    public static SpecDocument ParseDocument(string text, string file, string baseDirectory, string defaultName, SpecOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var loader = new SpecLoader(file, baseDirectory);
        YamlMappingNode root = loader.ReadRoot(text);
        string kind = "bandit";
        foreach (var (keyNode, value) in root.Children)
        {
            if (keyNode is YamlScalarNode { Value: "kind" })
            {
                kind = loader.Scalar(value, "kind");
                if (!SpecKinds.Contains(kind))
                {
                    throw loader.Error(value, "kind", $"unknown spec kind '{kind}'{Suggestions.DidYouMean(kind, SpecKinds)} (kinds: {string.Join(", ", SpecKinds)})");
                }
            }
        }

        return kind switch
        {
            "groupwise" => new GroupwiseSpec(loader.BuildGroupwise(root, defaultName)),
            "oco" => new OcoSpec(loader.BuildOco(root, defaultName, overrides ?? new SpecOverrides())),
            "game" => new GameSpec(loader.BuildGame(root, defaultName, overrides ?? new SpecOverrides())),
            "markov" => new MarkovSpec(loader.BuildMarkov(root, defaultName, overrides ?? new SpecOverrides())),
            "preference" => new PreferenceSpec(loader.BuildPreference(root, defaultName, overrides ?? new SpecOverrides())),
            "dueling" => new DuelingSpec(loader.BuildDueling(root, defaultName, overrides ?? new SpecOverrides())),
            "relax" => new RelaxSpec(loader.BuildRelax(root, defaultName, overrides ?? new SpecOverrides())),
            "reactive" => new ReactiveSpec(loader.BuildReactive(root, defaultName, overrides ?? new SpecOverrides())),
            _ => new BanditSpec(loader.Build(root, defaultName, overrides ?? new SpecOverrides())),
        };
    }

    /// <summary>The spec's <c>seed</c> (a whole number ≥ 0; 1 when absent), unless <c>--seed</c> overrides it.</summary>
    private ulong ReadSeed(SpecOverrides overrides, Dictionary<string, YamlNode> keys)
        => overrides.Seed ?? (keys.TryGetValue("seed", out YamlNode? s) ? (ulong)ReadInteger(s, "seed", 0) : 1UL);

    /// <summary>Parses spec text.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="file">The file name to put in messages.</param>
    /// <param name="baseDirectory">Where relative paths are resolved.</param>
    /// <param name="defaultName">The experiment's name when the spec gives none.</param>
    /// <param name="overrides">Command-line replacements (may be null).</param>
    /// <returns>The experiment.</returns>
    public static Experiment Parse(string text, string file, string baseDirectory, string defaultName, SpecOverrides? overrides = null)
        => ParseDocument(text, file, baseDirectory, defaultName, overrides) is BanditSpec bandit ? bandit.Experiment
            : throw new SpecException(file, 1, 1, "kind", "this spec is not a bandit experiment (its kind is not 'bandit')");

    private YamlMappingNode ReadRoot(string text)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet throws this (not a YamlException) when the text ends inside an unclosed flow collection.
            Mark at = parser.Current?.End ?? Mark.Empty;
            throw new SpecException(_file, at.Line, at.Column, string.Empty, "malformed YAML: the text ends inside an unclosed '[' or '{'");
        }
        catch (YamlException ex)
        {
            string message = ex.InnerException?.Message ?? ex.Message;
            int cut = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(Line:", StringComparison.Ordinal) && cut > 0)
            {
                message = message[(cut + 3)..];
            }

            throw new SpecException(_file, ex.Start.Line, ex.Start.Column, string.Empty, $"malformed YAML: {message}");
        }

        if (stream.Documents.Count == 0)
        {
            throw new SpecException(_file, 0, 0, string.Empty, "the spec is empty; it needs horizon, environments and learners");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            YamlNode node = stream.Documents[0].RootNode;
            throw Error(node, string.Empty, "the spec must be a mapping of keys (horizon:, environments:, learners:, …)");
        }

        return root;
    }

    private Experiment Build(YamlMappingNode root, string defaultName, SpecOverrides overrides)
    {
        Dictionary<string, YamlNode> keys = ReadKeys(root, TopLevelKeys);

        string name = keys.TryGetValue("name", out YamlNode? n) ? Scalar(n, "name") : defaultName;
        string? description = keys.TryGetValue("description", out YamlNode? dn) ? Scalar(dn, "description") : null;
        if (!keys.TryGetValue("horizon", out YamlNode? horizonNode) && overrides.Horizon is null)
        {
            throw Error(root, "horizon", "missing: the number of rounds per run, a whole number > 0");
        }

        long horizon = overrides.Horizon ?? ReadInteger(horizonNode!, "horizon", 1, MaxHorizon);
        int runs = overrides.Runs ?? (keys.TryGetValue("runs", out YamlNode? r) ? (int)ReadInteger(r, "runs", 1, int.MaxValue) : 10);
        ulong seed = ReadSeed(overrides, keys);

        var meters = new List<string>();
        if (keys.TryGetValue("meters", out YamlNode? metersNode))
        {
            int i = 0;
            foreach (YamlNode item in Sequence(metersNode, "meters"))
            {
                string field = $"meters[{i++}]";
                string meter = Scalar(item, field);
                if (!Meters.Names.Contains(meter))
                {
                    throw Error(item, field, $"unknown meter '{meter}'{Suggestions.DidYouMean(meter, Meters.Names)} (meters: {string.Join(", ", Meters.Names)})");
                }

                if (!meters.Contains(meter))
                {
                    meters.Add(meter);
                }
            }
        }
        else
        {
            meters.AddRange(Meters.Defaults);
        }

        foreach (string always in new[] { "reward", "switches" })
        {
            if (!meters.Contains(always))
            {
                meters.Add(always);
            }
        }

        if (!keys.TryGetValue("environments", out YamlNode? envNode))
        {
            throw Error(root, "environments", $"missing: a list of environments (kinds: {string.Join(", ", Registry.Environments.Select(e => e.Name))})");
        }

        if (!keys.TryGetValue("learners", out YamlNode? learnerNode))
        {
            throw Error(root, "learners", $"missing: a list of learners (kinds: {string.Join(", ", Registry.Learners.Select(l => l.Name))})");
        }

        var environments = new List<EnvironmentSetup>();
        int e = 0;
        foreach (YamlNode item in Sequence(envNode, "environments"))
        {
            environments.Add(ReadEnvironment(item, $"environments[{e++}]", horizon, overrides.Horizon is not null, environments));
        }

        var learners = new List<LearnerSetup>();
        int l = 0;
        foreach (YamlNode item in Sequence(learnerNode, "learners"))
        {
            learners.Add(ReadLearner(item, $"learners[{l++}]", learners, environments));
        }

        if (environments.Count == 0)
        {
            throw Error(envNode, "environments", "the list is empty; give at least one environment");
        }

        if (learners.Count == 0)
        {
            throw Error(learnerNode, "learners", "the list is empty; give at least one learner");
        }

        double switchingCost = 1.0;
        if (keys.TryGetValue("switchingCost", out YamlNode? costNode))
        {
            switchingCost = ReadPlainNumber(costNode, "switchingCost");
            if (!(switchingCost >= 0))
            {
                throw Error(costNode, "switchingCost", $"must be ≥ 0 (the cost λ of one switch), got {switchingCost.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        var horizons = new List<long>();
        if (keys.TryGetValue("horizons", out YamlNode? horizonsNode))
        {
            int i = 0;
            foreach (YamlNode item in Sequence(horizonsNode, "horizons"))
            {
                string field = $"horizons[{i++}]";
                long h = ReadInteger(item, field, 1, MaxHorizon);
                foreach (EnvironmentSetup env in environments)
                {
                    if (h > env.Environment.MaxHorizon)
                    {
                        throw Error(item, field, $"environment '{env.Name}' has {env.Environment.MaxHorizon} rounds, fewer than {h}");
                    }
                }

                horizons.Add(h);
            }
        }

        return new Experiment(name, horizon, runs, seed, environments, learners, meters, description, switchingCost, horizons);
    }

    private EnvironmentSetup ReadEnvironment(YamlNode node, string field, long horizon, bool horizonFromCommandLine, List<EnvironmentSetup> earlier)
    {
        var (kindNode, kind, displayName, parameterNodes) = ReadEntry(node, field, "environment");
        EnvironmentInfo info = Registry.FindEnvironment(kind)
            ?? throw Error(kindNode, $"{field}.kind", $"unknown environment '{kind}'{Suggestions.DidYouMean(kind, Registry.Environments.Select(x => x.Name))}");
        ParameterSet parameters = ReadParameters(info.Parameters, parameterNodes, node, field, $"environment '{kind}'");
        if (info.Check(parameters) is { } problem)
        {
            YamlNode at = parameterNodes.TryGetValue(problem.Field, out var pn) ? pn.Value : node;
            throw Error(at, $"{field}.{problem.Field}", problem.Message);
        }

        IBanditEnvironment environment;
        try
        {
            environment = info.Create(parameters);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or IOException or UnauthorizedAccessException or Formats.DataFormatException)
        {
            throw Error(node, field, ex.Message);
        }

        if (environment.Arms > Numerics.CounterRng.MaxActions)
        {
            throw Error(node, field, $"{environment.Arms} arms: at most {Numerics.CounterRng.MaxActions} are supported");
        }

        if (horizon > environment.MaxHorizon)
        {
            string source = horizonFromCommandLine ? "--horizon" : "horizon";
            throw Error(node, field, $"environment '{kind}' has {environment.MaxHorizon} rounds, fewer than the {source} {horizon}");
        }

        string name = displayName ?? kind;
        if (earlier.Any(x => x.Name == name))
        {
            throw Error(node, field, $"environment name '{name}' is used twice; give each a distinct 'name:'");
        }

        return new EnvironmentSetup(name, kind, parameters.Values, environment);
    }

    private LearnerSetup ReadLearner(YamlNode node, string field, List<LearnerSetup> earlier, List<EnvironmentSetup> environments)
    {
        var (info, kind, displayName, parameters) = ReadLearnerEntry(
            node, field, environments.Select(e => (e.Environment.Arms, $"environment '{e.Name}' has {e.Environment.Arms} arms")));
        string name = displayName ?? kind;
        if (earlier.Any(x => x.Name == name))
        {
            throw Error(node, field, $"learner name '{name}' is used twice; give each a distinct 'name:'");
        }

        return new LearnerSetup(name, kind, parameters.Values, arms => info.Create(arms, parameters));
    }

    /// <summary>
    /// A learner entry (a registry name, or a mapping with <c>kind:</c>, <c>name:</c> and parameters), validated here,
    /// with a location, for every arm count it will face (a silent arm past the last, a contextual learner on too few
    /// arms), so no run fails later; <paramref name="misfit"/> may refuse the created learner (null: it fits).
    /// </summary>
    private (LearnerInfo Info, string Kind, string? Name, ParameterSet Parameters) ReadLearnerEntry(
        YamlNode node, string field, IEnumerable<(int Arms, string Where)> shapes, Func<IBanditPolicy, string?>? misfit = null)
    {
        var (kindNode, kind, displayName, parameterNodes) = ReadEntry(node, field, "learner");
        LearnerInfo info = Registry.FindLearner(kind)
            ?? throw Error(kindNode, $"{field}.kind", $"unknown learner '{kind}'{Suggestions.DidYouMean(kind, Registry.Learners.Select(x => x.Name))}");
        ParameterSet parameters = ReadParameters(info.Parameters, parameterNodes, node, field, $"learner '{kind}'");
        foreach ((int arms, string where) in shapes.DistinctBy(x => x.Arms))
        {
            IBanditPolicy probe;
            try
            {
                probe = info.Create(arms, parameters);
            }
            catch (ArgumentException ex)
            {
                throw Error(node, field, $"{ex.Message} ({where})");
            }

            if (misfit?.Invoke(probe) is { } why)
            {
                throw Error(node, field, $"learner '{kind}' {why}");
            }
        }

        return (info, kind, displayName, parameters);
    }

    private (YamlNode KindNode, string Kind, string? Name, Dictionary<string, KeyValuePair<YamlNode, YamlNode>> Parameters) ReadEntry(YamlNode node, string field, string what)
    {
        if (node is YamlScalarNode scalar)
        {
            return (node, Scalar(scalar, $"{field}.kind"), null, []);
        }

        if (node is not YamlMappingNode map)
        {
            throw Error(node, field, $"expected a {what} name or a mapping with 'kind:'");
        }

        YamlNode? kindNode = null;
        string? name = null;
        var parameters = new Dictionary<string, KeyValuePair<YamlNode, YamlNode>>();
        foreach (var (keyNode, value) in map.Children)
        {
            string key = KeyText(keyNode);
            if (key == "kind")
            {
                kindNode = value;
            }
            else if (key == "name")
            {
                name = Scalar(value, $"{field}.name");
            }
            else
            {
                parameters[key] = new(keyNode, value);
            }
        }

        if (kindNode is null)
        {
            throw Error(node, $"{field}.kind", $"missing: the registered {what} name (see `hindsight list`)");
        }

        return (kindNode, Scalar(kindNode, $"{field}.kind"), name, parameters);
    }

    private ParameterSet ReadParameters(IReadOnlyList<ParameterInfo> infos, Dictionary<string, KeyValuePair<YamlNode, YamlNode>> given, YamlNode entry, string field, string owner)
    {
        foreach (var (key, (keyNode, _)) in given)
        {
            if (!infos.Any(p => p.Name == key))
            {
                string valid = infos.Count == 0 ? "it takes no parameters" : $"its parameters: {string.Join(", ", infos.Select(p => p.Name))}";
                throw Error(keyNode, $"{field}.{key}", $"unknown parameter '{key}' for {owner}{Suggestions.DidYouMean(key, infos.Select(p => p.Name))} ({valid})");
            }
        }

        var set = new ParameterSet { BaseDirectory = _baseDirectory };
        foreach (ParameterInfo info in infos)
        {
            string path = $"{field}.{info.Name}";
            if (!given.TryGetValue(info.Name, out var pair))
            {
                if (info.Required)
                {
                    throw Error(entry, path, $"missing: {info.Description}");
                }

                set.Set(info.Name, info.Default);
                continue;
            }

            set.Set(info.Name, ReadValue(info, pair.Value, path));
        }

        return set;
    }

    private object ReadValue(ParameterInfo info, YamlNode node, string path)
    {
        switch (info.Type)
        {
            case ParameterType.Integer:
                return ReadInteger(node, path, Bound(info.Min), Bound(info.Max));
            case ParameterType.Number:
                return ReadNumber(node, path, info);
            case ParameterType.Boolean:
                string b = Scalar(node, path);
                return b switch
                {
                    "true" => true,
                    "false" => false,
                    _ => throw Error(node, path, $"expected true or false, found '{b}'"),
                };
            case ParameterType.Choice:
                string c = Scalar(node, path);
                if (!info.Choices.Contains(c))
                {
                    throw Error(node, path, $"unknown value '{c}'{Suggestions.DidYouMean(c, info.Choices)} (one of: {string.Join(", ", info.Choices)})");
                }

                return c;
            case ParameterType.NumberList:
                return ReadNumbers(node, path, info);
            case ParameterType.IntegerList:
                {
                    var list = new List<long>();
                    int i = 0;
                    foreach (YamlNode item in ListOrScalar(node, path))
                    {
                        list.Add(ReadInteger(item, $"{path}[{i++}]", Bound(info.Min), Bound(info.Max)));
                    }

                    return list.ToArray();
                }

            case ParameterType.NumberTable:
                {
                    var rows = new List<double[]>();
                    int i = 0;
                    foreach (YamlNode row in Sequence(node, path))
                    {
                        rows.Add(ReadNumbers(row, $"{path}[{i++}]", info));
                    }

                    if (rows.Count == 0)
                    {
                        throw Error(node, path, "the list is empty");
                    }

                    return rows.ToArray();
                }

            case ParameterType.Path:
                string relative = Scalar(node, path);
                string full = System.IO.Path.GetFullPath(System.IO.Path.Combine(_baseDirectory, relative));
                if (!File.Exists(full))
                {
                    throw Error(node, path, $"file not found: '{relative}' (looked for {full})");
                }

                return relative; // results echo the path as written, so they do not depend on the checkout's location
            case ParameterType.Text:
                return Scalar(node, path);
            default:
                throw new InvalidOperationException($"Unhandled parameter type {info.Type}.");
        }
    }

    private double[] ReadNumbers(YamlNode node, string path, ParameterInfo info)
    {
        var list = new List<double>();
        int i = 0;
        foreach (YamlNode item in ListOrScalar(node, path))
        {
            list.Add(ReadNumber(item, $"{path}[{i++}]", info));
        }

        if (list.Count == 0)
        {
            throw Error(node, path, "the list is empty");
        }

        return [.. list];
    }

    private double ReadNumber(YamlNode node, string path, ParameterInfo info)
    {
        string text = Scalar(node, path);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw Error(node, path, $"expected a number, found '{text}'");
        }

        if (!info.InRange(value))
        {
            throw Error(node, path, $"{value.ToString(CultureInfo.InvariantCulture)} is out of range: must be {info.RangeText}");
        }

        return value;
    }

    private long ReadInteger(YamlNode node, string path, long min, long max = long.MaxValue)
    {
        string text = Scalar(node, path);
        if (!long.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d == Math.Floor(d) && Math.Abs(d) < 9e15)
            {
                value = (long)d; // 1e5 is a whole number
            }
            else
            {
                throw Error(node, path, $"expected a whole number, found '{text}'");
            }
        }

        if (value < min || value > max)
        {
            string range = max == long.MaxValue ? $">= {min}" : $"in [{min}, {max}]";
            throw Error(node, path, $"{value} is out of range: must be {range}");
        }

        return value;
    }

    private static long Bound(double limit)
        => double.IsNegativeInfinity(limit) ? long.MinValue : double.IsPositiveInfinity(limit) || limit >= long.MaxValue ? long.MaxValue : (long)limit;

    private IEnumerable<YamlNode> Sequence(YamlNode node, string path)
        => node is YamlSequenceNode seq ? seq.Children : throw Error(node, path, "expected a list (items starting with '- ' or [a, b])");

    private static IEnumerable<YamlNode> ListOrScalar(YamlNode node, string path)
        => node is YamlSequenceNode seq ? seq.Children : [node];

    private string Scalar(YamlNode node, string path)
    {
        if (node is not YamlScalarNode scalar)
        {
            throw Error(node, path, node is YamlSequenceNode ? "expected a single value, found a list" : "expected a single value, found a mapping");
        }

        string? value = scalar.Value;
        if (string.IsNullOrEmpty(value) || (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && value is "~" or "null"))
        {
            throw Error(node, path, "missing value");
        }

        return value;
    }

    private SpecException Error(YamlNode node, string field, string problem)
        => new(_file, node.Start.Line, node.Start.Column, field, problem);
}
