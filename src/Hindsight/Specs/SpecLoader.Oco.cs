using System.Globalization;
using Hindsight.Formats;
using Hindsight.Groupwise;
using Hindsight.Oco;
using Hindsight.Oco.Domains;
using Hindsight.Oco.Environments;
using Hindsight.Oco.Learners;
using Hindsight.Oco.Regularizers;
using YamlDotNet.RepresentationModel;

namespace Hindsight.Specs;

/// <content>Online convex optimization study specs (<c>kind: oco</c>).</content>
public sealed partial class SpecLoader
{
    private static readonly string[] OcoKeys = ["kind", "name", "description", "horizon", "runs", "seed", "domain", "streams", "learners"];

    /// <summary>The OCO stream kinds and their parameters.</summary>
    public static IReadOnlyList<(string Name, string Description, ParameterInfo[] Parameters)> OcoStreams { get; } =
    [
        ("sea-linear", "linear losses ⟨gₜ, x⟩ in the SEA model: mean swung by ±ρ every P rounds, N(0, σ²/d) noise (Sachs et al. 2022)",
            [OcoNum("sigma", 0.0, "stochastic noise σ ≥ 0"), OcoNum("rho", 0.0, "adversarial swing ρ ≥ 0"), new ParameterInfo("period", ParameterType.Integer, 100L, "rounds between the adversary's flips P") { Min = 1 }]),
        ("sea-quadratic", "½‖x − zₜ‖² in the SEA model: target mean swung by ±ρ every P rounds, N(0, σ²/d) noise",
            [OcoNum("sigma", 0.0, "stochastic noise σ ≥ 0"), OcoNum("rho", 0.0, "adversarial swing ρ ≥ 0"), new ParameterInfo("period", ParameterType.Integer, 100L, "rounds between the adversary's flips P") { Min = 1 },
             new ParameterInfo("scale", ParameterType.Number, 0.5, "size c of the target's mean") { Min = 0, MinExclusive = true }]),
        ("regression", "online regression or classification on a CSV's rows in file order: square, absolute, logistic or hinge loss of ⟨w, x⟩ (box domains)",
            [new ParameterInfo("data", ParameterType.Path, null, "the CSV file, relative to the spec file"),
             new ParameterInfo("target", ParameterType.Text, null, "the target column (name, or 0-based index without a header)"),
             new ParameterInfo("header", ParameterType.Boolean, true, "whether the first line names the columns"),
             new ParameterInfo("positive", ParameterType.Text, "", "for a categorical target, the value mapped to 1"),
             new ParameterInfo("loss", ParameterType.Choice, "square", "square, absolute, logistic or hinge") { Choices = ["square", "absolute", "logistic", "hinge"] }]),
    ];

    /// <summary>The OCO learner kinds and their parameters.</summary>
    public static IReadOnlyList<(string Name, string Description, ParameterInfo[] Parameters)> OcoLearners { get; } =
    [
        ("ogd", "projected online gradient descent, ηₜ = D/(G√t), or 1/(λt) for λ-strongly convex losses (Zinkevich 2003; Hazan, Agarwal, Kale 2007)",
            [OcoNum("gradientBound", 0.0, "G (0: the stream's bound)"), OcoNum("strongConvexity", 0.0, "λ (0: plain convex step D/(G√t))")]),
        ("adagrad", "diagonal AdaGrad on a box (Duchi, Hazan, Singer 2011)", []),
        ("ftrl", "follow the regularized leader (l2 on any domain; entropy, log-barrier, tsallis on the simplex), adaptive rate, optionally optimistic",
            [new ParameterInfo("regularizer", ParameterType.Choice, "l2", "l2, entropy, log-barrier or tsallis") { Choices = ["l2", "entropy", "log-barrier", "tsallis"] },
             new ParameterInfo("eta0", ParameterType.Number, 1.0, "rate scale η₀") { Min = 0, MinExclusive = true },
             new ParameterInfo("optimistic", ParameterType.Boolean, false, "use the previous gradient as a hint")]),
        ("optimistic-omd", "optimistic online mirror descent, Euclidean, last gradient as hint (Chen et al. 2023)", []),
        ("ons", "online Newton step for exp-concave losses (Hazan, Agarwal, Kale 2007)",
            [OcoNum("alpha", 0.0, "exp-concavity α (0: 1/G², right for 1-strongly convex losses)"), OcoNum("gradientBound", 0.0, "G (0: the stream's bound)")]),
    ];

