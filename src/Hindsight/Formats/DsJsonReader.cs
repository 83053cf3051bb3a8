using System.Text.Json;
using Hindsight.Contextual;
using Hindsight.Contextual.Features;

namespace Hindsight.Formats;

/// <summary>
/// Reads Decision Service JSON (DSJson: Azure Personalizer and VW <c>--dsjson</c> logs), one event per line, streaming.
/// </summary>
/// <remarks>
/// <para>An event: <c>_labelIndex</c> (0-based logged action), <c>_label_cost</c>, <c>_label_probability</c>,
/// <c>_label_Action</c> (1-based), <c>EventId</c>, <c>a</c> (action ids, the chosen first: 1-based, or 0-based when the list
/// holds 0), <c>p</c> (their
/// probabilities, aligned with <c>a</c>), and <c>c</c>: the context, whose <c>_multi</c> array holds each action's
/// features and whose other keys are the shared features.</para>
/// <para>Features follow VW's JSON rules: a nested object is a namespace named by its key (an array of objects: each
/// object in that namespace); a number is a feature with that value (0 dropped); a string value s under key k is
/// the feature "k" + "s" with value 1; <c>true</c> is a feature with value 1; <c>false</c>, <c>null</c> and keys starting
/// with '_' are skipped; an array of numbers gives features 0, 1, … in the key's namespace.</para>
/// <para>Lines that are not JSON objects (checkpoint lines), objects without <c>c</c> (reward-only lines), and events
/// with <c>_skipLearn: true</c> are ignored and counted in <see cref="ReadReport.Ignored"/>, as VW does.</para>
/// </remarks>
public sealed class DsJsonReader
{
    private readonly string _path;
    private readonly MalformedRecordPolicy _policy;

    /// <summary>Creates a reader.</summary>
    /// <param name="path">The file (.gz read transparently).</param>
    /// <param name="policy">Stop at the first malformed event (default) or skip and count.</param>
    public DsJsonReader(string path, MalformedRecordPolicy policy = MalformedRecordPolicy.Stop)
    {
        ArgumentNullException.ThrowIfNull(path);
        _path = path;
        _policy = policy;
    }

    /// <summary>Counts of what was read, skipped and ignored (complete once enumeration ends).</summary>
    public ReadReport Report { get; } = new();

