using System.Text;
using Hindsight.Simulation;

namespace Hindsight.Reports;

/// <summary>
/// Writes an experiment's outputs into a folder: <c>results.json</c>, <c>curves.csv</c> and <c>report.html</c>.
/// Each file is written to a temporary name and then moved into place, so a reader never sees half a file.
/// </summary>
public static class ReportWriter
{
    /// <summary>The file names written, in order.</summary>
    public static IReadOnlyList<string> FileNames { get; } = ["results.json", "curves.csv", "report.html"];

    /// <summary>Writes the three files.</summary>
    /// <param name="result">The experiment's result.</param>
    /// <param name="directory">The output folder (created when missing).</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(ExperimentResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(directory);

        // Render everything first: a rendering failure must leave the folder untouched.
        byte[][] contents =
        [
            ResultsJson.ToUtf8(result),
            Encoding.UTF8.GetBytes(CurvesCsv.ToText(result)),
            Encoding.UTF8.GetBytes(HtmlReport.ToText(result)),
        ];
        return WriteFiles(directory, [.. FileNames.Zip(contents, (name, bytes) => (name, bytes))]);
    }

    /// <summary>Writes rendered files into a folder, each to a temporary name first and then moved into place.</summary>
    /// <param name="directory">The output folder (created when missing).</param>
    /// <param name="files">File names and contents, rendered before anything is written.</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> WriteFiles(string directory, IReadOnlyList<(string Name, byte[] Content)> files)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var (name, content) in files)
        {
            string path = Path.Combine(directory, name);
            string temp = path + ".tmp";
            File.WriteAllBytes(temp, content);
            File.Move(temp, path, overwrite: true);
            paths.Add(path);
        }

        return paths;
    }
}
