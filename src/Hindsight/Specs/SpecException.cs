namespace Hindsight.Specs;

/// <summary>A spec file that cannot be used: the message names the file, line, column and field.</summary>
public sealed class SpecException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The spec file's path as given.</param>
    /// <param name="line">1-based line (0 when unknown).</param>
    /// <param name="column">1-based column (0 when unknown).</param>
    /// <param name="field">The field path, e.g. <c>learners[2].kind</c> (empty for the whole file).</param>
    /// <param name="problem">What is wrong.</param>
    public SpecException(string file, long line, long column, string field, string problem)
        : base(Format(file, line, column, field, problem))
    {
        File = file;
        Line = line;
        Column = column;
        Field = field;
        Problem = problem;
    }

    /// <summary>The spec file.</summary>
    public string File { get; }

    /// <summary>1-based line, or 0.</summary>
    public long Line { get; }

    /// <summary>1-based column, or 0.</summary>
    public long Column { get; }

    /// <summary>The field path.</summary>
    public string Field { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    private static string Format(string file, long line, long column, string field, string problem)
    {
        string where = line > 0 ? $"{file}:{line}:{column}" : file;
        return field.Length > 0 ? $"{where}: {field}: {problem}" : $"{where}: {problem}";
    }
}
