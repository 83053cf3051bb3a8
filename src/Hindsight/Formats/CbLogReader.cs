using Hindsight.Contextual;

namespace Hindsight.Formats;

/// <summary>
/// What the contextual-bandit log readers share: the file, the malformed-record policy, the report, example recycling
/// and the per-pass state (byte lines without a leading byte-order mark, the feature-set pool, the action cache).
/// </summary>
public abstract class CbLogReader
{
    /// <summary>Creates a reader.</summary>
    /// <param name="path">The file (.gz read transparently; "-" reads standard input).</param>
    /// <param name="policy">Stop at the first malformed record (default) or skip and count.</param>
    private protected CbLogReader(string path, MalformedRecordPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(path);
        FilePath = path;
        Policy = policy;
    }

    /// <summary>
    /// When true, each example's feature sets are recycled for the next example (VW's example pool): an example is
    /// valid only until the enumeration moves on. For streaming passes that do not keep examples. An action whose text
    /// equals the previous example's action at the same position is then not parsed again (decision logs repeat their
    /// action catalog in every event); its features are the same by construction.
    /// </summary>
    public bool ReuseExamples { get; init; }

    /// <summary>Counts of what was read, skipped and ignored (complete once enumeration ends; each pass counts afresh).</summary>
    public ReadReport Report { get; } = new();

    /// <summary>The file.</summary>
    private protected string FilePath { get; }

    /// <summary>What a malformed record does.</summary>
    private protected MalformedRecordPolicy Policy { get; }

    /// <summary>Hands out the feature sets of the current example.</summary>
    private protected FeatureSetPool Pool { get; private set; } = new(false);

    /// <summary>The action cache (only when examples are recycled and actions are parsed one by one).</summary>
    private protected ActionCache? Cache { get; private set; }

    /// <summary>Streams the examples in file order, in constant memory (the file stays open while enumerating).</summary>
    /// <returns>The examples.</returns>
    /// <exception cref="DataFormatException">A malformed record, with <see cref="MalformedRecordPolicy.Stop"/>.</exception>
    public abstract IEnumerable<CbExample> Read();

    /// <summary>Starts a pass: resets the report and the per-pass state and returns the file's lines.</summary>
    /// <param name="stream">The opened file.</param>
    /// <param name="cacheActions">Whether this format's actions can be cached.</param>
    private protected LineReader<byte> BeginPass(Stream stream, bool cacheActions)
    {
        ResetPass(cacheActions);
        return new LineReader<byte>(stream.Read, (byte)'\n', (byte)'\r');
    }

    /// <summary>Resets the report and the per-pass state (a pass over records held in memory needs no stream).</summary>
    /// <param name="cacheActions">Whether this format's actions can be cached.</param>
    private protected void ResetPass(bool cacheActions)
    {
        Report.Reset();
        Pool = new FeatureSetPool(ReuseExamples);
        Cache = ReuseExamples && cacheActions ? new ActionCache() : null;
    }

    /// <summary>Reads a line, without the UTF-8 byte-order mark that may open the file.</summary>
    private protected static bool ReadLine(LineReader<byte> lines, out ReadOnlySpan<byte> line)
    {
        if (!lines.TryRead(out line))
        {
            return false;
        }

        if (lines.LineNumber == 1 && line.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
        }

        return true;
    }
}
