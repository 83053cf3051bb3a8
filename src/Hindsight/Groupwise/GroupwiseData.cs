using System.Globalization;
using Hindsight.Formats;

namespace Hindsight.Groupwise;

/// <summary>
/// A regression stream with group memberships, read from a CSV: targets scaled to [0, 1], features (numeric columns
/// standardized, categorical ones one-hot, '?' its own category), and for every row the groups it belongs to — one per
/// group column (its value, or for a numeric column its band between cut points). Groups of different columns intersect.
/// </summary>
/// <param name="Features">One feature vector per row.</param>
/// <param name="Targets">One target in [0, 1] per row.</param>
/// <param name="Memberships">For each row, the indices of its groups.</param>
/// <param name="GroupNames">The groups' names ("sex=Female", "age=[30,45)").</param>
public sealed record GroupwiseData(double[][] Features, double[] Targets, int[][] Memberships, IReadOnlyList<string> GroupNames)
{
    /// <summary>Reads a CSV.</summary>
    /// <param name="path">The file.</param>
    /// <param name="header">Whether the first line names the columns (else columns are named by their 0-based index).</param>
    /// <param name="target">The target column's name (or index).</param>
    /// <param name="positiveClass">For a categorical target, the value that maps to 1 (others to 0); null for a numeric target.</param>
    /// <param name="groups">Group columns, each with cut points for numeric columns (empty for categorical ones).</param>
    /// <returns>The data.</returns>
    /// <exception cref="DataFormatException">Empty cells, ragged rows, an unknown column, a non-numeric target.</exception>
    public static GroupwiseData ReadCsv(string path, bool header, string target, string? positiveClass, IReadOnlyList<(string Column, double[] Cuts)> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var rows = new List<string[]>();
        string[]? names = null;
        using (TextReader reader = DataFile.OpenText(path))
        {
            string? line;
            long lineNumber = 0;
            while ((line = reader.ReadLine()) is not null)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                string[] cells = [.. line.Split(',').Select(c => c.Trim().TrimEnd('.'))];
                if (header && names is null)
                {
                    names = cells;
                    continue;
                }

                int width = names?.Length ?? (rows.Count > 0 ? rows[0].Length : cells.Length);
                if (cells.Length != width)
                {
                    throw new DataFormatException(path, lineNumber, string.Empty, $"{cells.Length} cells; expected {width}");
                }

                int empty = Array.FindIndex(cells, c => c.Length == 0);
                if (empty >= 0)
                {
                    throw new DataFormatException(path, lineNumber, names?[empty] ?? empty.ToString(CultureInfo.InvariantCulture), "missing value (empty cell)");
                }

                rows.Add(cells);
            }
        }

        if (rows.Count == 0)
        {
            throw new DataFormatException(path, 0, string.Empty, "no rows");
        }

        names ??= [.. Enumerable.Range(0, rows[0].Length).Select(i => i.ToString(CultureInfo.InvariantCulture))];
        int Column(string name) => Array.IndexOf(names, name) is var i && i >= 0 ? i
            : throw new DataFormatException(path, 1, name, $"unknown column '{name}' (columns: {string.Join(", ", names)})");
        int targetColumn = Column(target);
        bool Numeric(int c) => rows.All(r => r[c] != "?" && double.TryParse(r[c], NumberStyles.Float, CultureInfo.InvariantCulture, out _));

        // Target.
        double[] y = new double[rows.Count];
        if (positiveClass is null)
        {
            if (!Numeric(targetColumn))
            {
                throw new DataFormatException(path, 0, target, "the target column is not numeric (give a positive class for a categorical target)");
            }

            double[] raw = [.. rows.Select(r => double.Parse(r[targetColumn], CultureInfo.InvariantCulture))];
            double min = raw.Min(), max = raw.Max();
            for (int i = 0; i < raw.Length; i++)
            {
                y[i] = max > min ? (raw[i] - min) / (max - min) : 0;
            }
        }
        else
        {
            for (int i = 0; i < rows.Count; i++)
            {
                y[i] = rows[i][targetColumn] == positiveClass ? 1 : 0;
            }
        }

        // Features.
        var encoders = new List<Func<string[], IEnumerable<double>>>();
        for (int c = 0; c < names.Length; c++)
        {
            if (c == targetColumn)
            {
                continue;
            }

            int column = c;
            if (Numeric(c))
            {
                double[] values = [.. rows.Select(r => double.Parse(r[column], CultureInfo.InvariantCulture))];
                double mean = values.Average();
                double sd = Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average());
                encoders.Add(r => [sd > 0 ? (double.Parse(r[column], CultureInfo.InvariantCulture) - mean) / sd : 0]);
            }
            else
            {
                string[] levels = [.. rows.Select(r => r[column]).Distinct().Order(StringComparer.Ordinal)];
                encoders.Add(r => levels.Select(l => l == r[column] ? 1.0 : 0.0));
            }
        }

        double[][] x = [.. rows.Select(r => encoders.SelectMany(e => e(r)).ToArray())];

        // Groups.
        var groupNames = new List<string>();
        var perColumn = new List<Func<string[], int>>();
        foreach (var (columnName, cuts) in groups)
        {
            int c = Column(columnName);
            int offset = groupNames.Count;
            if (cuts.Length > 0)
            {
                if (!Numeric(c))
                {
                    throw new DataFormatException(path, 0, columnName, "cut points need a numeric column");
                }

                double[] sorted = [.. cuts.Order()];
                for (int b = 0; b <= sorted.Length; b++)
                {
                    string lo = b == 0 ? "-inf" : sorted[b - 1].ToString(CultureInfo.InvariantCulture);
                    string hi = b == sorted.Length ? "inf" : sorted[b].ToString(CultureInfo.InvariantCulture);
                    groupNames.Add($"{columnName}=[{lo},{hi})");
                }

                perColumn.Add(r =>
                {
                    double v = double.Parse(r[c], CultureInfo.InvariantCulture);
                    int band = 0;
                    while (band < sorted.Length && v >= sorted[band])
                    {
                        band++;
                    }

                    return offset + band;
                });
            }
            else
            {
                string[] levels = [.. rows.Select(r => r[c]).Distinct().Order(StringComparer.Ordinal)];
                groupNames.AddRange(levels.Select(l => $"{columnName}={l}"));
                perColumn.Add(r => offset + Array.IndexOf(levels, r[c]));
            }
        }

        int[][] memberships = [.. rows.Select(r => perColumn.Select(f => f(r)).ToArray())];
        return new GroupwiseData(x, y, memberships, groupNames);
    }
}
