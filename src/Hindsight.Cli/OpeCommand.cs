using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Hindsight.Contextual;
using Hindsight.Contextual.Learners;
using Hindsight.Evaluation;
using Hindsight.Formats;

namespace Hindsight.Cli;

/// <summary>
/// <c>hindsight ope --data LOG [--format obd|dsjson|vw] --policy uniform|first|live|bts [--prior FILE --campaign NAME]
/// [--candidate SETTINGS]… [--estimators ips,snips,dm,dr] [--json]</c>: the counterfactual value of target policies on a
/// log, with 95% CIs — fixed policies, and candidate learners trained on the log and scored progressively
/// (Personalizer's offline evaluation of a loop's exported log: live, baseline, uniform and candidate settings).
/// </summary>
internal static class OpeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = new Option<string>("--data") { Description = "The log: an Open Bandit Dataset CSV, DSJson or VW text (ADF).", Required = true };
        var format = new Option<string?>("--format") { Description = "obd, dsjson or vw (default: .csv is obd, .json/.dsjson is dsjson, else vw)." };
        var policies = new Option<string[]>("--policy") { Description = "Target policies: uniform, first (ADF logs: the baseline), live (DSJson: the logging policy's own distribution p), bts (OBD, needs --prior).", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => ["uniform"] };
        var prior = new Option<string?>("--prior") { Description = "For --policy bts: the Beta priors YAML (prior_bts.yaml)." };
        var campaign = new Option<string?>("--campaign") { Description = "For --policy bts: the campaign in the priors file (default: the log's file name, e.g. men)." };
        var estimators = new Option<string>("--estimators") { Description = "Comma-separated: ips, snips, dm, dr, and replay (uniformly logged ADF logs only).", DefaultValueFactory = _ => "ips,snips,dm,dr" };
        var simulations = new Option<int>("--simulations") { Description = "Monte Carlo impressions for the bts action distribution.", DefaultValueFactory = _ => 100_000 };
        var onError = new Option<string>("--on-error") { Description = "stop (default) or skip malformed records.", DefaultValueFactory = _ => "stop" };
        var json = new Option<bool>("--json") { Description = "Print JSON (results-format.md)." };
        var candidates = new Option<string[]>("--candidate")
        {
            Description = "A candidate learner trained on the log and evaluated progressively (ADF logs): a learner name (epsilon-greedy, squarecb) or loop settings as JSON, as POST /v1/loops takes them ({\"name\": \"label\", \"learner\": \"squarecb\", \"interactions\": [\"UA\"]}). Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("ope", "Estimate the value of target policies from a logged data set (IPS, SNIPS, DM, DR with 95% CIs): fixed policies (uniform, first, live) and candidate learners.")
        {
            data, format, policies, prior, campaign, estimators, simulations, onError, json, candidates,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(data)!;
            string fileName = Path.GetFileName(path);
            string fmt = parse.GetValue(format)
                ?? (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase) ? "obd"
                    : fileName.Contains("json", StringComparison.OrdinalIgnoreCase) ? "dsjson" : "vw");
            if (parse.GetValue(simulations) < 1)
            {
                return Bad(stderr, $"--simulations must be at least 1, got {parse.GetValue(simulations)}");
            }
            string[] all = [.. parse.GetValue(estimators)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            string[] known = [.. OffPolicyEstimators.Names, "replay"];
            if (all.FirstOrDefault(n => !known.Contains(n)) is { } badEstimator)
            {
                return Bad(stderr, $"--estimators: unknown estimator '{badEstimator}'{Specs.Suggestions.DidYouMean(badEstimator, known)} (ips, snips, dm, dr, replay)");
            }

            bool replay = all.Contains("replay");
            string[] names = [.. all.Where(n => n != "replay")];

            if (parse.GetValue(onError) is not ("stop" or "skip"))
            {
                return Bad(stderr, $"--on-error: unknown '{parse.GetValue(onError)}' (stop or skip)");
            }

            var trained = new List<(string Label, Hindsight.Service.LoopSettings Settings)>();
            foreach (string spec in parse.GetValue(candidates) ?? [])
            {
                if (ReadCandidate(spec, trained.Count + 1, out var candidate) is { } problem)
                {
                    return Bad(stderr, $"--candidate '{spec}': {problem}");
                }

                trained.Add(candidate);
            }

            var policy = parse.GetValue(onError) == "skip" ? MalformedRecordPolicy.Skip : MalformedRecordPolicy.Stop;
            var results = new List<(string Policy, long Examples, OffPolicyEstimate Logged, List<OffPolicyEstimate> Estimates, Hindsight.Service.LoopSettings? Candidate)>();
            try
            {
                if (fmt == "obd" && trained.Count > 0)
                {
                    return Bad(stderr, "--candidate needs an ADF log (DSJson or VW text): candidates learn from features");
                }

                if (fmt == "obd")
                {
                    var log = new ObdReader(path, policy).Read().ToList();
                    if (log.Count == 0)
                    {
                        return Bad(stderr, $"{path}: no impressions");
                    }

                    int items = log[0].Affinity.Count, slots = log.Max(e => e.Position) + 1;
                    OffPolicyEstimate logged = SlotPolicyEvaluation.OnPolicy(log);
                    foreach (string target in parse.GetValue(policies)!)
                    {
                        double[,] pi;
                        if (target == "uniform")
                        {
                            pi = SlotPolicyEvaluation.Uniform(items, slots);
                        }
                        else if (target == "bts")
                        {
                            string? priorPath = parse.GetValue(prior);
                            if (priorPath is null)
                            {
                                return Bad(stderr, "--policy bts needs --prior FILE (the Beta priors YAML)");
                            }

                            string name = parse.GetValue(campaign) ?? Path.GetFileNameWithoutExtension(path.Replace(".gz", string.Empty, StringComparison.Ordinal));
                            var (alpha, beta) = BtsPriors.Read(priorPath, name);
                            if (alpha.Length != items)
                            {
                                return Bad(stderr, $"--prior: campaign '{name}' has {alpha.Length} items; the log has {items}");
                            }

                            pi = BernoulliThompsonRanking.ActionDistribution(alpha, beta, slots, parse.GetValue(simulations));
                        }
                        else
                        {
                            return Bad(stderr, $"--policy: unknown policy '{target}' for an OBD log (uniform or bts)");
                        }

                        OffPolicySample[] samples = SlotPolicyEvaluation.Samples(log, pi);
                        results.Add((target, log.Count, logged, [.. names.Select(n => OffPolicyEstimators.Estimate(n, samples))], null));
                    }
                }
                else if (fmt is "dsjson" or "vw")
                {
                    CbLogReader reader = fmt == "dsjson" ? new DsJsonReader(path, policy) : new VwTextReader(path, policy);
                    IReadOnlyList<CbExample> log = [.. reader.Read()]; // kept whole: no example recycling
                    OffPolicySample[] onPolicy = [.. log.Where(e => e.Label is not null).Select(e => new OffPolicySample(-e.Label!.Value.Cost, 1, 1))];
                    OffPolicyEstimate logged = OffPolicyEstimators.Ips(onPolicy) with { Estimator = "on-policy" };
                    // Fixed policies, then candidates trained on the log: each scored by the estimators, and by replay on request.
                    var targets = new List<(string Label, Func<OffPolicySample[]> Samples, Func<IContextualLearner> Replayed, Hindsight.Service.LoopSettings? Settings)>();
                    foreach (string target in parse.GetValue(policies)!)
                    {
                        if (!CbLogEvaluation.Policies.Contains(target))
                        {
                            return Bad(stderr, $"--policy: unknown policy '{target}' for an ADF log ({string.Join(" or ", CbLogEvaluation.Policies)})");
                        }

                        targets.Add((target, () => CbLogEvaluation.Samples(log, target), () => new FixedPolicy(target), null));
                    }

                    foreach ((string label, Hindsight.Service.LoopSettings settings) in trained)
                    {
                        targets.Add((label, () => CbLogEvaluation.Samples(log, settings.CreateLearner()), settings.CreateLearner, settings));
                    }

                    foreach (var target in targets)
                    {
                        OffPolicySample[] samples;
                        try
                        {
                            samples = target.Samples();
                        }
                        catch (ArgumentException ex)
                        {
                            return Bad(stderr, $"{(target.Settings is null ? "--policy" : "--candidate")} {target.Label}: {path}: {ex.Message}");
                        }

                        List<OffPolicyEstimate> estimates = [.. names.Select(n => OffPolicyEstimators.Estimate(n, samples))];
                        if (replay)
                        {
                            try
                            {
                                estimates.Add(Replay.Evaluate(log, target.Replayed()));
                            }
                            catch (ArgumentException ex)
                            {
                                return Bad(stderr, $"--estimators replay: {ex.Message}");
                            }
                        }

                        results.Add((target.Label, samples.Length, logged, estimates, target.Settings));
                    }
                }
                else
                {
                    return Bad(stderr, $"--format: unknown format '{fmt}' (obd, dsjson or vw)");
                }
            }
            catch (Exception ex) when (ex is DataFormatException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                return Bad(stderr, ex is DataFormatException ? ex.Message : $"{path}: {ex.Message}");
            }

            if (parse.GetValue(json))
            {
                var doc = results.Select(r => new Dictionary<string, object?>
                {
                    ["policy"] = r.Policy,
                    ["estimates"] = r.Estimates.Select(e => new Dictionary<string, object?>
                    {
                        ["estimator"] = e.Estimator,
                        ["value"] = Finite(e.Value),
                        ["ci95"] = double.IsFinite(e.Low) && double.IsFinite(e.High) ? new[] { e.Low, e.High } : null,
                        ["samples"] = e.Samples,
                    }).ToList(),
                    ["examples"] = r.Examples,
                    ["logged"] = new Dictionary<string, object?> { ["value"] = Finite(r.Logged.Value), ["ci95"] = double.IsFinite(r.Logged.Low) ? new[] { r.Logged.Low, r.Logged.High } : null },
                    ["reward"] = fmt == "obd" ? "click" : "-cost",
                    ["kind"] = r.Candidate is null ? "fixed" : "candidate",
                    ["settings"] = r.Candidate is null ? null : JsonSerializer.SerializeToElement(r.Candidate, new JsonSerializerOptions(JsonSerializerDefaults.Web)),
                });
                stdout.WriteLine(JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                foreach (var r in results)
                {
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"policy {r.Policy} on {path} ({r.Examples} decisions; the log's own value {r.Logged.Value:0.000000} [{r.Logged.Low:0.000000}, {r.Logged.High:0.000000}])"));
                    foreach (OffPolicyEstimate e in r.Estimates)
                    {
                        stdout.WriteLine(!e.Defined
                            ? $"  {e.Estimator,-6} undefined ({e.Samples} usable decisions: no sample carries the policy's weight)"
                            : double.IsNaN(e.Low)
                                ? string.Create(CultureInfo.InvariantCulture, $"  {e.Estimator,-6} {e.Value,12:0.000000}   (one sample: no interval)")
                                : string.Create(CultureInfo.InvariantCulture, $"  {e.Estimator,-6} {e.Value,12:0.000000}   95% CI [{e.Low:0.000000}, {e.High:0.000000}]"));
                    }
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Reads a candidate: a learner name, or loop settings as JSON (their name, if any, labels it).</summary>
    /// <returns>What is wrong with the spec, or null when it was read.</returns>
    private static string? ReadCandidate(string spec, int index, out (string Label, Hindsight.Service.LoopSettings Settings) candidate)
    {
        candidate = ($"candidate {index}", new Hindsight.Service.LoopSettings());
        if (spec is "epsilon-greedy" or "squarecb")
        {
            candidate = (spec, new Hindsight.Service.LoopSettings(Learner: spec));
            return null;
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(spec);
            if (!Hindsight.Service.LoopSettings.TryReadCandidate(doc.RootElement, candidate.Label, out string label, out Hindsight.Service.LoopSettings settings, out string field, out string problem))
            {
                return $"{field} {problem}";
            }

            candidate = (label, settings);
            return null;
        }
        catch (JsonException)
        {
            return "neither a learner name (epsilon-greedy, squarecb) nor loop settings as a JSON object";
        }
    }

    /// <summary>A fixed policy of <see cref="CbLogEvaluation.Distribution"/> as a learner that never learns (for replay).</summary>
    private sealed class FixedPolicy(string name) : IContextualLearner
    {
        public void Predict(CbExample example, Span<float> pmf)
        {
            int k = example.Actions.Count;
            Span<double> p = k <= 256 ? stackalloc double[k] : new double[k];
            CbLogEvaluation.Distribution(name, example, p);
            for (int a = 0; a < k; a++)
            {
                pmf[a] = (float)p[a];
            }
        }

        public void Learn(CbExample example)
        {
        }
    }

    private static object? Finite(double value) => double.IsFinite(value) ? value : null;

    private static int Bad(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
