using System.Text;
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
public sealed class DsJsonReader : CbLogReader
{
    private readonly List<int> _ids = [];
    private readonly List<float> _probabilities = [];
    private bool _labelOptional;

    /// <summary>Creates a reader.</summary>
    /// <param name="path">The file (.gz read transparently).</param>
    /// <param name="policy">Stop at the first malformed event (default) or skip and count.</param>
    public DsJsonReader(string path, MalformedRecordPolicy policy = MalformedRecordPolicy.Stop)
        : base(path, policy)
    {
    }

    /// <summary>
    /// Parses one DSJson decision held in memory — e.g. a decision service's rank request, <c>{"c": {…, "_multi": […]}}</c>
    /// — into an example that owns its features. The label fields are optional here: without <c>_label_cost</c> the
    /// example has no label.
    /// </summary>
    /// <param name="json">One DSJson object (UTF-8).</param>
    /// <param name="source">What to call the record in error messages (e.g. "request").</param>
    /// <returns>The example, or null for an event that carries no decision (<c>_skipLearn</c>, no <c>c</c>).</returns>
    /// <exception cref="DataFormatException">Malformed JSON or a malformed decision; the message names the field.</exception>
    public static CbExample? ParseEvent(ReadOnlySpan<byte> json, string source = "request")
    {
        var reader = new DsJsonReader(source) { _labelOptional = true };
        reader.ResetPass(cacheActions: false);
        try
        {
            return reader.Parse(json.Trim(" \t\r\n"u8), 1, new NamespaceCache());
        }
        catch (MalformedJsonException ex)
        {
            throw new DataFormatException(source, 1, string.Empty, $"malformed JSON: {ex.Message}");
        }
    }

