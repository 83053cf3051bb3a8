namespace Hindsight.Formats;

/// <summary>A malformed record in a data file: the message names the file, line and field.</summary>
public sealed class DataFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file.</param>
    /// <param name="line">The 1-based line (0 when unknown).</param>
    /// <param name="field">The field or token at fault (may be empty).</param>
    /// <param name="problem">What is wrong.</param>
    public DataFormatException(string file, long line, string field, string problem)
        : base($"{file}:{line}: {(field.Length > 0 ? field + ": " : string.Empty)}{problem}")
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
    }

    /// <summary>The file.</summary>
    public string File { get; }

    /// <summary>The 1-based line.</summary>
    public long Line { get; }

    /// <summary>The field or token at fault.</summary>
    public string Field { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
