namespace Hindsight.Cli.Tests;

/// <summary>Runs the command line in-process, capturing its output.</summary>
internal static class Cli
{
    /// <summary>Runs <c>hindsight ARGS</c> non-interactively.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code, standard output and standard error.</returns>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLine.Run(args, stdout, stderr, interactive: false);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
