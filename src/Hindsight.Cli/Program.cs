namespace Hindsight.Cli;

/// <summary>The entry point of the <c>hindsight</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>0 success, 2 bad input, 1 anything else.</returns>
    public static int Main(string[] args) => CommandLine.Run(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected);
}
