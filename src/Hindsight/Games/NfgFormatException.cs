namespace Hindsight.Games;

/// <summary>A malformed Gambit .nfg file: the message names the file, line and column.</summary>
public sealed class NfgFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file (or a label for text).</param>
    /// <param name="line">1-based line.</param>
    /// <param name="column">1-based column.</param>
    /// <param name="problem">What is wrong.</param>
    public NfgFormatException(string file, int line, int column, string problem)
        : base($"{file}:{line}:{column}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file.</summary>
    public string File { get; }

    /// <summary>The 1-based line.</summary>
    public int Line { get; }

    /// <summary>The 1-based column.</summary>
    public int Column { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
