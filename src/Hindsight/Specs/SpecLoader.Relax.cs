using Hindsight.Relax;
using YamlDotNet.RepresentationModel;

namespace Hindsight.Specs;

/// <summary>The <c>kind: relax</c> part of the spec loader.</summary>
public sealed partial class SpecLoader
{
    private static readonly string[] RelaxKeys = ["kind", "name", "description", "runs", "seed", "sequence", "omegas", "tolerance", "maxIterations", "learners"];

    /// <summary>The sequence kinds of <c>kind: relax</c> specs.</summary>
    public static IReadOnlyList<(string Name, string Description, ParameterInfo[] Parameters)> RelaxSequences { get; } =
    [
        ("drifting-poisson", "2-D Poisson (5-point) plus a drifting diagonal shift c, as an implicit heat-equation step with a time-varying diffusivity; moving-bump right-hand sides",
            [.. SequenceParameters()]),
        ("drifting-diffusion", "−∇·(a ∇u) + c u with a drifting coefficient a = 1 + contrast·(1 + sin 2π(x + y + t/T))/2 and a drifting shift c",
            [.. SequenceParameters(), new ParameterInfo("contrast", ParameterType.Number, 4.0, "the coefficient's contrast") { Min = 0 }]),
    ];

    /// <summary>The tuners of <c>kind: relax</c> specs.</summary>
    public static IReadOnlyList<(string Name, string Description, ParameterInfo[] Parameters)> RelaxLearners { get; } =
    [
        ("tsallis-inf", "Tsallis-INF over the ω grid, costs scaled by their running mean (Khodak et al. 2024)", []),
        ("unimodal-ucb", "OSUB-style search of the leader's neighbours with empirical-Bernstein bounds (Combes and Proutière 2014)", []),
        ("chebyshev", "contextual: per-ω Chebyshev regression of the cost on the shift, inverse-gap weighting (ChebCB-like)",
            [GameInt("degree", 6, "the highest Chebyshev degree", 0, 30), new ParameterInfo("gamma0", ParameterType.Number, 10.0, "γ₀ of γₜ = γ₀√(Kt)") { Min = 0, MinExclusive = true }]),
    ];

    private static IEnumerable<ParameterInfo> SequenceParameters() =>
    [
        GameInt("grid", 64, "interior points per side n (matrices are n² × n²)", 2, 2048),
        GameInt("instances", 1000, "the number of systems T", 1, 1_000_000),
        new ParameterInfo("minShift", ParameterType.Number, 0.05, "c_min, the smallest diagonal shift") { Min = 0 },
        new ParameterInfo("maxShift", ParameterType.Number, 0.5, "c_max, the largest diagonal shift") { Min = 0 },
        new ParameterInfo("periods", ParameterType.Number, 2.0, "how often the shift rises and falls over the sequence") { Min = 0, MinExclusive = true },
        GameInt("seed", 1, "the right-hand sides' noise seed", 0),
    ];

    private RelaxStudy BuildRelax(YamlMappingNode root, string defaultName, SpecOverrides overrides)
    {
        Dictionary<string, YamlNode> keys = ReadKeys(root, RelaxKeys);
        (string name, string? description) = ReadNameAndDescription(keys, defaultName);
        int runs = overrides.Runs ?? (keys.TryGetValue("runs", out YamlNode? r) ? (int)ReadInteger(r, "runs", 1, 10_000) : 5);
        ulong seed = ReadSeed(overrides, keys);
        YamlNode sequenceNode = Required(root, keys, "sequence", "the systems, e.g. {kind: drifting-poisson, grid: 64, instances: 1000}");
        var (sequenceKind, _, sp) = ReadCatalogEntry(sequenceNode, "sequence", "sequence", RelaxSequences);
        if (sp.Number("minShift") > sp.Number("maxShift"))
        {
            throw Error(sequenceNode, "sequence.maxShift", $"maxShift = {sp.Number("maxShift")} is below minShift = {sp.Number("minShift")}");
        }

        DriftingDiffusion sequence;
        try
        {
            sequence = new DriftingDiffusion(
                (int)sp.Integer("grid"), (int)sp.Integer("instances"), sp.Number("minShift"), sp.Number("maxShift"), sp.Number("periods"),
                sequenceKind == "drifting-diffusion" ? sp.Number("contrast") : 0.0, (ulong)sp.Integer("seed"));
        }
        catch (ArgumentException ex)
        {
            throw Error(sequenceNode, "sequence", ex.Message);
        }

        double[] omegas = [.. Enumerable.Range(20, 20).Select(i => i / 20.0)]; // 1, 1.05, …, 1.95 without rounding residue
        if (keys.TryGetValue("omegas", out YamlNode? o))
        {
            omegas = ReadNumbers(o, "omegas", new ParameterInfo("omegas", ParameterType.NumberList, null, "ω values"));
            YamlNode[] items = [.. ListOrScalar(o, "omegas")];
            for (int i = 0; i < omegas.Length; i++)
            {
                if (!(omegas[i] > 0 && omegas[i] < 2))
                {
                    throw Error(items[i], $"omegas[{i}]", $"ω = {omegas[i]} is outside (0, 2), where SOR cannot converge");
                }

                if (i > 0 && omegas[i] <= omegas[i - 1])
                {
                    throw Error(items[i], $"omegas[{i}]", "the ω grid must be strictly increasing (neighbouring values are what the unimodal search walks between)");
                }
            }
        }

        double tolerance = 1e-8;
        if (keys.TryGetValue("tolerance", out YamlNode? tol))
        {
            tolerance = ReadPlainNumber(tol, "tolerance");
            if (!(tolerance > 0 && tolerance < 1))
            {
                throw Error(tol, "tolerance", $"the relative-residual tolerance must be in (0, 1), got {tolerance}");
            }
        }

        int maxIterations = keys.TryGetValue("maxIterations", out YamlNode? m) ? (int)ReadInteger(m, "maxIterations", 1, 1_000_000) : 10_000;
        double low = sequence.MinShift, high = sequence.MaxShift > low ? sequence.MaxShift : low + 1.0;
        List<RelaxLearnerSetup> learners = ReadList(root, keys, "learners", $"a list of tuners (kinds: {string.Join(", ", RelaxLearners.Select(x => x.Name))})", "learner", (item, field) =>
        {
            var (kind, display, p) = ReadCatalogEntry(item, field, "relax learner", RelaxLearners);
            Func<int, IParameterTuner> create = kind switch
            {
                "tsallis-inf" => k => new TsallisInfTuner(k),
                "unimodal-ucb" => k => new UnimodalUcbTuner(k),
                _ => k => new ChebyshevTuner(k, (int)p.Integer("degree"), low, high, p.Number("gamma0")),
            };
            return (display ?? kind, new RelaxLearnerSetup(display ?? kind, kind, p.Values, create));
        });
        return new RelaxStudy(name, description, sequence, sequenceKind, sp.Values, omegas, tolerance, maxIterations, runs, seed, learners);
    }
}