    private OcoStudy BuildOco(YamlMappingNode root, string defaultName, SpecOverrides overrides)
    {
        Dictionary<string, YamlNode> keys = ReadKeys(root, OcoKeys);
        string name = keys.TryGetValue("name", out YamlNode? n) ? Scalar(n, "name") : defaultName;
        string? description = keys.TryGetValue("description", out YamlNode? dn) ? Scalar(dn, "description") : null;
        long horizon = overrides.Horizon ?? ReadInteger(Required(root, keys, "horizon", "the number of rounds per run, a whole number > 0"), "horizon", 1, MaxHorizon);
        int runs = overrides.Runs ?? (keys.TryGetValue("runs", out YamlNode? r) ? (int)ReadInteger(r, "runs", 1, int.MaxValue) : 10);
        ulong seed = ReadSeed(overrides, keys);

        YamlNode streamsNode = Required(root, keys, "streams", $"a list of loss streams (kinds: {string.Join(", ", OcoStreams.Select(x => x.Name))})");
        YamlNode domainNode = Required(root, keys, "domain", "the convex domain: {kind: ball, radius: R}, {kind: box, low: a, high: b} or {kind: simplex}");
        var streamEntries = new List<(YamlNode Node, string Field, string Kind, string? Name, ParameterSet Parameters)>();
        int i = 0;
        foreach (YamlNode item in Sequence(streamsNode, "streams"))
        {
            string field = $"streams[{i++}]";
            var (kind, display, parameters) = ReadCatalogEntry(item, field, "stream", OcoStreams);
            streamEntries.Add((item, field, kind, display, parameters));
        }

        if (streamEntries.Count == 0)
        {
            throw Error(streamsNode, "streams", "the list is empty; give at least one stream");
        }

        // Regression streams fix the dimension (features + 1); the SEA streams take the domain's.
        var data = new Dictionary<int, IOcoStream>();
        int? dataDimension = null;
        for (int k = 0; k < streamEntries.Count; k++)
        {
            var e = streamEntries[k];
            if (e.Kind == "regression")
            {
                IOcoStream stream = ReadRegressionStream(e.Node, e.Field, e.Parameters);
                if (dataDimension is { } dim && dim != stream.Dimension)
                {
                    throw Error(e.Node, e.Field, $"this data set has {stream.Dimension - 1} features; an earlier stream has {dim - 1}: one study plays one dimension");
                }

                dataDimension = stream.Dimension;
                data[k] = stream;
                if (stream.MaxHorizon < horizon)
                {
                    throw Error(e.Node, e.Field, $"the data set has {stream.MaxHorizon} rows, fewer than the horizon {horizon}");
                }
            }
        }

        (string domainKind, IReadOnlyList<KeyValuePair<string, object?>> domainParameters, IConvexDomain domain) = ReadDomain(domainNode, dataDimension);
        var streams = new List<OcoStreamSetup>();
        for (int k = 0; k < streamEntries.Count; k++)
        {
            var e = streamEntries[k];
            IOcoStream stream = data.TryGetValue(k, out IOcoStream? fromData) ? fromData : e.Kind switch
            {
                "sea-linear" => new LinearSeaLosses(domain.Dimension, e.Parameters.Number("sigma"), e.Parameters.Number("rho"), e.Parameters.Integer("period")),
                _ => new QuadraticSeaLosses(domain.Dimension, e.Parameters.Number("sigma"), e.Parameters.Number("rho"), e.Parameters.Integer("period"), e.Parameters.Number("scale")),
            };
            if (e.Kind == "regression" && domain is not Box)
            {
                throw Error(e.Node, e.Field, $"regression streams need a box domain (their comparator is solved with box constraints); the domain is a {domainKind}");
            }

            string display = e.Name ?? e.Kind;
            if (streams.Any(x => x.Name == display))
            {
                throw Error(e.Node, e.Field, $"stream name '{display}' is used twice; give each a distinct 'name:'");
            }

            streams.Add(new OcoStreamSetup(display, e.Kind, e.Parameters.Values, stream));
        }

        YamlNode learnersNode = Required(root, keys, "learners", $"a list of learners (kinds: {string.Join(", ", OcoLearners.Select(x => x.Name))})");
        var learners = new List<OcoLearnerSetup>();
        int j = 0;
        foreach (YamlNode item in Sequence(learnersNode, "learners"))
        {
            string field = $"learners[{j++}]";
            var (kind, display, p) = ReadCatalogEntry(item, field, "OCO learner", OcoLearners);
            Func<IConvexDomain, IOcoStream, IOcoLearner> create = OcoFactory(kind, p);
            try
            {
                _ = create(domain, streams[0].Stream); // checks the learner against the domain here, with a location
            }
            catch (ArgumentException ex)
            {
                throw Error(item, field, ex.Message);
            }

            string shown = display ?? kind;
            if (learners.Any(x => x.Name == shown))
            {
                throw Error(item, field, $"learner name '{shown}' is used twice; give each a distinct 'name:'");
            }

            learners.Add(new OcoLearnerSetup(shown, kind, p.Values, create));
        }

        if (learners.Count == 0)
        {
            throw Error(learnersNode, "learners", "the list is empty; give at least one learner");
        }

        return new OcoStudy(name, description, horizon, runs, seed, domainKind, domainParameters, domain, streams, learners);
    }

