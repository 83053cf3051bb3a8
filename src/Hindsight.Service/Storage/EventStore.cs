using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Hindsight.Service.Storage;

/// <summary>
/// The service's durable log of events and rewards, in one SQLite file (<c>events.db</c>, write-ahead logging,
/// <c>synchronous = FULL</c>). Writes are group-committed: callers queue them, one writer drains whatever is queued
/// into a single transaction, commits it, and only then completes the callers' tasks — so an acknowledged write is on
/// disk, and many concurrent writes share one fsync.
/// </summary>
/// <remarks>A duplicate event id, or a reward for an event that does not exist, fails that write alone (its task
/// returns false) without failing the rest of its batch. Reads open their own read-only connections and see every
/// committed write.</remarks>
public sealed class EventStore : IAsyncDisposable
{
    private const int MaxBatch = 4096;

    /// <summary>An event after a cut: written after its position, or one of the events still waiting at it (the same id
    /// and rank time: "id\nts" in $waiting; the id test alone uses the index).</summary>
    private const string AfterCut = "(seq > $after OR (id IN (SELECT substr(value, 1, instr(value, char(10)) - 1) FROM json_each($waiting)) AND id || char(10) || ts IN (SELECT value FROM json_each($waiting))))";

    /// <summary>A reward's or an activation's event is after the cut.</summary>
    private const string EventAfterCut = "event_id IN (SELECT id FROM events WHERE loop = $loop AND " + AfterCut + ")";

    private readonly SqliteConnection _writer;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _insertReward;
    private readonly SqliteCommand _insertLoop;
    private readonly SqliteCommand _insertActivation;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writing;
    private readonly string _connectionString;
    private long _commits;
    private long _backlog;
    private TaskCompletionSource? _paused;
    private long _writes;

    private EventStore(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        Execute("PRAGMA journal_mode = WAL;");
        Execute("PRAGMA synchronous = FULL;");
        Synchronous = (long)Scalar("PRAGMA synchronous;")!;
        JournalMode = (string)Scalar("PRAGMA journal_mode;")!;
        Execute("""
            CREATE TABLE IF NOT EXISTS events (
                seq INTEGER PRIMARY KEY, loop TEXT NOT NULL, id TEXT NOT NULL, ts INTEGER NOT NULL,
                request TEXT NOT NULL, chosen INTEGER NOT NULL, probabilities TEXT NOT NULL, deferred INTEGER NOT NULL,
                UNIQUE (loop, id));
            CREATE TABLE IF NOT EXISTS rewards (
                seq INTEGER PRIMARY KEY, loop TEXT NOT NULL, event_id TEXT NOT NULL, ts INTEGER NOT NULL, value REAL NOT NULL);
            CREATE INDEX IF NOT EXISTS rewards_by_event ON rewards (loop, event_id);
            CREATE TABLE IF NOT EXISTS activations (
                seq INTEGER PRIMARY KEY, loop TEXT NOT NULL, event_id TEXT NOT NULL, ts INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS loops (name TEXT PRIMARY KEY, settings TEXT NOT NULL, key_hash TEXT NOT NULL, ts INTEGER NOT NULL);
            """);
        _insertEvent = Command("INSERT OR IGNORE INTO events (loop, id, ts, request, chosen, probabilities, deferred) VALUES ($loop, $id, $ts, $request, $chosen, $probabilities, $deferred);",
            "$loop", "$id", "$ts", "$request", "$chosen", "$probabilities", "$deferred");
        _insertReward = Command("INSERT INTO rewards (loop, event_id, ts, value) SELECT $loop, $id, $ts, $value WHERE EXISTS (SELECT 1 FROM events WHERE loop = $loop AND id = $id);",
            "$loop", "$id", "$ts", "$value");
        _insertActivation = Command("INSERT INTO activations (loop, event_id, ts) SELECT $loop, $id, $ts WHERE EXISTS (SELECT 1 FROM events WHERE loop = $loop AND id = $id);",
            "$loop", "$id", "$ts");
        _insertLoop = Command("INSERT OR IGNORE INTO loops (name, settings, key_hash, ts) VALUES ($name, $settings, $key, $ts);", "$name", "$settings", "$key", "$ts");
        _writing = Task.Run(WriteLoop);
    }

