using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text.Json;
using Hindsight.Contextual;
using Hindsight.Contextual.Embeddings;
using Hindsight.Contextual.Features;
using Hindsight.Contextual.Learners;
using Hindsight.Evaluation;
using Hindsight.Exploration;
using Hindsight.Formats;
using Hindsight.Numerics;
using Hindsight.Service.Storage;

namespace Hindsight.Service;

/// <summary>
/// One learning loop: its learner, the events waiting for rewards, and its counters. Ranking, joining and learning take
/// the loop's lock (the learner is not thread-safe); storage happens outside it.
/// </summary>
/// <remarks>
/// An event is learned only once its own write and every reward write accepted for it have committed: a window that
/// has expired waits for them (<see cref="CloseWindows"/> stops at the first such event), so the model never learns
/// what is not in the log and replay finds the same rewards. Windows close in (deadline, arrival) order, live and on
/// replay.
/// </remarks>
internal sealed class Loop
{
    private readonly object _gate = new();
    private const int SnapshotVersion = 3;

    /// <summary>The namespace of the embeddings' predicted reward, one feature a action (interactions name it "E").</summary>
    private const string EmbeddingNamespace = "Embedding";
    private static readonly byte[] SnapshotMagic = "HSLP"u8.ToArray();
    private readonly IContextualLearner _learner;
    private readonly SeededRandom _rng;
    private readonly Dictionary<string, PendingEvent> _pending = [];
    private readonly PriorityQueue<string, (long Deadline, long Sequence)> _deadlines = new();
    private readonly object _closing = new();
    private OnlineIps _greedy = new();
    private LoopCounters _counters;
    private bool _apprentice;
    private bool[] _agreements = [];
    private int _agreed;
    private int _measured;
    private float[] _pmf = new float[16];
    private long _sequence;
    private long _savedChanges;
    private readonly EmbeddingRewardModel? _embeddings;