    /// <summary>Reads a list entry (a name, or a mapping with kind, name and parameters) against a catalog of kinds.</summary>
    private (string Kind, string? Name, ParameterSet Parameters) ReadCatalogEntry(
        YamlNode item, string field, string what, IReadOnlyList<(string Name, string Description, ParameterInfo[] Parameters)> catalog)
    {
        var (kindNode, kind, display, given) = ReadEntry(item, field, what);
        var info = catalog.FirstOrDefault(x => x.Name == kind);
        if (info.Name is null)
        {
            IEnumerable<string> names = catalog.Select(x => x.Name);
            throw Error(kindNode, $"{field}.kind", $"unknown {what} '{kind}'{Suggestions.DidYouMean(kind, names)} (valid: {string.Join(", ", names)})");
        }

        return (kind, display, ReadParameters(info.Parameters, given, item, field, $"{what} '{kind}'"));
    }

    private static Func<IConvexDomain, IOcoStream, IOcoLearner> OcoFactory(string kind, ParameterSet p)
    {
        double Bound(IConvexDomain d, IOcoStream s, double given) => given > 0 ? given : s.GradientBound(d);
        return kind switch
        {
            "ogd" => (d, s) => new OnlineGradientDescent(d, Bound(d, s, p.Number("gradientBound")), p.Number("strongConvexity")),
            "adagrad" => (d, _) => new AdaGrad(d as Box ?? throw new ArgumentException("adagrad needs a box domain")),
            "optimistic-omd" => (d, _) => new OptimisticOnlineMirrorDescent(d),
            "ons" => (d, s) =>
            {
                double g = Bound(d, s, p.Number("gradientBound"));
                return new OnlineNewtonStep(d, g, p.Number("alpha") > 0 ? p.Number("alpha") : 1 / (g * g));
            }
            ,
            _ => (d, _) =>
            {
                string r = p.Text("regularizer");
                Simplex Simplex() => d as Simplex ?? throw new ArgumentException($"the {r} regularizer needs a simplex domain");
                IRegularizer regularizer = r switch
                {
                    "entropy" => new NegativeEntropy(Simplex()),
                    "log-barrier" => new LogBarrier(Simplex()),
                    "tsallis" => new HalfTsallis(Simplex()),
                    _ => new SquaredNorm(d),
                };
                return new FollowTheRegularizedLeader(regularizer, p.Number("eta0"), p.Boolean("optimistic"));
            }
            ,
        };
    }