    /// <summary>Streams the events in constant memory.</summary>
    /// <returns>The examples in file order.</returns>
    /// <exception cref="DataFormatException">A malformed event, with <see cref="MalformedRecordPolicy.Stop"/>.</exception>
    public IEnumerable<CbExample> Read()
    {
        using TextReader reader = DataFile.OpenText(_path);
        long lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            ReadOnlySpan<char> trimmed = line.AsSpan().Trim();
            if (trimmed.IsEmpty)
            {
                continue;
            }

            if (trimmed[0] != '{')
            {
                Report.Ignored++;
                continue;
            }

            CbExample? example = null;
            try
            {
                example = Parse(line, lineNumber);
            }
            catch (DataFormatException ex) when (_policy == MalformedRecordPolicy.Skip)
            {
                Report.Skip(ex);
                continue;
            }

            if (example is null)
            {
                Report.Ignored++;
                continue;
            }

            Report.Examples++;
            yield return example;
        }
    }

    private CbExample? Parse(string line, long lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new DataFormatException(_path, lineNumber, string.Empty, $"malformed JSON: {ex.Message}");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DataFormatException(_path, lineNumber, string.Empty, "an event must be a JSON object");
            }

            if (root.TryGetProperty("_skipLearn", out JsonElement skip) && skip.ValueKind == JsonValueKind.True)
            {
                return null;
            }

            if (!root.TryGetProperty("c", out JsonElement context))
            {
                return null; // a reward-only or outcome line, not a decision
            }

            if (context.ValueKind != JsonValueKind.Object)
            {
                throw new DataFormatException(_path, lineNumber, "c", "the context must be an object");
            }

            var shared = new FeatureSet();
            var actions = new List<FeatureSet>();
            foreach (JsonProperty p in context.EnumerateObject())
            {
                if (p.Name == "_multi")
                {
                    if (p.Value.ValueKind != JsonValueKind.Array)
                    {
                        throw new DataFormatException(_path, lineNumber, "c._multi", "must be an array of action objects");
                    }

                    foreach (JsonElement action in p.Value.EnumerateArray())
                    {
                        if (action.ValueKind != JsonValueKind.Object)
                        {
                            throw new DataFormatException(_path, lineNumber, $"c._multi[{actions.Count}]", "each action must be an object");
                        }

                        var set = new FeatureSet();
                        AddObject(action, set, string.Empty, lineNumber, $"c._multi[{actions.Count}]");
                        actions.Add(set);
                    }
                }
                else
                {
                    AddProperty(p, shared, string.Empty, lineNumber, "c");
                }
            }

            if (actions.Count == 0)
            {
                throw new DataFormatException(_path, lineNumber, "c._multi", "no actions: a DSJson decision needs c._multi");
            }

            CbLabel label = ReadLabel(root, actions.Count, lineNumber);
            string? id = root.TryGetProperty("EventId", out JsonElement e) && e.ValueKind == JsonValueKind.String ? e.GetString()
                : root.TryGetProperty("event_id", out JsonElement e2) && e2.ValueKind == JsonValueKind.String ? e2.GetString() : null;
            return new CbExample(shared, actions, label, lineNumber) { Id = id, Probabilities = ReadProbabilities(root, actions.Count, lineNumber) };
        }
    }

    private CbLabel ReadLabel(JsonElement root, int actions, long lineNumber)
    {
        double cost = Number(root, "_label_cost", lineNumber);
        double probability = Number(root, "_label_probability", lineNumber);
        int index;
        if (root.TryGetProperty("_labelIndex", out JsonElement li))
        {
            if (li.ValueKind != JsonValueKind.Number || !li.TryGetInt32(out index))
            {
                throw new DataFormatException(_path, lineNumber, "_labelIndex", "must be a whole number");
            }
        }
        else if (root.TryGetProperty("_label_Action", out JsonElement la) && la.ValueKind == JsonValueKind.Number && la.TryGetInt32(out int oneBased))
        {
            index = oneBased - 1;
        }
        else
        {
            throw new DataFormatException(_path, lineNumber, "_labelIndex", "missing label: no _labelIndex or _label_Action");
        }

        if (index < 0 || index >= actions)
        {
            throw new DataFormatException(_path, lineNumber, "_labelIndex", $"unknown action index {index}: the event has {actions} actions (0..{actions - 1})");
        }

        if (!(probability > 0 && probability <= 1))
        {
            throw new DataFormatException(_path, lineNumber, "_label_probability", $"probability {probability} is outside (0, 1]");
        }

        return new CbLabel(index, (float)cost, (float)probability);
    }

    private double Number(JsonElement root, string name, long lineNumber)
    {
        if (!root.TryGetProperty(name, out JsonElement v))
        {
            throw new DataFormatException(_path, lineNumber, name, $"missing label: no {name}");
        }

        if (v.ValueKind != JsonValueKind.Number)
        {
            throw new DataFormatException(_path, lineNumber, name, $"must be a number, found {v.ValueKind.ToString().ToLowerInvariant()}");
        }

        return v.GetDouble();
    }

    private float[]? ReadProbabilities(JsonElement root, int actions, long lineNumber)
    {
        if (!root.TryGetProperty("a", out JsonElement a) || !root.TryGetProperty("p", out JsonElement p)
            || a.ValueKind != JsonValueKind.Array || p.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        if (a.GetArrayLength() != p.GetArrayLength())
        {
            throw new DataFormatException(_path, lineNumber, "p", $"{p.GetArrayLength()} probabilities for {a.GetArrayLength()} actions in 'a'");
        }

        // Action ids are 1-based in Personalizer logs; some VW fixtures write them 0-based. A list containing 0 is 0-based.
        int offset = a.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.Number && x.TryGetInt32(out int v) && v == 0) ? 0 : 1;
        var probabilities = new float[actions];
        int k = 0;
        foreach (var (id, prob) in a.EnumerateArray().Zip(p.EnumerateArray()))
        {
            if (id.ValueKind != JsonValueKind.Number || !id.TryGetInt32(out int raw) || raw - offset < 0 || raw - offset >= actions)
            {
                throw new DataFormatException(_path, lineNumber, $"a[{k}]", $"unknown action id {id}: ids are {offset}..{actions - 1 + offset}");
            }

            int oneBased = raw - offset + 1;

            if (prob.ValueKind != JsonValueKind.Number || prob.GetDouble() is < 0 or > 1)
            {
                throw new DataFormatException(_path, lineNumber, $"p[{k}]", $"probability {prob} is outside [0, 1]");
            }

            probabilities[oneBased - 1] = (float)prob.GetDouble();
            k++;
        }

        return probabilities;
    }

    private void AddObject(JsonElement obj, FeatureSet set, string ns, long lineNumber, string path)
    {
        foreach (JsonProperty p in obj.EnumerateObject())
        {
            AddProperty(p, set, ns, lineNumber, path);
        }
    }

    private void AddProperty(JsonProperty p, FeatureSet set, string ns, long lineNumber, string path)
    {
        if (p.Name.StartsWith('_'))
        {
            return;
        }

        string field = $"{path}.{p.Name}";
        switch (p.Value.ValueKind)
        {
            case JsonValueKind.Object:
                AddObject(p.Value, set, p.Name, lineNumber, field);
                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (JsonElement item in p.Value.EnumerateArray())
                {
                    switch (item.ValueKind)
                    {
                        case JsonValueKind.Object:
                            AddObject(item, set, p.Name, lineNumber, $"{field}[{i}]");
                            break;
                        case JsonValueKind.Number:
                            set.Namespace(p.Name).Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), (float)item.GetDouble());
                            break;
                        case JsonValueKind.Null:
                            break;
                        default:
                            throw new DataFormatException(_path, lineNumber, $"{field}[{i}]", $"an array holds objects or numbers, not {item.ValueKind.ToString().ToLowerInvariant()}");
                    }

                    i++;
                }

                break;
            case JsonValueKind.Number:
                set.Namespace(ns).Add(p.Name, (float)p.Value.GetDouble());
                break;
            case JsonValueKind.String:
                set.Namespace(ns).Add(p.Name + p.Value.GetString(), 1f);
                break;
            case JsonValueKind.True:
                set.Namespace(ns).Add(p.Name, 1f);
                break;
            default:
                break; // false and null are absent features
        }
    }
}