    /// <summary>The writer connection's <c>PRAGMA synchronous</c> (2 = FULL: the WAL is synced at every commit, so an
    /// acknowledged write survives an operating-system crash, not only a killed process).</summary>
    public long Synchronous { get; }

    /// <summary>The database's journal mode ("wal").</summary>
    public string JournalMode { get; }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Transactions committed so far (each holds one or more writes).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Writes queued and not yet committed (or failed): how far the disk is behind.</summary>
    public long Backlog => Interlocked.Read(ref _backlog);

    /// <summary>Writes committed so far.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Opens (or creates) the store in a folder.</summary>
    /// <param name="directory">The data folder (created if missing).</param>
    /// <returns>The store.</returns>
    public static EventStore Open(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        return new EventStore(System.IO.Path.Combine(directory, "events.db"));
    }

    /// <summary>Appends an event; completes once it is committed to disk.</summary>
    /// <param name="e">The event.</param>
    /// <returns>True when written; false when the loop already has an event with this id.</returns>
    /// <exception cref="ObjectDisposedException">The store is closing.</exception>
    public Task<bool> AppendAsync(StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Write(_insertEvent, e.Loop, e.EventId, e.Timestamp, e.Request, e.Chosen, e.Probabilities, e.Deferred ? 1 : 0);
    }

    /// <summary>Appends a reward; completes once it is committed to disk.</summary>
    /// <param name="r">The reward.</param>
    /// <returns>True when written; false when the loop has no event with this id.</returns>
    /// <exception cref="ObjectDisposedException">The store is closing.</exception>
    public Task<bool> AppendAsync(StoredReward r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return Write(_insertReward, r.Loop, r.EventId, r.Timestamp, r.Value);
    }

    /// <summary>Queues an activation (refused, false, when its event is not on disk); completes once committed.</summary>
    /// <param name="activation">The activation.</param>
    /// <returns>True once on disk.</returns>
    public Task<bool> AppendAsync(StoredActivation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        return Write(_insertActivation, activation.Loop, activation.EventId, activation.Timestamp);
    }

    /// <summary>Records a loop; completes once it is committed to disk.</summary>
    /// <param name="loop">The loop.</param>
    /// <returns>True when written; false when a loop of that name exists.</returns>
    /// <exception cref="ObjectDisposedException">The store is closing.</exception>
    public Task<bool> AppendAsync(StoredLoop loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        return Write(_insertLoop, loop.Name, loop.Settings, loop.KeyHash, loop.Timestamp);
    }

    /// <summary>Every committed loop, in the order created.</summary>
    /// <returns>The loops.</returns>
    public IReadOnlyList<StoredLoop> Loops()
        => Read("SELECT name, settings, key_hash, ts FROM loops ORDER BY ts, name;", null, row => new StoredLoop(row.GetString(0), row.GetString(1), row.GetString(2), row.GetInt64(3)));

    /// <summary>True when a committed event of the loop has this id (an indexed look-up).</summary>
    /// <param name="loop">The loop.</param>
    /// <param name="eventId">The event id.</param>
    /// <returns>Whether it exists.</returns>
    public bool Contains(string loop, string eventId)
    {
        using SqliteConnection c = OpenReader();
        using SqliteCommand q = c.CreateCommand();
        q.CommandText = "SELECT 1 FROM events WHERE loop = $loop AND id = $id;";
        q.Parameters.AddWithValue("$loop", loop);
        q.Parameters.AddWithValue("$id", eventId);
        return q.ExecuteScalar() is not null;
    }

