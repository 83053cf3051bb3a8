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

    /// <summary>Writes a spec to a fresh folder and runs <c>hindsight run SPEC --out DIR/out EXTRA…</c>.</summary>
    /// <param name="spec">The spec's YAML.</param>
    /// <param name="extra">More arguments.</param>
    /// <returns>The exit code, standard output and error, and the output folder (which may not exist).</returns>
    public static (int Code, string Out, string Err, string Dir) RunSpec(string spec, params string[] extra)
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        string path = Path.Combine(dir, "spec.yaml");
        File.WriteAllText(path, spec);
        string output = Path.Combine(dir, "out");
        var (code, stdout, stderr) = Run(["run", path, "--out", output, .. extra]);
        return (code, stdout, stderr, output);
    }
}
