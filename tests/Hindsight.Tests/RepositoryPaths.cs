namespace Hindsight.Tests;

/// <summary>Finds files of the repository (examples, data) from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            string? dir = AppContext.BaseDirectory;
            while (dir is not null && !File.Exists(Path.Combine(dir, "Hindsight.slnx")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return dir ?? throw new InvalidOperationException("Hindsight.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Example(string name) => Path.Combine(Root, "examples", name);

    /// <summary>A VW conformance fixture copied into tests/Hindsight.Tests/Data (BSD-3-Clause, licence beside it).</summary>
    public static string VwFixture(string relative) => Path.Combine(Root, "tests", "Hindsight.Tests", "Data", "vowpal-wabbit-cb-tests", relative);

    /// <summary>A data set of the team's shared folder beside the checkout (../shared/data), or null when absent.</summary>
    public static string? Shared(string relative)
    {
        string path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", relative));
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    /// <summary>Runs an example spec as it is, on every core.</summary>
    public static Hindsight.Simulation.ExperimentResult RunExample(string name)
        => Hindsight.Simulation.Runner.Run(
            Hindsight.Specs.SpecLoader.Load(Example(name)),
            new Hindsight.Simulation.RunnerOptions { Threads = Environment.ProcessorCount });
}