    /// <summary>Every committed event of a loop, in the order written.</summary>
    /// <param name="loop">The loop.</param>
    /// <returns>The events.</returns>
    public IReadOnlyList<StoredEvent> Events(string loop)
        => Read("SELECT id, ts, request, chosen, probabilities, deferred FROM events WHERE loop = $loop ORDER BY seq;", loop,
            row => new StoredEvent(loop, row.GetString(0), row.GetInt64(1), row.GetString(2), row.GetInt32(3), row.GetString(4), row.GetInt64(5) != 0));

    /// <summary>The committed events of a loop after a cut of the log, in the order written: those written after its
    /// position, and those before it that were still waiting (what a model snapshot has not learned).</summary>
    /// <param name="loop">The loop.</param>
    /// <param name="after">The cut.</param>
    /// <returns>The events.</returns>
    public IReadOnlyList<StoredEvent> Events(string loop, LogCut after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return Read($"SELECT id, ts, request, chosen, probabilities, deferred FROM events WHERE loop = $loop AND {AfterCut} ORDER BY seq;", loop, after,
            row => new StoredEvent(loop, row.GetString(0), row.GetInt64(1), row.GetString(2), row.GetInt32(3), row.GetString(4), row.GetInt64(5) != 0));
    }

    /// <summary>Every committed reward of a loop, in the order written.</summary>
    /// <param name="loop">The loop.</param>
    /// <returns>The rewards.</returns>
    public IReadOnlyList<StoredReward> Rewards(string loop)
        => Read("SELECT event_id, ts, value FROM rewards WHERE loop = $loop ORDER BY seq;", loop, row => new StoredReward(loop, row.GetString(0), row.GetInt64(1), row.GetDouble(2)));

    /// <summary>The committed rewards of the events after a cut (<see cref="Events(string, LogCut)"/>), in the order written.</summary>
    /// <param name="loop">The loop.</param>
    /// <param name="after">The cut.</param>
    /// <returns>The rewards.</returns>
    public IReadOnlyList<StoredReward> Rewards(string loop, LogCut after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return Read($"SELECT event_id, ts, value FROM rewards WHERE loop = $loop AND {EventAfterCut} ORDER BY seq;", loop, after,
            row => new StoredReward(loop, row.GetString(0), row.GetInt64(1), row.GetDouble(2)));
    }

    /// <summary>A loop's activations in the order they were written.</summary>
    /// <param name="loop">The loop's name.</param>
    /// <returns>The activations.</returns>
    public IReadOnlyList<StoredActivation> Activations(string loop)
        => Read("SELECT event_id, ts FROM activations WHERE loop = $loop ORDER BY seq;", loop, row => new StoredActivation(loop, row.GetString(0), row.GetInt64(1)));

    /// <summary>The activations of the events after a cut (<see cref="Events(string, LogCut)"/>), in the order written.</summary>
    /// <param name="loop">The loop's name.</param>
    /// <param name="after">The cut.</param>
    /// <returns>The activations.</returns>
    public IReadOnlyList<StoredActivation> Activations(string loop, LogCut after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return Read($"SELECT event_id, ts FROM activations WHERE loop = $loop AND {EventAfterCut} ORDER BY seq;", loop, after,
            row => new StoredActivation(loop, row.GetString(0), row.GetInt64(1)));
    }

    /// <summary>The position of the last committed event (0 for an empty log): events written later have higher positions.</summary>
    /// <returns>The position.</returns>
    public long LastEventPosition()
    {
        using SqliteConnection c = OpenReader();
        using SqliteCommand q = c.CreateCommand();
        q.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM events;";
        return (long)q.ExecuteScalar()!;
    }

