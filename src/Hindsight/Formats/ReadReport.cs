namespace Hindsight.Formats;

/// <summary>What a reader did besides yielding examples: records skipped as malformed, lines ignored by design.</summary>
public sealed class ReadReport
{
    private readonly List<string> _messages = [];

    /// <summary>Examples yielded.</summary>
    public long Examples { get; internal set; }

    /// <summary>Malformed records skipped (only with <see cref="MalformedRecordPolicy.Skip"/>).</summary>
    public long Skipped { get; internal set; }

    /// <summary>Lines that are not decisions by design (DSJson reward-only lines, checkpoint lines, <c>_skipLearn</c> events).</summary>
    public long Ignored { get; internal set; }

    /// <summary>The first 20 messages of skipped records.</summary>
    public IReadOnlyList<string> Messages => _messages;

    /// <summary>Starts a new pass (a reader enumerated again counts afresh).</summary>
    internal void Reset()
    {
        Examples = 0;
        Skipped = 0;
        Ignored = 0;
        _messages.Clear();
    }

    internal void Skip(DataFormatException error)
    {
        Skipped++;
        if (_messages.Count < 20)
        {
            _messages.Add(error.Message);
        }
    }
}
