using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Hindsight.Formats;

namespace Hindsight.Tests.Formats;

public class DataFileTests
{
    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_named_pipe_is_read_and_gzip_is_still_detected(bool compressed)
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "named pipes (mkfifo) are a Unix feature");
        const string Log = "shared |s x:1\n0:1:0.5 |a y\n |a z\n\n";
        string fifo = Path.Combine(Directory.CreateTempSubdirectory().FullName, "log.fifo");
        using (var mk = Process.Start("mkfifo", fifo))
        {
            mk.WaitForExit();
            Skip.If(mk.ExitCode != 0, "mkfifo is not available");
        }

        byte[] payload = compressed ? Gzip(Log) : Encoding.UTF8.GetBytes(Log);
        var writer = Task.Run(() => File.WriteAllBytes(fifo, payload)); // blocks until the reader opens the pipe
        var reader = new VwTextReader(fifo);
        var examples = reader.Read().ToList();
        writer.Wait(TimeSpan.FromSeconds(30));
        Assert.Single(examples);
        Assert.Equal(2, examples[0].Actions.Count);
        Assert.Equal(1, reader.Report.Examples);
    }

    [Fact]
    public void The_report_of_a_reader_read_twice_counts_one_pass()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "log.txt");
        File.WriteAllText(path, "0:1:0.5 |a y\n |a z\n\n0:1:0.5 |a y\n |a z\n\n");
        var reader = new VwTextReader(path);
        Assert.Equal(2, reader.Read().Count());
        Assert.Equal(2, reader.Read().Count());
        Assert.Equal(2, reader.Report.Examples);
    }
}