    /// <summary>Stops taking writes, commits everything queued, and closes the file.</summary>
    /// <returns>A task that completes when the last queued write is on disk.</returns>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writing.ConfigureAwait(false);
        _insertEvent.Dispose();
        _insertReward.Dispose();
        _insertLoop.Dispose();
        _insertActivation.Dispose();
        _writer.Dispose();
    }

    /// <summary>Queues one run of a prepared command with its parameters' values in declaration order (set on the
    /// writer's thread, when the batch runs: the command is shared); true when it wrote a row.</summary>
    private Task<bool> Write(SqliteCommand command, params object[] values) => Enqueue(new Pending(() =>
    {
        for (int i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command.ExecuteNonQuery() == 1;
    }));

    private Task<bool> Enqueue(Pending pending)
    {
        Interlocked.Increment(ref _backlog);
        if (!_queue.Writer.TryWrite(pending))
        {
            Interlocked.Decrement(ref _backlog);
            throw new ObjectDisposedException(nameof(EventStore), "The event store is closing; the write was not taken.");
        }

        return pending.Done.Task;
    }

    private async Task WriteLoop()
    {
        var batch = new List<Pending>(MaxBatch);
        var results = new bool[MaxBatch];
        ChannelReader<Pending> reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            if (Volatile.Read(ref _paused) is { } paused)
            {
                await paused.Task.ConfigureAwait(false);
            }

            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out Pending? p))
            {
                batch.Add(p);
            }

            try
            {
                using SqliteTransaction tx = _writer.BeginTransaction();
                _insertEvent.Transaction = tx;
                _insertReward.Transaction = tx;
                _insertLoop.Transaction = tx;
                _insertActivation.Transaction = tx;
                for (int i = 0; i < batch.Count; i++)
                {
                    results[i] = batch[i].Write();
                }

                tx.Commit();
                Interlocked.Increment(ref _commits);
                Interlocked.Add(ref _writes, batch.Count);
            }
            catch (Exception ex) when (ex is SqliteException or InvalidOperationException or IOException)
            {
                Interlocked.Add(ref _backlog, -batch.Count);
                foreach (Pending p in batch)
                {
                    p.Done.TrySetException(ex);
                }

                continue;
            }

            Interlocked.Add(ref _backlog, -batch.Count);
            for (int i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(results[i]);
            }
        }
    }

    /// <summary>Runs a query on a fresh read-only connection (with the loop as <c>$loop</c> when given, and a cut as
    /// <c>$after</c> and <c>$waiting</c>) and maps each row.</summary>
    private List<T> Read<T>(string sql, string? loop, Func<SqliteDataReader, T> map) => Read(sql, loop, null, map);

    private List<T> Read<T>(string sql, string? loop, LogCut? cut, Func<SqliteDataReader, T> map)
    {
        var list = new List<T>();
        using SqliteConnection c = OpenReader();
        using SqliteCommand q = c.CreateCommand();
        q.CommandText = sql;
        if (loop is not null)
        {
            q.Parameters.AddWithValue("$loop", loop);
        }

        if (cut is not null)
        {
            q.Parameters.AddWithValue("$after", cut.Position);
            string[] waiting = [.. cut.Waiting.Select(w => w.Id + "\n" + w.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture))];
            q.Parameters.AddWithValue("$waiting", System.Text.Json.JsonSerializer.Serialize(waiting, Api.ServiceJson.Default.StringArray));
        }

        using SqliteDataReader row = q.ExecuteReader();
        while (row.Read())
        {
            list.Add(map(row));
        }

        return list;
    }

    private SqliteConnection OpenReader()
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    /// <summary>Holds the writer before its next batch (tests: to queue writes that must share one commit).</summary>
    internal void PauseWriter() => _paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets a paused writer go on.</summary>
    internal void ResumeWriter() => Interlocked.Exchange(ref _paused, null)?.TrySetResult();

    private object? Scalar(string sql)
    {
        using SqliteCommand c = _writer.CreateCommand();
        c.CommandText = sql;
        return c.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using SqliteCommand c = _writer.CreateCommand();
        c.CommandText = sql;
        c.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        SqliteCommand c = _writer.CreateCommand();
        c.CommandText = sql;
        foreach (string p in parameters)
        {
            c.Parameters.Add(new SqliteParameter(p, null));
        }

        c.Prepare();
        return c;
    }

    /// <summary>One queued write: how to run it on the writer's prepared commands (true: a row was written), and the
    /// caller's task.</summary>
    private sealed class Pending(Func<bool> write)
    {
        public Func<bool> Write { get; } = write;

        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
