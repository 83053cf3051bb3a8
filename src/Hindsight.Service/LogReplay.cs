using System.Text;
using System.Text.Json;
using Hindsight.Service.Api;
using Hindsight.Service.Storage;

namespace Hindsight.Service;

/// <summary>
/// Replays a loop's log in event time, as the loop lived it: ranks, activations and rewards are merged by their time
/// stamps (each kind in log order; at equal times the rank first), and before each one the windows whose deadline has
/// passed by its time are closed and learned. So an event whose window ended before another event's reward is learned
/// before it, as live — replaying event by event with all of its rewards at once would learn a "first" reward early.
/// An activation or reward that turns up before its event (the log is in commit order, time stamps nearly so) waits for
/// it.
/// </summary>
internal static class LogReplay
{
    /// <summary>Replays the records (each list in log order) into the loop, then closes what has closed by
    /// <paramref name="now"/>.</summary>
    /// <returns>How many events were replayed.</returns>
    public static int Run(Loop loop, IReadOnlyList<StoredEvent> events, IReadOnlyList<StoredActivation> activations, IReadOnlyList<StoredReward> rewards, long now)
    {
        var restored = new HashSet<string>(StringComparer.Ordinal);
        var held = new Dictionary<string, List<Action>>(StringComparer.Ordinal);
        int e = 0, a = 0, r = 0;
        while (e < events.Count || a < activations.Count || r < rewards.Count)
        {
            long te = e < events.Count ? events[e].Timestamp : long.MaxValue;
            long ta = a < activations.Count ? activations[a].Timestamp : long.MaxValue;
            long tr = r < rewards.Count ? rewards[r].Timestamp : long.MaxValue;
            if (te <= ta && te <= tr)
            {
                StoredEvent x = events[e++];
                loop.CloseWindows(x.Timestamp);
                float[] pmf = JsonSerializer.Deserialize(x.Probabilities, ServiceJson.Default.SingleArray)!;
                loop.Restore(x.EventId, Encoding.UTF8.GetBytes(x.Request), x.Chosen, pmf, x.Timestamp, x.Deferred);
                restored.Add(x.EventId);
                if (held.Remove(x.EventId, out List<Action>? later))
                {
                    later.ForEach(apply => apply());
                }
            }
            else if (ta <= tr)
            {
                StoredActivation x = activations[a++];
                loop.CloseWindows(x.Timestamp);
                After(x.EventId, () => loop.RestoreActivation(x.EventId, x.Timestamp));
            }
            else
            {
                StoredReward x = rewards[r++];
                loop.CloseWindows(x.Timestamp);
                After(x.EventId, () => loop.RestoreReward(x.EventId, x.Value, x.Timestamp));
            }
        }

        loop.CloseWindows(now);
        return events.Count;

        void After(string eventId, Action apply)
        {
            if (restored.Contains(eventId))
            {
                apply();
            }
            else if (held.TryGetValue(eventId, out List<Action>? list))
            {
                list.Add(apply);
            }
            else
            {
                held[eventId] = [apply];
            }
        }
    }
}
