using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Hindsight.Simulation;
using Hindsight.Specs;

namespace Hindsight.Cli;

/// <summary><c>hindsight bench [--json]</c>: rounds per second and bytes per round of each learner on one core.</summary>
internal static class BenchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var json = new Option<bool>("--json") { Description = "Print the results as JSON (results-format.md)." };
        var rounds = new Option<long>("--rounds") { Description = "Rounds timed per learner.", DefaultValueFactory = _ => 1_000_000 };
        var learners = new Option<string[]>("--learner") { Description = "Learners to measure (repeatable; default: all).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("bench", "Measure each learner's speed on one core: K=10 Bernoulli arms (contextual learners: a linear environment, K=5, d=10).") { json, rounds, learners };
        command.SetAction(parse =>
        {
            long n = parse.GetValue(rounds);
            if (n < 1)
            {
                stderr.WriteLine($"error: --rounds must be at least 1, got {n}.");
                return ExitCodes.BadInput;
            }

            string[] names = parse.GetValue(learners) is { Length: > 0 } chosen ? chosen : [.. Registry.Learners.Select(l => l.Name)];
            foreach (string name in names)
            {
                if (Registry.FindLearner(name) is null)
                {
                    stderr.WriteLine($"error: --learner: unknown learner '{name}'{Suggestions.DidYouMean(name, Registry.Learners.Select(l => l.Name))}");
                    return ExitCodes.BadInput;
                }
            }

            var results = new List<(string Workload, ThroughputResult Result)>();
            bool asJson = parse.GetValue(json);
            foreach (string name in names)
            {
                var (workload, env) = Throughput.WorkloadFor(name);
                ThroughputResult r = Throughput.Measure(name, env, n);
                results.Add((workload, r));
                if (!asJson)
                {
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{workload,-14} {name,-26} {r.RoundsPerSecond / 1e6,8:0.000} M rounds/s   {r.AllocatedBytesPerRound:0.###} B/round"));
                }
            }

            if (asJson)
            {
                var doc = results.Select(x => (x.Workload, r: x.Result)).Select(x => new Dictionary<string, object>
                {
                    ["workload"] = x.Workload,
                    ["learner"] = x.r.Learner,
                    ["rounds"] = x.r.Rounds,
                    ["seconds"] = x.r.Seconds,
                    ["roundsPerSecond"] = x.r.RoundsPerSecond,
                    ["allocatedBytesPerRound"] = x.r.AllocatedBytesPerRound,
                    ["threads"] = 1,
                });
                stdout.WriteLine(JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