    private RegressionLosses ReadRegressionStream(YamlNode node, string field, ParameterSet p)
    {
        string path = p.FullPath("data");
        if (!File.Exists(path))
        {
            throw Error(node, $"{field}.data", $"file not found: {path}");
        }

        string positive = p.Text("positive");
        PredictionLoss loss = p.Text("loss") switch
        {
            "absolute" => PredictionLoss.Absolute,
            "logistic" => PredictionLoss.Logistic,
            "hinge" => PredictionLoss.Hinge,
            _ => PredictionLoss.Square,
        };
        try
        {
            GroupwiseData table = GroupwiseData.ReadCsv(path, p.Boolean("header"), p.Text("target"), positive.Length > 0 ? positive : null, []);
            return new RegressionLosses(table.Features, table.Targets, loss);
        }
        catch (DataFormatException ex)
        {
            throw Error(node, $"{field}.data", ex.Message);
        }
        catch (ArgumentException ex)
        {
            throw Error(node, $"{field}.loss", ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw Error(node, $"{field}.data", $"cannot read {path}: {ex.Message}");
        }
    }

    /// <summary>Reads the domain; parameters that do not make a non-empty convex set are errors naming the field.</summary>
    private (string Kind, IReadOnlyList<KeyValuePair<string, object?>> Parameters, IConvexDomain Domain) ReadDomain(YamlNode node, int? dataDimension)
    {
        if (node is not YamlMappingNode map)
        {
            throw Error(node, "domain", "expected a mapping: {kind: ball, radius: R}, {kind: box, low: a, high: b} or {kind: simplex}");
        }

        var values = new Dictionary<string, YamlNode>();
        foreach (var (k, v) in map.Children)
        {
            values[KeyText(k)] = v;
        }

        string kind = values.TryGetValue("kind", out YamlNode? kn) ? Scalar(kn, "domain.kind") : throw Error(node, "domain.kind", "missing: ball, box or simplex");
        string[] allowed = kind switch
        {
            "ball" => ["kind", "dimension", "radius"],
            "box" => ["kind", "dimension", "low", "high"],
            "simplex" => ["kind", "dimension"],
            _ => throw Error(kn!, "domain.kind", $"unknown domain '{kind}'{Suggestions.DidYouMean(kind, ["ball", "box", "simplex"])} (domains: ball, box, simplex)"),
        };
        foreach (var (key, v) in values)
        {
            if (!allowed.Contains(key))
            {
                throw Error(v, $"domain.{key}", $"unknown parameter '{key}' for a {kind} domain (its parameters: {string.Join(", ", allowed.Skip(1))})");
            }
        }

        int dimension;
        if (values.TryGetValue("dimension", out YamlNode? dimNode))
        {
            dimension = (int)ReadInteger(dimNode, "domain.dimension", 1, 1 << 20);
            if (dataDimension is { } dd && dd != dimension)
            {
                throw Error(dimNode, "domain.dimension", $"{dimension} does not match the data: {dd - 1} features + 1 constant = {dd}");
            }
        }
        else
        {
            dimension = dataDimension ?? throw Error(node, "domain.dimension", "missing: the dimension d ≥ 1 (only regression streams imply it)");
        }

        double Read(string key, double fallback)
        {
            if (!values.TryGetValue(key, out YamlNode? v))
            {
                return fallback;
            }

            double x = ReadPlainNumber(v, $"domain.{key}");
            return x;
        }

        switch (kind)
        {
            case "ball":
                {
                    double radius = Read("radius", 1);
                    if (!(radius > 0))
                    {
                        throw Error(values.GetValueOrDefault("radius", node), "domain.radius", $"must be > 0, got {radius.ToString(CultureInfo.InvariantCulture)}: a ball of radius ≤ 0 is empty or a point");
                    }

                    return (kind, [new("dimension", dimension), new("radius", radius)], new Ball(dimension, radius));
                }

            case "box":
                {
                    double low = Read("low", -1), high = Read("high", 1);
                    if (!(high > low))
                    {
                        throw Error(values.GetValueOrDefault("high", node), "domain.high", $"must be > low ({low.ToString(CultureInfo.InvariantCulture)}), got {high.ToString(CultureInfo.InvariantCulture)}: the box [low, high]ᵈ would be empty or a point");
                    }

                    return (kind, [new("dimension", dimension), new("low", low), new("high", high)], new Box(dimension, low, high));
                }

            default:
                if (dimension < 2)
                {
                    throw Error(values.GetValueOrDefault("dimension", node), "domain.dimension", "a simplex needs dimension ≥ 2: in one dimension it is a single point");
                }

                return (kind, [new("dimension", dimension)], new Simplex(dimension));
        }
    }

    private static ParameterInfo OcoNum(string name, double value, string description) => new(name, ParameterType.Number, value, description) { Min = 0 };
}
