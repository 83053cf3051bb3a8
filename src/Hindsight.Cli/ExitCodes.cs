namespace Hindsight.Cli;

/// <summary>The command's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>Anything else went wrong (including a run stopped by Ctrl-C, whose partial results are written).</summary>
    public const int Failure = 1;

    /// <summary>Bad input: a spec, data file or argument.</summary>
    public const int BadInput = 2;
}
