using System.CommandLine;
using System.Security.Cryptography;
using Hindsight.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Hindsight.Cli;

/// <summary>
/// <c>hindsight serve [--urls URL] [--data DIR] [--admin-key KEY] [--snapshot-seconds S]</c>: the decision service (see
/// <see cref="DecisionService"/>). The admin key comes from the option, else the HINDSIGHT_ADMIN_KEY environment
/// variable, else a fresh one printed at start. Stops on Ctrl+C / SIGTERM after flushing every queued write.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var data = new Option<string>("--data") { Description = "The data folder (events.db).", DefaultValueFactory = _ => "hindsight-data" };
        var admin = new Option<string?>("--admin-key") { Description = "The admin key (≥ 16 characters; default: $HINDSIGHT_ADMIN_KEY, else a fresh one)." };
        var snapshots = new Option<double>("--snapshot-seconds") { Description = "How often each changed loop's model snapshot is written (also at shutdown; 0: only then).", DefaultValueFactory = _ => 60 };
        var command = new Command("serve", "Run the decision service: loops that rank actions and learn from rewards over HTTP, durably.") { urls, data, admin, snapshots };
        command.SetAction(parse =>
        {
            string? key = parse.GetValue(admin) ?? Environment.GetEnvironmentVariable("HINDSIGHT_ADMIN_KEY");
            if (key is null)
            {
                key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
                stdout.WriteLine($"admin key: {key}");
            }

            if (key.Length < 16)
            {
                stderr.WriteLine("error: --admin-key must be at least 16 characters");
                return ExitCodes.BadInput;
            }

            double every = parse.GetValue(snapshots);
            if (!double.IsFinite(every) || every < 0 || every > 86_400)
            {
                stderr.WriteLine("error: --snapshot-seconds must be in [0, 86400]");
                return ExitCodes.BadInput;
            }

            WebApplication app;
            try
            {
                app = DecisionService.Build(new ServiceOptions(parse.GetValue(data)!, key, parse.GetValue(urls)!, SnapshotSeconds: every));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                stderr.WriteLine($"error: --data {parse.GetValue(data)}: {ex.Message}");
                return ExitCodes.BadInput;
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or Hindsight.Formats.DataFormatException)
            {
                stderr.WriteLine($"error: --data {parse.GetValue(data)}: the log could not be replayed: {ex.Message}");
                return ExitCodes.Failure;
            }
            catch (Exception ex) when (ex is FormatException or UriFormatException)
            {
                stderr.WriteLine($"error: --urls {parse.GetValue(urls)}: {ex.Message}");
                return ExitCodes.BadInput;
            }

            try
            {
                app.Start();
            }
            catch (IOException ex)
            {
                stderr.WriteLine($"error: --urls {parse.GetValue(urls)}: {ex.Message}");
                return ExitCodes.BadInput;
            }

            stdout.WriteLine($"listening on {string.Join(", ", app.Urls)}, data in {Path.GetFullPath(parse.GetValue(data)!)}"); // the bound port, also for port 0
            stdout.Flush();
            app.WaitForShutdown();
            app.DisposeAsync().AsTask().GetAwaiter().GetResult(); // commits every queued write and closes the store
            return ExitCodes.Success;
        });
        return command;
    }
}
