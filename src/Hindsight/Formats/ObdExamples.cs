using System.Globalization;
using Hindsight.Contextual;
using Hindsight.Contextual.Features;

namespace Hindsight.Formats;

/// <summary>
/// Turns Open Bandit Dataset impressions into ADF examples for contextual learners: the shared context holds the
/// user's four categorical features (namespace <c>u</c>, one feature "column=value" each), the slot (namespace <c>p</c>)
/// and the user–item affinities (namespace <c>f</c>); each action is an item with its <c>item_context.csv</c> features
/// (namespace <c>i</c>: the numeric feature_0 and the categorical feature_1..3). The label is the shown item, cost
/// −click, and the logged propensity.
/// </summary>
public static class ObdExamples
{
    /// <summary>Streams examples from a campaign CSV and its item_context.csv (found beside it unless given).</summary>
    /// <param name="path">The campaign CSV.</param>
    /// <param name="policy">Stop or skip malformed rows.</param>
    /// <param name="itemContextPath">The item context CSV (default: item_context.csv in the same folder).</param>
    /// <param name="report">Receives the reader's counts.</param>
    /// <returns>The examples.</returns>
    public static IEnumerable<CbExample> Read(string path, MalformedRecordPolicy policy, string? itemContextPath, out ReadReport report)
    {
        ArgumentNullException.ThrowIfNull(path);
        string items = itemContextPath ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", "item_context.csv");
        FeatureSet[] actions = ReadItems(items);
        var reader = new ObdReader(path, policy);
        report = reader.Report;
        return Convert(reader.Read(), actions, items);
    }

    private static IEnumerable<CbExample> Convert(IEnumerable<ObdImpression> impressions, FeatureSet[] actions, string items)
    {
        foreach (ObdImpression e in impressions)
        {
            if (e.Item >= actions.Length)
            {
                throw new DataFormatException(items, 0, "item_id", $"the log shows item {e.Item} but {items} describes {actions.Length} items");
            }

            var shared = new FeatureSet();
            FeatureGroup user = shared.Namespace("u");
            for (int k = 0; k < e.UserFeatures.Count; k++)
            {
                user.Add($"{k}={e.UserFeatures[k]}", 1f);
            }

            shared.Namespace("p").Add(e.Position.ToString(CultureInfo.InvariantCulture), 1f);
            FeatureGroup affinity = shared.Namespace("f");
            for (int k = 0; k < e.Affinity.Count; k++)
            {
                affinity.Add(k.ToString(CultureInfo.InvariantCulture), e.Affinity[k]);
            }

            yield return new CbExample(shared, actions, new CbLabel(e.Item, -e.Click, (float)e.Propensity), e.Line);
        }
    }

    private static FeatureSet[] ReadItems(string path)
    {
        using TextReader reader = DataFile.OpenText(path);
        string header = reader.ReadLine() ?? throw new DataFormatException(path, 1, string.Empty, "empty file: expected a header row");
        string[] names = header.Split(',');
        int id = Array.IndexOf(names, "item_id");
        if (id < 0)
        {
            throw new DataFormatException(path, 1, "item_id", "missing column 'item_id'");
        }

        var sets = new SortedDictionary<int, FeatureSet>();
        string? line;
        long lineNumber = 1;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            string[] cells = line.Split(',');
            if (cells.Length != names.Length || !int.TryParse(cells[id], NumberStyles.Integer, CultureInfo.InvariantCulture, out int item) || item < 0)
            {
                throw new DataFormatException(path, lineNumber, "item_id", $"malformed row: '{line}'");
            }

            var set = new FeatureSet();
            FeatureGroup group = set.Namespace("i");
            for (int c = 0; c < names.Length; c++)
            {
                if (c == id || names[c].Length == 0)
                {
                    continue;
                }

                if (double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && float.IsFinite((float)v))
                {
                    group.Add(names[c], (float)v);
                }
                else
                {
                    group.Add($"{names[c]}={cells[c]}", 1f);
                }
            }

            if (!sets.TryAdd(item, set))
            {
                throw new DataFormatException(path, lineNumber, "item_id", $"item {item} is described twice");
            }
        }

        if (sets.Count == 0 || sets.Keys.Last() != sets.Count - 1)
        {
            throw new DataFormatException(path, 0, "item_id", "items must be numbered 0..K−1 without gaps");
        }

        return [.. sets.Values];
    }
}
