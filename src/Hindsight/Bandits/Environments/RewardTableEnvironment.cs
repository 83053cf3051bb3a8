using System.Globalization;

namespace Hindsight.Bandits.Environments;

/// <summary>
/// An oblivious adversarial sequence given as a table: row t holds every arm's reward at round t. The rewards
/// are fixed in advance (they do not react to the learner), so the mean at round t is the reward itself and
/// pseudo-regret equals external regret.
/// </summary>
public sealed class RewardTableEnvironment : IBanditEnvironment
{
    private readonly double[] _rewards; // row-major, rounds × arms
    private readonly double[] _best;

    /// <summary>Creates the environment from rows of rewards.</summary>
    /// <param name="rows">One row per round, each with one reward per arm.</param>
    public RewardTableEnvironment(IReadOnlyList<IReadOnlyList<double>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0 || rows[0].Count == 0)
        {
            throw new ArgumentException("The table needs at least one round and one arm.", nameof(rows));
        }

        Arms = rows[0].Count;
        _rewards = new double[rows.Count * Arms];
        _best = new double[rows.Count];
        for (int t = 0; t < rows.Count; t++)
        {
            if (rows[t].Count != Arms)
            {
                throw new ArgumentException($"Row {t + 1} has {rows[t].Count} rewards; the first row has {Arms}.", nameof(rows));
            }

            double best = double.NegativeInfinity;
            for (int a = 0; a < Arms; a++)
            {
                double r = rows[t][a];
                if (!double.IsFinite(r))
                {
                    throw new ArgumentException($"Row {t + 1}, arm {a}: reward {r} is not finite.", nameof(rows));
                }

                _rewards[(t * Arms) + a] = r;
                best = Math.Max(best, r);
            }

            _best[t] = best;
        }
    }

    /// <inheritdoc />
    public int Arms { get; }

    /// <inheritdoc />
    public bool IsStationary => false;

    /// <inheritdoc />
    public long MaxHorizon => _best.Length;

    /// <summary>Reads a table from CSV: one row per round, one column per arm, an optional header row of names.</summary>
    /// <param name="path">The CSV file.</param>
    /// <returns>The environment.</returns>
    /// <exception cref="FormatException">A cell is not a number; the message names the file, line and column.</exception>
    public static RewardTableEnvironment FromCsv(string path)
    {
        var rows = new List<IReadOnlyList<double>>();
        int line = 0;
        foreach (string raw in File.ReadLines(path))
        {
            line++;
            string text = raw.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            string[] cells = text.Split(',');
            var row = new double[cells.Length];
            bool header = false;
            for (int c = 0; c < cells.Length; c++)
            {
                if (!double.TryParse(cells[c].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out row[c]) || !double.IsFinite(row[c]))
                {
                    if (rows.Count == 0 && c == 0 && line == 1)
                    {
                        header = true;
                        break;
                    }

                    throw new FormatException($"{path}:{line}: column {c + 1}: '{cells[c].Trim()}' is not a finite number.");
                }
            }

            if (header)
            {
                continue;
            }

            if (rows.Count > 0 && row.Length != rows[0].Count)
            {
                throw new FormatException($"{path}:{line}: {row.Length} rewards, but the first row has {rows[0].Count} arms.");
            }

            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            throw new FormatException($"{path}: no rows of rewards.");
        }

        return new RewardTableEnvironment(rows);
    }

    /// <inheritdoc />
    public IBanditOracle Start(ulong seed, long run) => new Oracle(this);

    private sealed class Oracle(RewardTableEnvironment table) : IBanditOracle
    {
        public int Arms => table.Arms;

        public bool IsStationary => false;

        public double Reward(long round, int arm) => table._rewards[((round - 1) * table.Arms) + arm];

        public double Mean(long round, int arm) => table._rewards[((round - 1) * table.Arms) + arm];

        public double BestMean(long round) => table._best[round - 1];
    }
}
