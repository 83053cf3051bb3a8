using System.Globalization;

namespace Hindsight.Formats;

/// <summary>
/// Reads an Open Bandit Dataset campaign log (Saito, Aihara, Matsutani and Narita, "Open Bandit Dataset and Pipeline",
/// NeurIPS 2021 Datasets and Benchmarks): a CSV with an unnamed index column, <c>timestamp, item_id, position, click,
/// propensity_score, user_feature_0..3, user-item_affinity_0..K−1</c>. Columns are found by header name.
/// </summary>
public sealed class ObdReader
{
    private readonly string _path;
    private readonly MalformedRecordPolicy _policy;

    /// <summary>Creates a reader.</summary>
    /// <param name="path">The campaign CSV (.gz read transparently).</param>
    /// <param name="policy">Stop at the first malformed row (default) or skip and count.</param>
    public ObdReader(string path, MalformedRecordPolicy policy = MalformedRecordPolicy.Stop)
    {
        ArgumentNullException.ThrowIfNull(path);
        _path = path;
        _policy = policy;
    }

    /// <summary>Counts of what was read and skipped.</summary>
    public ReadReport Report { get; } = new();

    /// <summary>Streams the impressions.</summary>
    /// <returns>The impressions in file order.</returns>
    public IEnumerable<ObdImpression> Read()
    {
        Report.Reset();
        using TextReader reader = DataFile.OpenText(_path);
        string? header = reader.ReadLine() ?? throw new DataFormatException(_path, 1, string.Empty, "empty file: expected a header row");
        string[] names = header.Split(',');
        int Column(string name) => Array.IndexOf(names, name) is var i && i >= 0
            ? i
            : throw new DataFormatException(_path, 1, name, $"missing column '{name}'");
        int item = Column("item_id"), position = Column("position"), click = Column("click"), propensity = Column("propensity_score");
        int[] users = [.. Enumerable.Range(0, 4).Select(k => Column($"user_feature_{k}"))];
        int[] affinity = [.. names.Select((n, i) => (n, i)).Where(p => p.n.StartsWith("user-item_affinity_", StringComparison.Ordinal)).Select(p => p.i)];
        long line = 1;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            ObdImpression? impression = null;
            try
            {
                impression = Parse(text.Split(','), line, names, item, position, click, propensity, users, affinity);
            }
            catch (DataFormatException ex) when (_policy == MalformedRecordPolicy.Skip)
            {
                Report.Skip(ex);
            }

            if (impression is not null)
            {
                Report.Examples++;
                yield return impression;
            }
        }
    }

    private ObdImpression Parse(string[] cells, long line, string[] names, int item, int position, int click, int propensity, int[] users, int[] affinity)
    {
        if (cells.Length != names.Length)
        {
            throw new DataFormatException(_path, line, string.Empty, $"{cells.Length} cells; the header has {names.Length}");
        }

        int Int(int column)
            => int.TryParse(cells[column], NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v
               : throw new DataFormatException(_path, line, names[column], $"'{cells[column]}' is not a whole number");

        int itemId = Int(item);
        if (itemId < 0 || itemId >= Math.Max(1, affinity.Length))
        {
            throw new DataFormatException(_path, line, "item_id", $"unknown item {itemId}: items are 0..{affinity.Length - 1}");
        }

        int slot = Int(position);
        if (slot < 1)
        {
            throw new DataFormatException(_path, line, "position", $"position {slot} is not 1, 2, 3, …");
        }

        int clicked = Int(click);
        if (clicked is not (0 or 1))
        {
            throw new DataFormatException(_path, line, "click", $"click {clicked} is not 0 or 1");
        }

        if (!double.TryParse(cells[propensity], NumberStyles.Float, CultureInfo.InvariantCulture, out double p) || !(p > 0 && p <= 1))
        {
            throw new DataFormatException(_path, line, "propensity_score", $"'{cells[propensity]}' is not a probability in (0, 1]");
        }

        var affinities = new float[affinity.Length];
        for (int k = 0; k < affinity.Length; k++)
        {
            if (!float.TryParse(cells[affinity[k]], NumberStyles.Float, CultureInfo.InvariantCulture, out affinities[k]) || !float.IsFinite(affinities[k]))
            {
                throw new DataFormatException(_path, line, names[affinity[k]], $"'{cells[affinity[k]]}' is not a number");
            }
        }

        return new ObdImpression(line, itemId, slot - 1, clicked, p, [.. users.Select(u => cells[u])], affinities);
    }
}
