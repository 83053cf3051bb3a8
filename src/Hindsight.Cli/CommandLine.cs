using System.CommandLine;

namespace Hindsight.Cli;

/// <summary>The command tree: <c>run</c>, <c>list</c> and <c>bench</c>. Thin: every algorithm lives in the library.</summary>
public static class CommandLine
{
    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <param name="interactive">True on a terminal: live progress bar and a rich table.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand("Hindsight: run learners against environments and measure their regret.")
        {
            RunCommand.Create(stdout, stderr, interactive),
            ListCommand.Create(stdout),
            BenchCommand.Create(stdout, stderr),
            CbCommand.Create(stdout, stderr),
            OpeCommand.Create(stdout, stderr),
            SolveCommand.Create(stdout, stderr),
            ServeCommand.Create(stdout, stderr),
        };
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"error: {error.Message}");
            }

            stderr.WriteLine("Run 'hindsight --help' for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
