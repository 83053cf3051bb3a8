using Hindsight.Formats;

namespace Hindsight.Benchmarks;

/// <summary>
/// The first 20 000 examples of ../shared/data/cb-synth, uncompressed into the temp folder once (VW text and DSJson).
/// Fails with a message when the shared folder cannot be found above the benchmark's folder.
/// </summary>
internal static class CbSynthFiles
{
    public const int Examples = 20_000;

    public static string Text => Prefix("cb_synth_adf.txt.gz", "hindsight-cb-synth-20k.txt", blankSeparated: true);

    public static string DsJson => Prefix("cb_synth.dsjson.gz", "hindsight-cb-synth-20k.dsjson", blankSeparated: false);

    private static string Prefix(string name, string target, bool blankSeparated)
    {
        string path = Path.Combine(Path.GetTempPath(), target);
        if (File.Exists(path))
        {
            return path;
        }

        string? dir = AppContext.BaseDirectory;
        string relative = Path.Combine("shared", "data", "cb-synth", name);
        while (dir is not null && !File.Exists(Path.Combine(dir, relative)))
        {
            dir = Path.GetDirectoryName(dir);
        }

        string source = dir is not null ? Path.Combine(dir, relative)
            : throw new FileNotFoundException($"{relative} was not found above {AppContext.BaseDirectory}");
        using TextReader reader = DataFile.OpenText(source);
        using var writer = new StreamWriter(path);
        int examples = 0;
        string? line;
        while (examples < Examples && (line = reader.ReadLine()) is not null)
        {
            writer.WriteLine(line);
            if (!blankSeparated || line.Length == 0)
            {
                examples++;
            }
        }

        return path;
    }
}
