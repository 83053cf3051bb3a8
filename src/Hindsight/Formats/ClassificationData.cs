using System.Globalization;

namespace Hindsight.Formats;

/// <summary>
/// A classification data set read from CSV for bandit experiments: numeric columns standardized (mean 0, sd 1),
/// other columns one-hot encoded by value ("?" and empty cells are missing: all-zero one-hot, 0 after standardizing),
/// plus a bias feature 1; the label column's distinct values become classes 0..K−1 in order of first appearance.
/// </summary>
/// <param name="Features">One feature vector per row.</param>
/// <param name="Labels">The class of each row.</param>
/// <param name="Classes">The class names, by class index.</param>
public sealed record ClassificationData(double[][] Features, int[] Labels, IReadOnlyList<string> Classes)
{
    /// <summary>Reads a CSV file.</summary>
    /// <param name="path">The file (.gz read transparently).</param>
    /// <param name="labelColumn">The label's 0-based column, or −1 for the last.</param>
    /// <param name="header">Whether the first line names the columns.</param>
    /// <param name="maxRows">Read at most this many rows (0: all).</param>
    /// <returns>The data set.</returns>
    /// <exception cref="DataFormatException">A row has the wrong number of cells, or the file has no rows.</exception>
    public static ClassificationData ReadCsv(string path, int labelColumn = -1, bool header = false, int maxRows = 0)
    {
        var rows = new List<string[]>();
        using (TextReader reader = DataFile.OpenText(path))
        {
            string? line;
            long lineNumber = 0;
            int width = -1;
            while ((line = reader.ReadLine()) is not null)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line) || (header && lineNumber == 1))
                {
                    continue;
                }

                string[] cells = [.. line.Split(',').Select(c => c.Trim().TrimEnd('.'))];
                if (width < 0)
                {
                    width = cells.Length;
                }
                else if (cells.Length != width)
                {
                    throw new DataFormatException(path, lineNumber, string.Empty, $"{cells.Length} cells; the first row has {width}");
                }

                rows.Add(cells);
                if (maxRows > 0 && rows.Count >= maxRows)
                {
                    break;
                }
            }
        }

        if (rows.Count == 0)
        {
            throw new DataFormatException(path, 0, string.Empty, "no rows");
        }

        int columns = rows[0].Length;
        int label = labelColumn < 0 ? columns - 1 : labelColumn;
        if (label >= columns)
        {
            throw new DataFormatException(path, 1, $"column {label}", $"the label column is outside the {columns} columns");
        }

        static bool Missing(string cell) => cell.Length == 0 || cell == "?";
        var encoders = new List<Func<string, Action<double[], int>>>();
        var offsets = new List<int>();
        int dimension = 1; // bias
        for (int c = 0; c < columns; c++)
        {
            if (c == label)
            {
                continue;
            }

            bool numeric = rows.All(r => Missing(r[c]) || (double.TryParse(r[c], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)));
            int offset = dimension;
            offsets.Add(offset);
            int column = c;
            if (numeric)
            {
                double[] values = [.. rows.Where(r => !Missing(r[column])).Select(r => double.Parse(r[column], CultureInfo.InvariantCulture))];
                double mean = values.Length > 0 ? values.Average() : 0;
                double sd = values.Length > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1)) : 1;
                sd = sd > 0 ? sd : 1;
                encoders.Add(cell => (x, o) => x[o] = Missing(cell) ? 0 : (double.Parse(cell, CultureInfo.InvariantCulture) - mean) / sd);
                dimension++;
            }
            else
            {
                var levels = rows.Select(r => r[column]).Where(v => !Missing(v)).Distinct().Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i);
                encoders.Add(cell => (x, o) =>
                {
                    if (!Missing(cell) && levels.TryGetValue(cell, out int level))
                    {
                        x[o + level] = 1;
                    }
                });
                dimension += levels.Count;
            }
        }

        var classes = new List<string>();
        var classIndex = new Dictionary<string, int>();
        var features = new double[rows.Count][];
        var labels = new int[rows.Count];
        for (int r = 0; r < rows.Count; r++)
        {
            var x = new double[dimension];
            x[0] = 1;
            int k = 0;
            for (int c = 0; c < columns; c++)
            {
                if (c == label)
                {
                    continue;
                }

                encoders[k](rows[r][c])(x, offsets[k]);
                k++;
            }

            features[r] = x;
            string name = rows[r][label];
            if (!classIndex.TryGetValue(name, out int y))
            {
                y = classes.Count;
                classIndex[name] = y;
                classes.Add(name);
            }

            labels[r] = y;
        }

        return new ClassificationData(features, labels, classes);
    }
}
