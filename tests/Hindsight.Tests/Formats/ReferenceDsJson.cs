using System.Text;
using System.Text.Json;
using Hindsight.Contextual;
using Hindsight.Contextual.Features;
using Hindsight.Formats;

namespace Hindsight.Tests.Formats;

/// <summary>
/// A deliberately plain DSJson reader on System.Text.Json's <see cref="JsonDocument"/>, following the rules documented
/// on <see cref="DsJsonReader"/>: the reference that the fast hand-written reader is compared with.
/// </summary>
internal static class ReferenceDsJson
{
    /// <summary>Parses one event; null for events without a context or with _skipLearn; DataFormatException for DSJson errors.</summary>
    public static CbExample? Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        JsonElement root = doc.RootElement;
        if (Last(root, "_skipLearn") is { ValueKind: JsonValueKind.True } || Last(root, "c") is not { } c)
        {
            return null;
        }

        if (c.ValueKind != JsonValueKind.Object)
        {
            throw new DataFormatException("ref", 1, "c", "not an object");
        }

        var shared = new FeatureSet();
        var actions = new List<FeatureSet>();
        foreach (JsonProperty p in c.EnumerateObject())
        {
            if (p.Name == "_multi")
            {
                if (p.Value.ValueKind != JsonValueKind.Array)
                {
                    throw new DataFormatException("ref", 1, "c._multi", "not an array");
                }

                foreach (JsonElement action in p.Value.EnumerateArray())
                {
                    if (action.ValueKind != JsonValueKind.Object)
                    {
                        throw new DataFormatException("ref", 1, "c._multi", "not an object");
                    }

                    var set = new FeatureSet();
                    foreach (JsonProperty q in action.EnumerateObject())
                    {
                        Property(set, string.Empty, q);
                    }

                    actions.Add(set);
                }
            }
            else
            {
                Property(shared, string.Empty, p);
            }
        }

        double cost = Last(root, "_label_cost") is { ValueKind: JsonValueKind.Number } lc ? lc.GetDouble() : throw new DataFormatException("ref", 1, "_label_cost", "missing");
        double probability = Last(root, "_label_probability") is { ValueKind: JsonValueKind.Number } lp ? lp.GetDouble() : throw new DataFormatException("ref", 1, "_label_probability", "missing");
        int index = Last(root, "_labelIndex") is { ValueKind: JsonValueKind.Number } li && li.TryGetInt32(out int i) ? i : throw new DataFormatException("ref", 1, "_labelIndex", "missing");
        if (actions.Count == 0 || index < 0 || index >= actions.Count || !(probability > 0 && probability <= 1) || !float.IsFinite((float)cost))
        {
            throw new DataFormatException("ref", 1, "_labelIndex", "bad label");
        }

        return new CbExample(shared, actions, new CbLabel(index, (float)cost, (float)probability), 1);
    }

    private static JsonElement? Last(JsonElement obj, string name)
    {
        JsonElement? found = null;
        foreach (JsonProperty p in obj.EnumerateObject())
        {
            if (p.Name == name)
            {
                found = p.Value;
            }
        }

        return found;
    }

    private static void Property(FeatureSet set, string ns, JsonProperty p)
    {
        if (p.Name.StartsWith('_'))
        {
            return;
        }

        byte[] key = Encoding.UTF8.GetBytes(p.Name);
        switch (p.Value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty q in p.Value.EnumerateObject())
                {
                    Property(set, p.Name, q);
                }

                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (JsonElement e in p.Value.EnumerateArray())
                {
                    if (e.ValueKind == JsonValueKind.Object)
                    {
                        foreach (JsonProperty q in e.EnumerateObject())
                        {
                            Property(set, p.Name, q);
                        }
                    }
                    else if (e.ValueKind == JsonValueKind.Number)
                    {
                        FeatureGroup g = set.Namespace(p.Name);
                        g.AddHashed(unchecked((uint)i + g.Hash), Finite(e.GetSingle()));
                    }
                    else if (e.ValueKind != JsonValueKind.Null)
                    {
                        throw new DataFormatException("ref", 1, p.Name, "bad array element");
                    }

                    i++;
                }

                break;
            case JsonValueKind.Number:
                {
                    FeatureGroup g = set.Namespace(ns);
                    g.AddHashed(VwHash.FeatureUtf8(key, g.Hash), Finite(p.Value.GetSingle()));
                    break;
                }

            case JsonValueKind.String:
                {
                    FeatureGroup g = set.Namespace(ns);
                    g.AddHashed(VwHash.FeatureUtf8([.. key, .. Encoding.UTF8.GetBytes(p.Value.GetString()!)], g.Hash), 1f);
                    break;
                }

            case JsonValueKind.True:
                {
                    FeatureGroup g = set.Namespace(ns);
                    g.AddHashed(VwHash.FeatureUtf8(key, g.Hash), 1f);
                    break;
                }
        }
    }

    private static float Finite(float value) => float.IsFinite(value) ? value : throw new DataFormatException("ref", 1, "feature", "not finite");
}
