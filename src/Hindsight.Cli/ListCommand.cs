using System.CommandLine;
using System.Text.Json;
using Hindsight.Regret;
using Hindsight.Specs;

namespace Hindsight.Cli;

/// <summary><c>hindsight list [--json]</c>: every registered learner, environment and meter with parameters and defaults.</summary>
internal static class ListCommand
{
    public static Command Create(TextWriter stdout)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var command = new Command("list", "List every learner, environment and meter with parameters, defaults and a description.") { json };
        command.SetAction(parse =>
        {
            if (parse.GetValue(json))
            {
                stdout.WriteLine(ToJson());
            }
            else
            {
                WriteText(stdout);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The catalogs of the other spec kinds: a title and the entries.</summary>
    private static readonly (string Title, IReadOnlyList<(string Name, string Description, ParameterInfo[] Parameters)> Catalog)[] Catalogs =
    [
        ("OCO learners (kind: oco specs)", SpecLoader.OcoLearners),
        ("OCO streams (kind: oco specs)", SpecLoader.OcoStreams),
        ("Games (kind: game specs; learners: any full-information learner above, exp3 or tsallis-inf)", SpecLoader.GameKinds),
        ("Markov games (kind: markov specs; learners: any full-information learner above)", SpecLoader.MarkovGameKinds),
        ("Preference games (kind: preference specs)", SpecLoader.PreferenceGameKinds),
        ("Preference learners (kind: preference specs)", SpecLoader.PreferenceLearners),
        ("Dueling environments (kind: dueling specs)", SpecLoader.DuelingEnvironments),
        ("Dueling learners (kind: dueling specs)", SpecLoader.DuelingLearners),
        ("Linear-system sequences (kind: relax specs)", SpecLoader.RelaxSequences),
        ("Tuners (kind: relax specs)", SpecLoader.RelaxLearners),
        ("Reactive environments (kind: reactive specs)", SpecLoader.ReactiveEnvironments),
        ("Reactive learners (kind: reactive specs)", SpecLoader.ReactiveLearners),
    ];

    private static void WriteText(TextWriter o)
    {
        o.WriteLine("Learners (K-armed bandits):");
        foreach (LearnerInfo l in Registry.Learners)
        {
            WriteEntry(o, l.Name, l.Description, l.Parameters);
        }

        o.WriteLine();
        o.WriteLine("Environments:");
        foreach (EnvironmentInfo e in Registry.Environments)
        {
            WriteEntry(o, e.Name, e.Description, e.Parameters);
        }

        foreach (var (title, catalog) in Catalogs)
        {
            o.WriteLine();
            o.WriteLine($"{title}:");
            foreach (var (name, description, parameters) in catalog)
            {
                WriteEntry(o, name, description, parameters);
            }
        }

        o.WriteLine();
        o.WriteLine("Meters:");
        foreach (string m in Meters.Names)
        {
            o.WriteLine($"  {m,-26} {Meters.Descriptions[m]}");
        }
    }

    private static void WriteEntry(TextWriter o, string name, string description, IReadOnlyList<ParameterInfo> parameters)
    {
        o.WriteLine($"  {name,-26} {description}");
        foreach (ParameterInfo p in parameters)
        {
            string def = p.Required ? "required" : $"default {Format(p.Default)}";
            string range = p.RangeText.Length > 0 ? $", {p.RangeText}" : string.Empty;
            o.WriteLine($"      {p.Name,-14} {p.Description} ({def}{range})");
        }
    }

    private static string Format(object? value) => value switch
    {
        double[] list => "[" + string.Join(", ", list.Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]",
        double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "none",
    };

    private static string ToJson()
    {
        static object Params(IReadOnlyList<ParameterInfo> ps) => ps.Select(p => new Dictionary<string, object?>
        {
            ["name"] = p.Name,
            ["type"] = JsonNamingPolicy.CamelCase.ConvertName(p.Type.ToString()),
            ["required"] = p.Required,
            ["default"] = p.Default,
            ["range"] = p.RangeText.Length > 0 ? p.RangeText : null,
            ["choices"] = p.Choices.Count > 0 ? p.Choices : null,
            ["description"] = p.Description,
        }).ToList();

        object Entries(IReadOnlyList<(string Name, string Description, ParameterInfo[] Parameters)> catalog, string family)
            => catalog.Select(x => new { name = x.Name, family, description = x.Description, parameters = Params(x.Parameters) }).ToList();

        var doc = new Dictionary<string, object>
        {
            ["learners"] = Registry.Learners.Select(l => new { name = l.Name, family = "k-armed", description = l.Description, parameters = Params(l.Parameters) }).ToList(),
            ["environments"] = Registry.Environments.Select(e => new { name = e.Name, family = "k-armed", description = e.Description, parameters = Params(e.Parameters) }).ToList(),
            ["ocoLearners"] = SpecLoader.OcoLearners.Select(l => new { name = l.Name, family = "oco", description = l.Description, parameters = Params(l.Parameters) }).ToList(),
            ["ocoStreams"] = SpecLoader.OcoStreams.Select(st => new { name = st.Name, family = "oco", description = st.Description, parameters = Params(st.Parameters) }).ToList(),
            ["games"] = Entries(SpecLoader.GameKinds, "game"),
            ["markovGames"] = Entries(SpecLoader.MarkovGameKinds, "markov"),
            ["preferenceGames"] = Entries(SpecLoader.PreferenceGameKinds, "preference"),
            ["preferenceLearners"] = Entries(SpecLoader.PreferenceLearners, "preference"),
            ["duelingEnvironments"] = Entries(SpecLoader.DuelingEnvironments, "dueling"),
            ["duelingLearners"] = Entries(SpecLoader.DuelingLearners, "dueling"),
            ["relaxSequences"] = Entries(SpecLoader.RelaxSequences, "relax"),
            ["relaxLearners"] = Entries(SpecLoader.RelaxLearners, "relax"),
            ["reactiveEnvironments"] = Entries(SpecLoader.ReactiveEnvironments, "reactive"),
            ["reactiveLearners"] = Entries(SpecLoader.ReactiveLearners, "reactive"),
            ["meters"] = Meters.Names.Select(m => new { name = m, description = Meters.Descriptions[m] }).ToList(),
        };
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
