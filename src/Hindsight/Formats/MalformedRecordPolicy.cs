namespace Hindsight.Formats;

/// <summary>What a reader does with a malformed record.</summary>
public enum MalformedRecordPolicy
{
    /// <summary>Throw a <see cref="DataFormatException"/> naming the file, line and field (the default).</summary>
    Stop,

    /// <summary>Skip the record, count it, keep the first messages, and go on.</summary>
    Skip,
}
