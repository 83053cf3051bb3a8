using System.Diagnostics;
using Hindsight.Service.Storage;
using Hindsight.Tests;

namespace Hindsight.Service.Tests.Storage;

/// <summary>Durability under SIGKILL: a separate process writes events and rewards from 16 tasks, printing each one
/// once it is acknowledged; it is killed mid-stream, 20 times over the same store; every acknowledged write must be
/// there after each restart.</summary>
public class CrashTests
{
    private static string Writer()
        => Path.Combine(RepositoryPaths.Root, "tests", "Hindsight.Service.CrashWriter", "bin", AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release", "net10.0", "Hindsight.Service.CrashWriter.dll");

    [Fact]
    public async Task Twenty_kills_under_load_lose_no_acknowledged_write()
    {
        string folder = Directory.CreateTempSubdirectory("hindsight-crash-").FullName;
        string writer = Writer();
        Assert.True(File.Exists(writer), $"the crash writer is built with the tests: {writer}");
        var events = new HashSet<string>();
        var rewards = new HashSet<string>();
        for (int restart = 0; restart < 20; restart++)
        {
            var info = new ProcessStartInfo("dotnet", [writer, folder, $"run{restart}"]) { RedirectStandardOutput = true, UseShellExecute = false };
            using Process process = Process.Start(info)!;
            int seen = 0;
            int target = 200 + (restart * 37 % 300); // kill at a different point each time
            while (seen < target && await process.StandardOutput.ReadLineAsync() is { } line)
            {
                (line[0] == 'e' ? events : rewards).Add(line[2..]);
                seen++;
            }

            process.Kill(entireProcessTree: true); // SIGKILL on Unix: no flush, no shutdown
            await process.WaitForExitAsync();
            Assert.True(seen >= target, $"restart {restart}: the writer stopped after {seen} writes (exit {process.ExitCode})");

            await using EventStore store = EventStore.Open(folder);
            var stored = store.Events("crash").Select(e => e.EventId).ToHashSet();
            var storedRewards = store.Rewards("crash").Select(r => r.EventId).ToHashSet();
            Assert.Empty(events.Except(stored));
            Assert.Empty(rewards.Except(storedRewards));
        }

        Assert.True(events.Count >= 20 * 100, $"{events.Count} acknowledged events");
    }
}
