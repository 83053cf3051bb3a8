using System.Text;
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
        using Stream stream = DataFile.OpenBytes(_path);
        var lines = new LineReader<byte>(stream.Read, (byte)'\n', (byte)'\r');
        var namespaces = new NamespaceCache();
        while (true)
        {
            CbExample? example;
            bool ignored;
            try
            {
                if (!Next(lines, namespaces, out example, out ignored))
                {
                    yield break;
                }
            }
            catch (DataFormatException ex) when (_policy == MalformedRecordPolicy.Skip)
            {
                Report.Skip(ex);
                continue;
            }

            if (ignored)
            {
                Report.Ignored++;
                continue;
            }

            if (example is not null)
            {
                Report.Examples++;
                yield return example;
            }
        }
    }

    private bool Next(LineReader<byte> lines, NamespaceCache namespaces, out CbExample? example, out bool ignored)
    {
        example = null;
        ignored = false;
        if (!lines.TryRead(out ReadOnlySpan<byte> line))
        {
            return false;
        }

        if (lines.LineNumber == 1 && line.StartsWith("\uFEFF"u8))
        {
            line = line[3..]; // a UTF-8 byte-order mark
        }

        ReadOnlySpan<byte> trimmed = line.Trim(" \t"u8);
        if (trimmed.IsEmpty)
        {
            return true;
        }

        if (trimmed[0] != (byte)'{')
        {
            ignored = true; // a checkpoint or other non-JSON line
            return true;
        }

        try
        {
            example = Parse(trimmed, lines.LineNumber, namespaces);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            // FormatException: a number that does not fit a float (e.g. 1e400) where a feature value or label is read.
            throw new DataFormatException(_path, lines.LineNumber, string.Empty, $"malformed JSON: {ex.Message}");
        }

        ignored = example is null;
        return true;
    }

    private CbExample? Parse(ReadOnlySpan<byte> line, long lineNumber, NamespaceCache namespaces)
    {
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new DataFormatException(_path, lineNumber, string.Empty, "an event must be a JSON object");
        }

        double? cost = null, probability = null;
        int? labelIndex = null, labelAction = null;
        bool skip = false, hasContext = false;
        string? id = null;
        List<int>? ids = null;
        List<double>? probabilities = null;
        var shared = new FeatureSet();
        var actions = new List<FeatureSet>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("c"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new DataFormatException(_path, lineNumber, "c", "the context must be an object");
                }

                hasContext = true;
                ParseContext(ref reader, shared, actions, lineNumber, namespaces);
            }
            else if (reader.ValueTextEquals("_label_cost"u8))
            {
                cost = Number(ref reader, "_label_cost", lineNumber);
            }
            else if (reader.ValueTextEquals("_label_probability"u8))
            {
                probability = Number(ref reader, "_label_probability", lineNumber);
            }
            else if (reader.ValueTextEquals("_labelIndex"u8))
            {
                reader.Read();
                labelIndex = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int li) ? li
                    : throw new DataFormatException(_path, lineNumber, "_labelIndex", "must be a whole number");
            }
            else if (reader.ValueTextEquals("_label_Action"u8))
            {
                reader.Read();
                labelAction = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int la) ? la : null;
            }
            else if (reader.ValueTextEquals("_skipLearn"u8))
            {
                reader.Read();
                skip = reader.TokenType == JsonTokenType.True;
            }
            else if (reader.ValueTextEquals("EventId"u8) || reader.ValueTextEquals("event_id"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    id = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("a"u8))
            {
                reader.Read();
                ids = ReadArray(ref reader, lineNumber, "a", static (ref Utf8JsonReader r) => r.TryGetInt32(out int v) ? v : int.MinValue);
            }
            else if (reader.ValueTextEquals("p"u8))
            {
                reader.Read();
                probabilities = ReadArray(ref reader, lineNumber, "p", static (ref Utf8JsonReader r) => r.GetDouble());
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (skip || !hasContext)
        {
            return null; // a _skipLearn event, or a reward-only / outcome line
        }

        if (actions.Count == 0)
        {
            throw new DataFormatException(_path, lineNumber, "c._multi", "no actions: a DSJson decision needs c._multi");
        }

        CbLabel label = Label(cost, probability, labelIndex, labelAction, actions.Count, lineNumber);
        return new CbExample(shared, actions, label, lineNumber) { Id = id, Probabilities = Probabilities(ids, probabilities, actions.Count, lineNumber) };
    }

    private delegate T ElementReader<T>(ref Utf8JsonReader reader);

    private List<T>? ReadArray<T>(ref Utf8JsonReader reader, long lineNumber, string field, ElementReader<T> element)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number)
            {
                throw new DataFormatException(_path, lineNumber, $"{field}[{list.Count}]", $"must be a number, found {reader.TokenType.ToString().ToLowerInvariant()}");
            }

            list.Add(element(ref reader));
        }

        return list;
    }

    private double Number(ref Utf8JsonReader reader, string name, long lineNumber)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new DataFormatException(_path, lineNumber, name, $"must be a number, found {reader.TokenType.ToString().ToLowerInvariant()}");
        }

        double value = reader.GetDouble();
        return double.IsFinite(value) ? value : throw new DataFormatException(_path, lineNumber, name, "is not a finite number");
    }

    private float Finite(float value, scoped ReadOnlySpan<char> ns, ReadOnlySpan<byte> key, long lineNumber)
    {
        if (float.IsFinite(value))
        {
            return value;
        }

        string field = ns.Trim().IsEmpty ? Encoding.UTF8.GetString(key) : $"{ns.ToString()}.{Encoding.UTF8.GetString(key)}";
        throw new DataFormatException(_path, lineNumber, field, "feature value is not a finite float");
    }

    private CbLabel Label(double? cost, double? probability, int? labelIndex, int? labelAction, int actions, long lineNumber)
    {
        if (cost is null)
        {
            throw new DataFormatException(_path, lineNumber, "_label_cost", "missing label: no _label_cost");
        }

        if (probability is null)
        {
            throw new DataFormatException(_path, lineNumber, "_label_probability", "missing label: no _label_probability");
        }

        int index = labelIndex ?? (labelAction is { } oneBased ? oneBased - 1
            : throw new DataFormatException(_path, lineNumber, "_labelIndex", "missing label: no _labelIndex or _label_Action"));
        if (index < 0 || index >= actions)
        {
            throw new DataFormatException(_path, lineNumber, "_labelIndex", $"unknown action index {index}: the event has {actions} actions (0..{actions - 1})");
        }

        if (!(probability > 0 && probability <= 1) || !float.IsFinite(1f / (float)probability.Value))
        {
            throw new DataFormatException(_path, lineNumber, "_label_probability", $"probability {probability} is outside (0, 1] (or too small for a float weight 1/p)");
        }

        if (!float.IsFinite((float)cost.Value))
        {
            throw new DataFormatException(_path, lineNumber, "_label_cost", $"cost {cost} does not fit a float");
        }

        return new CbLabel(index, (float)cost.Value, (float)probability.Value);
    }

    private float[]? Probabilities(List<int>? ids, List<double>? probabilities, int actions, long lineNumber)
    {
        if (ids is null || probabilities is null)
        {
            return null;
        }

        if (ids.Count != probabilities.Count)
        {
            throw new DataFormatException(_path, lineNumber, "p", $"{probabilities.Count} probabilities for {ids.Count} actions in 'a'");
        }

        // Action ids are 1-based in Personalizer logs; some VW fixtures write them 0-based. A list containing 0 is 0-based.
        int offset = ids.Contains(0) ? 0 : 1;
        var result = new float[actions];
        for (int k = 0; k < ids.Count; k++)
        {
            int index = ids[k] - offset;
            if (index < 0 || index >= actions)
            {
                throw new DataFormatException(_path, lineNumber, $"a[{k}]", $"unknown action id {ids[k]}: ids are {offset}..{actions - 1 + offset}");
            }

            if (probabilities[k] is < 0 or > 1)
            {
                throw new DataFormatException(_path, lineNumber, $"p[{k}]", $"probability {probabilities[k]} is outside [0, 1]");
            }

            result[index] = (float)probabilities[k];
        }

        return result;
    }

    private void ParseContext(ref Utf8JsonReader reader, FeatureSet shared, List<FeatureSet> actions, long lineNumber, NamespaceCache namespaces)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("_multi"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw new DataFormatException(_path, lineNumber, "c._multi", "must be an array of action objects");
                }

                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw new DataFormatException(_path, lineNumber, $"c._multi[{actions.Count}]", "each action must be an object");
                    }

                    var set = new FeatureSet();
                    ParseObject(ref reader, set, [], lineNumber, namespaces);
                    actions.Add(set);
                }
            }
            else
            {
                ParseProperty(ref reader, shared, [], lineNumber, namespaces);
            }
        }
    }

    /// <summary>Reads the properties of an object (the reader is on its StartObject) into a namespace.</summary>
    private void ParseObject(ref Utf8JsonReader reader, FeatureSet set, scoped ReadOnlySpan<char> ns, long lineNumber, NamespaceCache namespaces)
    {
        FeatureGroup? group = null; // resolved once per object, on its first feature
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ParseProperty(ref reader, set, ns, ref group, lineNumber, namespaces);
        }
    }

    private void ParseProperty(ref Utf8JsonReader reader, FeatureSet set, scoped ReadOnlySpan<char> ns, long lineNumber, NamespaceCache namespaces)
    {
        FeatureGroup? group = null;
        ParseProperty(ref reader, set, ns, ref group, lineNumber, namespaces);
    }

    /// <summary>Reads one property (the reader is on its name) under a namespace.</summary>
    private void ParseProperty(ref Utf8JsonReader reader, FeatureSet set, scoped ReadOnlySpan<char> ns, ref FeatureGroup? group, long lineNumber, NamespaceCache namespaces)
    {
        ReadOnlySpan<byte> key = reader.ValueIsEscaped || reader.HasValueSequence ? Copy(ref reader) : reader.ValueSpan;
        if (!key.IsEmpty && key[0] == (byte)'_')
        {
            reader.Read();
            reader.Skip();
            return;
        }

        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                {
                    Span<char> keyChars = stackalloc char[key.Length];
                    ParseObject(ref reader, set, keyChars[..Encoding.UTF8.GetChars(key, keyChars)], lineNumber, namespaces);
                    break;
                }

            case JsonTokenType.StartArray:
                {
                    Span<char> keyChars = stackalloc char[key.Length];
                    keyChars = keyChars[..Encoding.UTF8.GetChars(key, keyChars)];
                    FeatureGroup? arrayGroup = null;
                    int i = 0;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        switch (reader.TokenType)
                        {
                            case JsonTokenType.StartObject:
                                ParseObject(ref reader, set, keyChars, lineNumber, namespaces);
                                break;
                            case JsonTokenType.Number:
                                arrayGroup ??= namespaces.Group(set, keyChars);
                                arrayGroup.AddHashed(unchecked((uint)i + arrayGroup.Hash), Finite(reader.GetSingle(), keyChars, key, lineNumber));
                                break;
                            case JsonTokenType.Null:
                                break;
                            default:
                                throw new DataFormatException(_path, lineNumber, $"{Encoding.UTF8.GetString(key)}[{i}]", $"an array holds objects or numbers, not {reader.TokenType.ToString().ToLowerInvariant()}");
                        }

                        i++;
                    }

                    break;
                }

            case JsonTokenType.Number:
                group ??= namespaces.Group(set, ns);
                group.AddHashed(VwHash.FeatureUtf8(key, group.Hash), Finite(reader.GetSingle(), ns, key, lineNumber));
                break;
            case JsonTokenType.String:
                Span<byte> nameBuffer = stackalloc byte[256];
                int length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
                if (key.Length + length > nameBuffer.Length)
                {
                    nameBuffer = new byte[key.Length + length];
                }

                key.CopyTo(nameBuffer);
                int written = reader.CopyString(nameBuffer[key.Length..]);
                group ??= namespaces.Group(set, ns);
                group.AddHashed(VwHash.FeatureUtf8(nameBuffer[..(key.Length + written)], group.Hash), 1f);
                break;
            case JsonTokenType.True:
                group ??= namespaces.Group(set, ns);
                group.AddHashed(VwHash.FeatureUtf8(key, group.Hash), 1f);
                break;
            default:
                break; // false and null are absent features
        }
    }

    private static byte[] Copy(ref Utf8JsonReader reader)
    {
        int length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        var buffer = new byte[length];
        return buffer[..reader.CopyString(buffer)];
    }
}