    public Loop(string name, LoopSettings settings, string keyHash, ulong? seed = null, IContextualLearner? learner = null, EmbeddingRewardModel? embeddings = null)
    {
        Name = name;
        Settings = settings;
        KeyHash = keyHash;
        KeyDigest = Convert.FromHexString(keyHash);
        _learner = learner ?? settings.CreateLearner();
        _embeddings = embeddings ?? (settings.Embeddings is { } e ? new EmbeddingRewardModel(new EmbeddingTable(e.TableOptions()), (float)e.LearningRate) : null);

        _apprentice = settings.Mode == "apprentice";
        _rng = new SeededRandom(seed ?? BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8))); // unpredictable exploration unless a seed is given (tests)
    }

    /// <summary>The model snapshot: the learner, the counters and the running estimates as they are, and the cut of the
    /// log they stand for — taken while no window closes and no rank is drawn, so that every event at or before the
    /// cut's position was learned or dropped, except the ones listed as waiting (whose rewards are in the log).</summary>
    /// <param name="logPosition">Reads the log's last event position (called under the loop's locks: every event
    /// tracked later is written after it).</param>
    /// <param name="now">The snapshot's time (ms since the epoch).</param>
    /// <returns>The snapshot's bytes (ending with their SHA-256) and the change count it holds (for
    /// <see cref="Saved"/>), or null when nothing changed since the last saved one.</returns>
    public (byte[] Bytes, long Changes)? SaveSnapshot(Func<long> logPosition, long now)
    {
        lock (_closing)
        {
            lock (_gate)
            {
                if (Changes == _savedChanges)
                {
                    return null;
                }

                using var buffer = new MemoryStream();
                using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
                {
                    w.Write(SnapshotMagic);
                    w.Write(SnapshotVersion);
                    w.Write(KeyHash); // the loop it belongs to: a loop re-created under the name has another key
                    w.Write(now);
                    w.Write(logPosition());
                    w.Write(_pending.Count);
                    long explored = 0;
                    foreach ((string id, PendingEvent e) in _pending)
                    {
                        w.Write(id);
                        w.Write(e.Timestamp); // with the id: the very event (a retried id is another)
                        explored += e.Explored ? 1 : 0;
                    }

                    // The waiting events are counted again when replay restores them.
                    w.Write(_counters.Events - _pending.Count);
                    w.Write(_counters.Closed);
                    w.Write(_counters.Rewarded);
                    w.Write(_counters.RewardSum);
                    w.Write(_counters.Explored - explored);
                    w.Write(_counters.Inactive);
                    w.Write(_counters.Failed);
                    w.Write(_greedy.Count);
                    w.Write(_greedy.Mean);
                    w.Write(_greedy.SquaredDeviations);
                    w.Write(_apprentice);
                    w.Write(_agreements.Length);
                    foreach (bool agreed in _agreements)
                    {
                        w.Write(agreed);
                    }

                    w.Write(_agreed);
                    w.Write(_measured);
                    w.Write(_embeddings is not null);
                    _embeddings?.WriteTo(w);
                }

                CbModel.Save((ExploringCbLearner)_learner, buffer);
                buffer.Write(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
                return (buffer.ToArray(), Changes);
            }
        }
    }

    /// <summary>A count that grows with every change a snapshot holds: events tracked, learned, dropped or failed. (An
    /// untracked event — its write refused — needs no new snapshot: a waiting id missing from the log is skipped.)</summary>
    private long Changes => _sequence + _counters.Closed + _counters.Inactive + _counters.Failed;

    /// <summary>A snapshot taken with <see cref="SaveSnapshot"/> is safely on disk: until the loop changes again,
    /// periodic snapshots are skipped.</summary>
    /// <param name="changes">The change count the snapshot held.</param>
    /// <param name="takenAt">Its time (ms since the epoch).</param>
    public void Saved(long changes, long takenAt)
    {
        lock (_gate)
        {
            _savedChanges = Math.Max(_savedChanges, changes);
            SnapshotAt = takenAt;
        }
    }

    /// <summary>A loop as a snapshot left it (<see cref="SaveSnapshot"/>), with the cut of the log to replay after.</summary>
    /// <exception cref="InvalidDataException">Not a loop snapshot, another version, truncated or corrupt.</exception>
    public static (Loop Loop, LogCut Cut) LoadSnapshot(string name, LoopSettings settings, string keyHash, ulong? seed, byte[] snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Length < 32 || !SHA256.HashData(snapshot.AsSpan(0, snapshot.Length - 32)).AsSpan().SequenceEqual(snapshot.AsSpan(snapshot.Length - 32)))
        {
            throw new InvalidDataException("the snapshot's checksum does not match (truncated or corrupt)");
        }

        using var stream = new MemoryStream(snapshot, 0, snapshot.Length - 32, writable: false);
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!r.ReadBytes(4).AsSpan().SequenceEqual(SnapshotMagic))
            {
                throw new InvalidDataException("not a loop snapshot (no HSLP header)");
            }

            int version = r.ReadInt32();
            if (version != SnapshotVersion)
            {
                throw new InvalidDataException($"snapshot version {version}; this service reads version {SnapshotVersion}");
            }

            if (r.ReadString() != keyHash)
            {
                throw new InvalidDataException("the snapshot belongs to another loop of that name (another key)");
            }

            long takenAt = r.ReadInt64();
            long position = r.ReadInt64();
            int waiting = r.ReadInt32();
            if (waiting < 0 || position < 0)
            {
                throw new InvalidDataException("negative counts");
            }

            var ids = new List<(string, long)>(Math.Min(waiting, 1 << 20));
            for (int i = 0; i < waiting; i++)
            {
                ids.Add((r.ReadString(), r.ReadInt64()));
            }

            var counters = new LoopCounters(r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadDouble(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64());
            OnlineIps greedy = OnlineIps.FromState(r.ReadInt64(), r.ReadDouble(), r.ReadDouble());
            bool apprentice = r.ReadBoolean();
            int ring = r.ReadInt32();
            if (ring != 0 && ring != settings.ApprenticeEvents)
            {
                throw new InvalidDataException($"an apprentice ring of {ring} events; the loop's settings say {settings.ApprenticeEvents}");
            }

            bool[] agreements = new bool[ring];
            for (int i = 0; i < ring; i++)
            {
                agreements[i] = r.ReadBoolean();
            }

            int agreed = r.ReadInt32(), measured = r.ReadInt32();
            EmbeddingRewardModel? embeddings = r.ReadBoolean() ? EmbeddingRewardModel.ReadFrom(r, (float)(settings.Embeddings?.LearningRate ?? 0.05)) : null;
            if ((embeddings is null) != (settings.Embeddings is null) || (embeddings is not null && embeddings.Table.Options != settings.Embeddings!.TableOptions()))
            {
                throw new InvalidDataException("the snapshot's embedding table does not match the loop's settings");
            }

            IContextualLearner learner = CbModel.Load(stream) as ExploringCbLearner ?? throw new InvalidDataException("the snapshot's model is not the loop's kind of learner");
            var loop = new Loop(name, settings, keyHash, seed, learner, embeddings)
            {
                SnapshotAt = takenAt,
                _counters = counters,
                _savedChanges = counters.Closed + counters.Inactive + counters.Failed, // what this snapshot holds: nothing new yet
                _greedy = greedy,
                _apprentice = apprentice,
                _agreements = agreements,
                _agreed = agreed,
                _measured = measured,
            };
            return (loop, new LogCut(position, ids));
        }
        catch (Exception ex) when (ex is EndOfStreamException or ArgumentException or FormatException or OverflowException)
        {
            throw new InvalidDataException($"the snapshot is truncated or corrupt: {ex.Message}");
        }
    }

    public string Name { get; }

    /// <summary>The embedding table's counters (null without one): entries held, admitted, filtered, expired, evicted.</summary>
    public (int Entries, long Admitted, long Filtered, long Expired, long Evicted)? EmbeddingCounters()
    {
        lock (_gate)
        {
            return _embeddings?.Table is { } t ? (t.Count, t.Admitted, t.Filtered, t.Expired, t.Evicted) : null;
        }
    }

    /// <summary>Events waiting for their window to close (tracked, not yet learned or dropped).</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>When the latest model snapshot of this loop was taken, saved or loaded (ms since the epoch); null before any.</summary>
    public long? SnapshotAt { get; private set; }

    /// <summary>How many events were read back from the log when the loop was restored (after its snapshot's cut, if any).</summary>
    public long ReplayedEvents { get; set; }

    public LoopSettings Settings { get; }

    public string KeyHash { get; }

    /// <summary>The key's SHA-256 as bytes, compared with a request key's digest.</summary>
    public byte[] KeyDigest { get; }

    /// <summary>A consistent copy of the counters and of the learned policy's running estimate (its interval is computed
    /// by the caller, outside the lock).</summary>
    public (LoopCounters Counters, OnlineIps GreedyPolicyValue, bool Apprentice, double? BaselineAgreement) Statistics()
    {
        lock (_gate)
        {
            return (_counters, _greedy.Copy(), _apprentice, _measured > 0 ? (double)_agreed / Math.Min(_measured, _agreements.Length) : null);
        }
    }

    /// <summary>Draws an action for an example (or takes the app's own decision), tracks the event (not yet committed) and
    /// queues its write — under the lock, so that any reward for it is queued after it.</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="example">The decision.</param>
    /// <param name="request">The decision as DSJson (UTF-8): what the event keeps until it is learned, parsed again then —
    /// a few hundred bytes a waiting event instead of the parsed example's arrays.</param>
    /// <param name="now">The rank's time.</param>
    /// <param name="deferred">The event is learned only if activated before its window closes.</param>
    /// <param name="decision">The action the app took itself and the probability its own policy gave it (a logged
    /// decision: history, another policy, a randomized test); null: the loop draws.</param>
    /// <param name="write">Queues the event's write from the chosen index and the logging probabilities.</param>
    /// <returns>The chosen index, the loop's own probabilities (what it drew from, or would have drawn from for an app's
    /// decision) and the write, or null when an event with this id is already waiting.</returns>
    public (int Chosen, float[] Probabilities, Task<bool> Written)? Rank(string eventId, CbExample example, byte[] request, long now, bool deferred, (int Action, float Probability)? decision, Func<int, float[], Task<bool>> write)
    {
        EmbeddingKeys? keys = Keys(request, example.Actions.Count); // parsed before the lock
        lock (_gate)
        {
            if (_pending.ContainsKey(eventId))
            {
                return null;
            }

            Span<float> pmf;
            int chosen = 0;
            float[] logged;
            if (decision is not null || !_apprentice)
            {
                Embed(example, keys, now);
            }

            if (decision is { } app)
            {
                pmf = Scores(example); // the loop's view, answered; the app's choice is what is logged and learned
                chosen = app.Action;
                logged = new float[pmf.Length]; // only the chosen action's probability is known
                logged[chosen] = app.Probability;
            }
            else
            {
                if (_apprentice)
                {
                    pmf = Buffer(example.Actions.Count); // no prediction needed
                    pmf.Clear();
                    pmf[0] = 1; // the app's baseline, the first action, as Personalizer's apprentice mode answers
                }
                else
                {
                    pmf = Scores(example);
                    chosen = Explore.Sample(pmf, _rng.NextDouble());
                }

                logged = pmf.ToArray();
            }

            // An app's decision is never the loop's exploration.
            Track(eventId, request, keys, chosen, logged[chosen], now, decision is null && Explored(pmf, chosen), deferred, committed: false);
            float[] probabilities = decision is null ? logged : pmf.ToArray();
            try
            {
                return (chosen, probabilities, write(chosen, logged));
            }
            catch
            {
                Untrack(eventId);
                throw;
            }
        }
    }

    /// <summary>Whether a waiting event was ranked as deferred (null when it is not waiting).</summary>
    public bool? IsDeferred(string eventId)
    {
        lock (_gate)
        {
            return _pending.TryGetValue(eventId, out PendingEvent? e) ? e.Deferred : null;
        }
    }

    /// <summary>The event's write committed: it may be learned once its window closes.</summary>
    public void Committed(string eventId)
    {
        lock (_gate)
        {
            if (_pending.TryGetValue(eventId, out PendingEvent? e))
            {
                e.Committed = true;
                LearnIfFinal(eventId, e); // a reward may have committed first (client-chosen ids)
            }
        }
    }

    /// <summary>Drops a tracked event whose write failed or was refused (its id was taken on disk meanwhile).</summary>
    public void Forget(string eventId)
    {
        lock (_gate)
        {
            Untrack(eventId);
        }
    }

    /// <summary>Re-admits a stored event at startup (no drawing: the logged choice and probabilities stand).</summary>
    public void Restore(string eventId, byte[] request, int chosen, float[] probabilities, long timestamp, bool deferred)
    {
        EmbeddingKeys? keys = Keys(request, probabilities.Length);
        lock (_gate)
        {
            Track(eventId, request, keys, chosen, probabilities[chosen], timestamp, Explored(probabilities, chosen), deferred, committed: true);
        }
    }

    /// <summary>An exploring choice: an action less probable than the most probable one (a tie among the most probable
    /// is not exploration).</summary>
    private static bool Explored(ReadOnlySpan<float> pmf, int chosen) => pmf[chosen] < TensorPrimitives.Max(pmf);

    /// <summary>Opens a reward or an activation for a waiting event whose window is open at <paramref name="now"/> and
    /// queues its write (after the event's own, which was queued under the same lock); the event cannot be learned
    /// until <see cref="EndReward"/> or <see cref="EndActivation"/>.</summary>
    /// <returns>Known: the event is waiting; Open: its window is open; Written: the write when open.</returns>
    public (bool Known, bool Open, Task<bool>? Written) Begin(string eventId, long now, Func<Task<bool>> write)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(eventId, out PendingEvent? e))
            {
                return (false, false, null);
            }

            if (now >= e.Deadline)
            {
                return (true, false, null);
            }

            e.InFlight++;
            try
            {
                return (true, true, write());
            }
            catch
            {
                e.InFlight--;
                throw;
            }
        }
    }

    /// <summary>Ends a reward opened by <see cref="Begin"/>: joins it when its write committed.</summary>
    public void EndReward(string eventId, double value, bool committed)
    {
        lock (_gate)
        {
            if (_pending.TryGetValue(eventId, out PendingEvent? e))
            {
                e.InFlight--;
                if (committed)
                {
                    Join(e, value);
                    LearnIfFinal(eventId, e);
                }
            }
        }
    }

    /// <summary>Ends an activation opened by <see cref="Begin"/>: the deferred event becomes learnable when its write committed.</summary>
    public void EndActivation(string eventId, bool committed)
    {
        lock (_gate)
        {
            if (_pending.TryGetValue(eventId, out PendingEvent? e))
            {
                e.InFlight--;
                if (committed)
                {
                    e.Active = true;
                    LearnIfFinal(eventId, e);
                }
            }
        }
    }

    /// <summary>Applies a stored activation at startup (its timestamp decides whether the window was open).</summary>
    public void RestoreActivation(string eventId, long timestamp)
    {
        lock (_gate)
        {
            if (_pending.TryGetValue(eventId, out PendingEvent? e) && timestamp < e.Deadline)
            {
                e.Active = true;
                LearnIfFinal(eventId, e);
            }
        }
    }

    /// <summary>Joins a stored reward at startup (its timestamp decides whether its window was open).</summary>
    public void RestoreReward(string eventId, double value, long timestamp)
    {
        lock (_gate)
        {
            if (_pending.TryGetValue(eventId, out PendingEvent? e) && timestamp < e.Deadline)
            {
                Join(e, value);
                LearnIfFinal(eventId, e);
            }
        }
    }

    /// <summary>Learns events whose window has closed by <paramref name="now"/>, in (deadline, arrival) order, at most
    /// <paramref name="limit"/> of them; stops at an event whose writes are still in flight. The events are taken under the
    /// lock, parsed outside it (ranks are not held up), and learned under it, in order. One caller at a time (the window
    /// closer, or replay before the service starts).</summary>
    /// <returns>How many were learned.</returns>
    public int CloseWindows(long now, int limit = int.MaxValue)
    {
        lock (_closing) // one closer at a time: chunks are learned in the order they were taken
        {
            var closing = new List<(PendingEvent Event, double Reward)>();
            int taken = 0;
            lock (_gate)
            {
                while (taken < limit && _deadlines.TryPeek(out string? id, out (long Deadline, long Sequence) key) && key.Deadline <= now)
                {
                    if (!_pending.TryGetValue(id, out PendingEvent? e) || e.Sequence != key.Sequence)
                    {
                        _deadlines.Dequeue(); // forgotten, learned early (first aggregation), or its id re-used later
                        taken++;
                        continue;
                    }

                    if (!e.Committed || e.InFlight > 0)
                    {
                        break; // its writes are not all on disk yet: learn it next time, in the same order
                    }

                    _deadlines.Dequeue();
                    _pending.Remove(id);
                    taken++;
                    if (!e.Active)
                    {
                        _counters = _counters with { Inactive = _counters.Inactive + 1 }; // deferred and never activated: not learned
                        continue;
                    }

                    closing.Add((e, e.Rewards > 0 ? e.Value : Settings.DefaultReward));
                }
            }

            // Parsed outside the lock (ranks are not held up); one event that fails is skipped and counted, not the chunk.
            var examples = new CbExample?[closing.Count];
            for (int i = 0; i < examples.Length; i++)
            {
                (PendingEvent e, double reward) = closing[i];
                try
                {
                    examples[i] = Labelled(e, reward);
                }
                catch (DataFormatException)
                {
                    examples[i] = null;
                }
            }

            lock (_gate)
            {
                for (int i = 0; i < examples.Length; i++)
                {
                    if (examples[i] is { } example)
                    {
                        Learn(example, closing[i].Event, closing[i].Reward, rewarded: closing[i].Event.Rewards > 0);
                    }
                    else
                    {
                        _counters = _counters with { Failed = _counters.Failed + 1 };
                    }
                }
            }

            return taken;
        }
    }

    /// <summary>Under "first" aggregation a rewarded, learnable event whose writes are all on disk is final: it is learned
    /// at once instead of at the end of its window (its deadline entry is skipped later). Called under the lock.</summary>
    private void LearnIfFinal(string eventId, PendingEvent e)
    {
        if (Settings.Aggregation != "first" || e.Rewards == 0 || !e.Active || !e.Committed || e.InFlight > 0)
        {
            return;
        }

        _pending.Remove(eventId);
        Learn(Labelled(e, e.Value)!, e, e.Value, rewarded: true);
    }

    /// <summary>Evaluates the learned (greedy) policy on the event before learning it — progressive validation — then
    /// learns it and counts it. Called under the lock.</summary>
    private void Learn(CbExample example, PendingEvent e, double reward, bool rewarded)
    {
        CbLabel label = example.Label!.Value;
        Embed(example, e.Keys, e.Timestamp);
        Span<float> pmf = Scores(example);
        _greedy.Add(TensorPrimitives.IndexOfMax<float>(pmf) == label.Action ? reward / label.Probability : 0);
        if (_apprentice)
        {
            Apprentice(BaselineFirst(pmf));
        }

        _learner.Learn(example);
        if (_embeddings is not null && e.Keys is { User: { } user } keys && keys.Items[label.Action] is { } item)
        {
            _embeddings.Learn(user, item, (float)reward, e.Timestamp); // in event time: live and on replay alike
        }

        _counters = _counters with { Closed = _counters.Closed + 1, Rewarded = _counters.Rewarded + (rewarded ? 1 : 0), RewardSum = _counters.RewardSum + reward };
    }

    /// <summary>Records whether the learner, before learning an apprentice event, ranked the baseline first; once the
    /// latest <see cref="LoopSettings.ApprenticeEvents"/> agree often enough, the loop goes online for good. Under the lock.</summary>
    private void Apprentice(bool agreed)
    {
        if (_agreements.Length == 0)
        {
            _agreements = new bool[Settings.ApprenticeEvents];
        }

        int slot = _measured % _agreements.Length; // a ring over the latest events
        if (_measured >= _agreements.Length && _agreements[slot])
        {
            _agreed--;
        }

        _agreements[slot] = agreed;
        _agreed += agreed ? 1 : 0;
        _measured++;
        if (_measured >= _agreements.Length && _agreed >= Settings.ApprenticeAgreement * _agreements.Length)
        {
            _apprentice = false;
        }
    }

    /// <summary>The baseline (action 0) is strictly the most probable: a tie, as in an untrained model, is no agreement.</summary>
    private static bool BaselineFirst(ReadOnlySpan<float> pmf)
    {
        for (int a = 1; a < pmf.Length; a++)
        {
            if (pmf[a] >= pmf[0])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>With an embedding table: gives each action of the example the preference the embeddings predict for
    /// the request's user and that action's item, as the feature <c>Embedding.score</c> (none when either has no
    /// embedding). Under the lock.</summary>
    private void Embed(CbExample example, EmbeddingKeys? keys, long now)
    {
        if (_embeddings is null || keys is not { User: { } user } k)
        {
            return;
        }

        for (int a = 0; a < k.Items.Length && a < example.Actions.Count; a++)
        {
            if (k.Items[a] is { } item && _embeddings.Predict(user, item, now) is var score && score != 0 && float.IsFinite(score))
            {
                example.Actions[a].Namespace(EmbeddingNamespace).Add("score", score);
            }
        }
    }

    /// <summary>With an embedding table: the request's user ID and each action's item ID as table keys
    /// ("User.id=u42"), from its DSJson; null without one. Needs no lock (the settings do not change).</summary>
    private EmbeddingKeys? Keys(byte[] request, int actions)
    {
        if (Settings.Embeddings is not { } settings)
        {
            return null;
        }

        using JsonDocument doc = JsonDocument.Parse(request);
        JsonElement c = doc.RootElement.GetProperty("c");
        string? user = Id(c, settings.User);
        var items = new string?[actions];
        if (c.TryGetProperty("_multi", out JsonElement multi) && multi.ValueKind == JsonValueKind.Array)
        {
            int a = 0;
            foreach (JsonElement action in multi.EnumerateArray())
            {
                if (a < actions)
                {
                    items[a++] = Id(action, settings.Item);
                }
            }
        }

        return new EmbeddingKeys(user, items);
    }

    /// <summary>The key of the feature "Namespace.feature" in a DSJson object of namespaces: "Namespace.feature=value"
    /// for a string or number value; null when absent.</summary>
    private static string? Id(JsonElement namespaces, string feature)
    {
        int dot = feature.IndexOf('.', StringComparison.Ordinal);
        if (namespaces.ValueKind == JsonValueKind.Object && namespaces.TryGetProperty(feature.AsSpan(0, dot), out JsonElement ns)
            && ns.ValueKind == JsonValueKind.Object && ns.TryGetProperty(feature.AsSpan(dot + 1), out JsonElement value))
        {
            return value.ValueKind switch
            {
                JsonValueKind.String => $"{feature}={value.GetString()}",
                JsonValueKind.Number => $"{feature}={value.GetRawText()}",
                _ => null,
            };
        }

        return null;
    }

    /// <summary>The learner's probabilities for an example, in a buffer of the loop's (valid until the next call; under the lock).</summary>
    private Span<float> Scores(CbExample example)
    {
        Span<float> pmf = Buffer(example.Actions.Count);
        _learner.Predict(example, pmf);
        return pmf;
    }

    /// <summary>The loop's probability buffer, grown to at least k (under the lock).</summary>
    private Span<float> Buffer(int k)
    {
        if (_pmf.Length < k)
        {
            _pmf = new float[Math.Max(k, 2 * _pmf.Length)];
        }

        return _pmf.AsSpan(0, k);
    }

    /// <summary>The waiting event's decision, parsed again from its request, labelled with its choice and the cost −reward.</summary>
    private static CbExample? Labelled(PendingEvent e, double reward)
        => DsJsonReader.ParseEvent(e.Request) is { } x ? x with { Label = new CbLabel(e.Chosen, (float)-reward, e.Probability) } : null;

    private void Untrack(string eventId)
    {
        if (_pending.Remove(eventId, out PendingEvent? e))
        {
            _counters = _counters with { Events = _counters.Events - 1, Explored = _counters.Explored - (e.Explored ? 1 : 0) };
        }
    }

    private void Join(PendingEvent e, double value)
    {
        e.Value = Settings.Join(e.Value, e.Rewards, value);
        e.Rewards++;
    }

    private void Track(string eventId, byte[] request, EmbeddingKeys? keys, int chosen, float probability, long timestamp, bool explored, bool deferred, bool committed)
    {
        long deadline = Settings.Deadline(timestamp);
        long sequence = _sequence++;
        _pending[eventId] = new PendingEvent(request, chosen, probability, timestamp, deadline, sequence, explored, deferred) { Committed = committed, Keys = keys };
        _deadlines.Enqueue(eventId, (deadline, sequence));
        _counters = _counters with { Events = _counters.Events + 1, Explored = _counters.Explored + (explored ? 1 : 0) };
    }

    /// <summary>An event's embedding keys: the user's, and each action's item's (null where absent).</summary>
    private readonly record struct EmbeddingKeys(string? User, string?[] Items);

    private sealed class PendingEvent(byte[] request, int chosen, float probability, long timestamp, long deadline, long sequence, bool explored, bool deferred)
    {
        public byte[] Request { get; } = request;

        /// <summary>The rank's time (ms).</summary>
        public long Timestamp { get; } = timestamp;

        /// <summary>With an embedding table: the request's keys, extracted when it was ranked.</summary>
        public EmbeddingKeys? Keys { get; init; }

        public int Chosen { get; } = chosen;

        public float Probability { get; } = probability;

        public long Deadline { get; } = deadline;

        public long Sequence { get; } = sequence;

        public bool Explored { get; } = explored;

        public bool Deferred { get; } = deferred;

        /// <summary>Learnable: not deferred, or activated (activation committed).</summary>
        public bool Active { get; set; } = !deferred;

        public bool Committed { get; set; }

        public int InFlight { get; set; }

        public int Rewards { get; set; }

        public double Value { get; set; }
    }
}