    /// <inheritdoc />
    public override IEnumerable<CbExample> Read()
    {
        using Stream stream = DataFile.OpenBytes(FilePath);
        LineReader<byte> lines = BeginPass(stream, cacheActions: true);
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
            catch (DataFormatException ex) when (Policy == MalformedRecordPolicy.Skip)
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
        if (!ReadLine(lines, out ReadOnlySpan<byte> line))
        {
            return false;
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
        catch (MalformedJsonException ex)
        {
            throw new DataFormatException(FilePath, lines.LineNumber, string.Empty, $"malformed JSON: {ex.Message}");
        }

        ignored = example is null;
        return true;
    }

    private CbExample? Parse(ReadOnlySpan<byte> line, long lineNumber, NamespaceCache namespaces)
    {
        var json = new JsonScanner(line);
        float? cost = null, probability = null;
        int? labelIndex = null, labelAction = null;
        bool skip = false, hasContext = false;
        string? id = null;
        bool hasIds = false, hasProbabilities = false;
        Pool.Reset();
        FeatureSet shared = Pool.Rent();
        List<FeatureSet> actions = Pool.ActionList();
        json.BeginObject();
        bool first = true;
        while (json.NextMember(ref first, out ReadOnlySpan<byte> key))
        {
            if (key.SequenceEqual("c"u8))
            {
                if (json.PeekKind() != JsonScanner.Kind.Object)
                {
                    throw new DataFormatException(FilePath, lineNumber, "c", "the context must be an object");
                }

                hasContext = true;
                ParseContext(ref json, shared, actions, lineNumber, namespaces);
            }
            else if (key.SequenceEqual("_label_cost"u8))
            {
                cost = Number(ref json, "_label_cost", lineNumber);
            }
            else if (key.SequenceEqual("_label_probability"u8))
            {
                probability = Number(ref json, "_label_probability", lineNumber);
            }
            else if (key.SequenceEqual("_labelIndex"u8))
            {
                labelIndex = json.PeekKind() == JsonScanner.Kind.Number && json.TryReadInt32(out int li) ? li
                    : throw new DataFormatException(FilePath, lineNumber, "_labelIndex", "must be a whole number");
            }
            else if (key.SequenceEqual("_label_Action"u8))
            {
                if (json.PeekKind() == JsonScanner.Kind.Number)
                {
                    labelAction = json.TryReadInt32(out int la) ? la : null;
                }
                else
                {
                    json.Skip();
                }
            }
            else if (key.SequenceEqual("_skipLearn"u8))
            {
                JsonScanner.Kind kind = json.PeekKind();
                skip = kind == JsonScanner.Kind.True;
                json.Skip();
            }
            else if (key.SequenceEqual("EventId"u8) || key.SequenceEqual("event_id"u8))
            {
                if (json.PeekKind() == JsonScanner.Kind.String)
                {
                    id = Encoding.UTF8.GetString(json.ReadString());
                }
                else
                {
                    json.Skip();
                }
            }
            else if (key.SequenceEqual("a"u8))
            {
                hasIds = ReadActionIds(ref json, lineNumber);
            }
            else if (key.SequenceEqual("p"u8))
            {
                hasProbabilities = ReadProbabilities(ref json, lineNumber);
            }
            else
            {
                json.Skip();
            }
        }

        json.ExpectEnd();
        if (skip || !hasContext)
        {
            return null; // a _skipLearn event, or a reward-only / outcome line
        }

        if (actions.Count == 0)
        {
            throw new DataFormatException(FilePath, lineNumber, "c._multi", "no actions: a DSJson decision needs c._multi");
        }

        CbLabel? label = cost is null && _labelOptional ? null : Label(cost, probability, labelIndex, labelAction, actions.Count, lineNumber);
        float[]? logged = hasIds && hasProbabilities ? Probabilities(_ids, _probabilities, actions.Count, lineNumber) : null;
        return new CbExample(shared, actions, label, lineNumber) { Id = id, Probabilities = logged };
    }

    /// <summary>Reads <c>a</c> into the id buffer (an id that is not a whole number reads as int.MinValue, which no action has).</summary>
    private bool ReadActionIds(ref JsonScanner json, long lineNumber)
    {
        _ids.Clear();
        if (!BeginNumbers(ref json))
        {
            return false;
        }

        bool first = true;
        while (json.NextElement(ref first))
        {
            ExpectNumber(ref json, lineNumber, "a", _ids.Count);
            _ids.Add(json.TryReadInt32(out int id) ? id : int.MinValue);
        }

        return true;
    }

    /// <summary>Reads <c>p</c> into the probability buffer.</summary>
    private bool ReadProbabilities(ref JsonScanner json, long lineNumber)
    {
        _probabilities.Clear();
        if (!BeginNumbers(ref json))
        {
            return false;
        }

        bool first = true;
        while (json.NextElement(ref first))
        {
            ExpectNumber(ref json, lineNumber, "p", _probabilities.Count);
            _probabilities.Add(json.ReadSingle());
        }

        return true;
    }

    /// <summary>Enters an array, or skips a value of another kind and returns false.</summary>
    private static bool BeginNumbers(ref JsonScanner json)
    {
        if (json.PeekKind() != JsonScanner.Kind.Array)
        {
            json.Skip();
            return false;
        }

        json.BeginArray();
        return true;
    }

    private void ExpectNumber(ref JsonScanner json, long lineNumber, string field, int index)
    {
        JsonScanner.Kind kind = json.PeekKind();
        if (kind != JsonScanner.Kind.Number)
        {
            throw new DataFormatException(FilePath, lineNumber, $"{field}[{index}]", $"must be a number, found {JsonScanner.Name(kind)}");
        }
    }

    private float Number(ref JsonScanner json, string name, long lineNumber)
    {
        JsonScanner.Kind kind = json.PeekKind();
        if (kind != JsonScanner.Kind.Number)
        {
            throw new DataFormatException(FilePath, lineNumber, name, $"must be a number, found {JsonScanner.Name(kind)}");
        }

        float value = json.ReadSingle();
        return float.IsFinite(value) ? value : throw new DataFormatException(FilePath, lineNumber, name, "is not a finite float");
    }

    private float Finite(float value, scoped ReadOnlySpan<char> ns, scoped ReadOnlySpan<byte> key, long lineNumber)
    {
        if (float.IsFinite(value))
        {
            return value;
        }

        string field = ns.Trim().IsEmpty ? Encoding.UTF8.GetString(key) : $"{ns.ToString()}.{Encoding.UTF8.GetString(key)}";
        throw new DataFormatException(FilePath, lineNumber, field, "feature value is not a finite float");
    }

    private CbLabel Label(float? cost, float? probability, int? labelIndex, int? labelAction, int actions, long lineNumber)
    {
        if (cost is null)
        {
            throw new DataFormatException(FilePath, lineNumber, "_label_cost", "missing label: no _label_cost");
        }

        if (probability is null)
        {
            throw new DataFormatException(FilePath, lineNumber, "_label_probability", "missing label: no _label_probability");
        }

        int index = labelIndex ?? (labelAction is { } oneBased ? oneBased - 1
            : throw new DataFormatException(FilePath, lineNumber, "_labelIndex", "missing label: no _labelIndex or _label_Action"));
        if (index < 0 || index >= actions)
        {
            throw new DataFormatException(FilePath, lineNumber, "_labelIndex", $"unknown action index {index}: the event has {actions} actions (0..{actions - 1})");
        }

        if (!(probability > 0 && probability <= 1) || !float.IsFinite(1f / probability.Value))
        {
            throw new DataFormatException(FilePath, lineNumber, "_label_probability", $"probability {probability} is outside (0, 1] (or too small for a float weight 1/p)");
        }

        return new CbLabel(index, cost.Value, probability.Value);
    }

    private float[] Probabilities(List<int> ids, List<float> probabilities, int actions, long lineNumber)
    {
        if (ids.Count != probabilities.Count)
        {
            throw new DataFormatException(FilePath, lineNumber, "p", $"{probabilities.Count} probabilities for {ids.Count} actions in 'a'");
        }

        // Action ids are 1-based in Personalizer logs; some VW fixtures write them 0-based. A list containing 0 is 0-based.
        int offset = 1;
        foreach (int id in ids)
        {
            offset = id == 0 ? 0 : offset;
        }

        var result = new float[actions];
        for (int k = 0; k < ids.Count; k++)
        {
            int index = ids[k] - offset;
            if (index < 0 || index >= actions)
            {
                throw new DataFormatException(FilePath, lineNumber, $"a[{k}]", $"unknown action id {ids[k]}: ids are {offset}..{actions - 1 + offset}");
            }

            if (probabilities[k] is < 0 or > 1)
            {
                throw new DataFormatException(FilePath, lineNumber, $"p[{k}]", $"probability {probabilities[k]} is outside [0, 1]");
            }

            result[index] = probabilities[k];
        }

        return result;
    }

    private void ParseContext(ref JsonScanner json, FeatureSet shared, List<FeatureSet> actions, long lineNumber, NamespaceCache namespaces)
    {
        json.BeginObject();
        bool first = true;
        FeatureGroup? group = null;
        while (json.NextMember(ref first, out ReadOnlySpan<byte> key))
        {
            if (key.SequenceEqual("_multi"u8))
            {
                if (json.PeekKind() != JsonScanner.Kind.Array)
                {
                    throw new DataFormatException(FilePath, lineNumber, "c._multi", "must be an array of action objects");
                }

                json.BeginArray();
                bool firstAction = true;
                while (json.NextElement(ref firstAction))
                {
                    if (json.PeekKind() != JsonScanner.Kind.Object)
                    {
                        throw new DataFormatException(FilePath, lineNumber, $"c._multi[{actions.Count}]", "each action must be an object");
                    }

                    actions.Add(ParseAction(ref json, actions.Count, lineNumber, namespaces));
                }
            }
            else
            {
                ParseProperty(ref json, key, shared, [], ref group, lineNumber, namespaces);
            }
        }
    }

    /// <summary>
    /// Reads one action object. When examples are recycled, an action whose bytes equal the previous event's action at
    /// the same position is not parsed again: its cached feature set is returned.
    /// </summary>
    private FeatureSet ParseAction(ref JsonScanner json, int position, long lineNumber, NamespaceCache namespaces)
    {
        if (Cache is null)
        {
            FeatureSet fresh = Pool.Rent();
            ParseObject(ref json, fresh, [], lineNumber, namespaces);
            return fresh;
        }

        int start = json.Position; // on the object's '{'
        if (Cache.TryGetPrefix(position, json.Rest, out FeatureSet cached, out int length))
        {
            json.Seek(start + length);
            return cached;
        }

        FeatureSet set = Cache.Begin(position);
        ParseObject(ref json, set, [], lineNumber, namespaces);
        Cache.Commit(position, json.Slice(start, json.Position));
        return set;
    }

    /// <summary>Reads the properties of an object (the scanner is on its '{') into a namespace.</summary>
    private void ParseObject(ref JsonScanner json, FeatureSet set, scoped ReadOnlySpan<char> ns, long lineNumber, NamespaceCache namespaces)
    {
        FeatureGroup? group = null; // resolved once per object, on its first feature
        json.BeginObject();
        bool first = true;
        while (json.NextMember(ref first, out ReadOnlySpan<byte> key))
        {
            ParseProperty(ref json, key, set, ns, ref group, lineNumber, namespaces);
        }
    }

    /// <summary>Reads one property's value (the scanner is past its ':') under a namespace.</summary>
    private void ParseProperty(ref JsonScanner json, scoped ReadOnlySpan<byte> key, FeatureSet set, scoped ReadOnlySpan<char> ns, ref FeatureGroup? group, long lineNumber, NamespaceCache namespaces)
    {
        if (!key.IsEmpty && key[0] == (byte)'_')
        {
            json.Skip();
            return;
        }

        JsonScanner.Kind kind = json.PeekKind();
        switch (kind)
        {
            case JsonScanner.Kind.Object:
                {
                    Span<char> keyChars = key.Length <= 128 ? stackalloc char[key.Length] : new char[key.Length];
                    ParseObject(ref json, set, keyChars[..Encoding.UTF8.GetChars(key, keyChars)], lineNumber, namespaces);
                    break;
                }

            case JsonScanner.Kind.Array:
                {
                    Span<char> keyChars = key.Length <= 128 ? stackalloc char[key.Length] : new char[key.Length];
                    keyChars = keyChars[..Encoding.UTF8.GetChars(key, keyChars)];
                    FeatureGroup? arrayGroup = null;
                    int i = 0;
                    json.BeginArray();
                    bool first = true;
                    while (json.NextElement(ref first))
                    {
                        JsonScanner.Kind element = json.PeekKind();
                        switch (element)
                        {
                            case JsonScanner.Kind.Object:
                                ParseObject(ref json, set, keyChars, lineNumber, namespaces);
                                break;
                            case JsonScanner.Kind.Number:
                                arrayGroup ??= namespaces.Group(set, keyChars);
                                arrayGroup.AddHashed(unchecked((uint)i + arrayGroup.Hash), Finite(json.ReadSingle(), keyChars, key, lineNumber));
                                break;
                            case JsonScanner.Kind.Null:
                                json.ReadLiteral();
                                break;
                            default:
                                throw new DataFormatException(FilePath, lineNumber, $"{Encoding.UTF8.GetString(key)}[{i}]", $"an array holds objects or numbers, not {JsonScanner.Name(element)}");
                        }

                        i++;
                    }

                    break;
                }

            case JsonScanner.Kind.Number:
                group ??= namespaces.Group(set, ns);
                group.AddHashed(VwHash.FeatureUtf8(key, group.Hash), Finite(json.ReadSingle(), ns, key, lineNumber));
                break;
            case JsonScanner.Kind.String:
                {
                    ReadOnlySpan<byte> value = json.ReadString();
                    Span<byte> name = key.Length + value.Length <= 256 ? stackalloc byte[key.Length + value.Length] : new byte[key.Length + value.Length];
                    key.CopyTo(name);
                    value.CopyTo(name[key.Length..]);
                    group ??= namespaces.Group(set, ns);
                    group.AddHashed(VwHash.FeatureUtf8(name, group.Hash), 1f);
                    break;
                }

            case JsonScanner.Kind.True:
                json.ReadLiteral();
                group ??= namespaces.Group(set, ns);
                group.AddHashed(VwHash.FeatureUtf8(key, group.Hash), 1f);
                break;
            default:
                json.ReadLiteral(); // false and null are absent features
                break;
        }
    }
}
