using System.Text.Json;
using Hindsight.Service.Storage;

namespace Hindsight.Service;

/// <summary>
/// A loop's log as DSJson, one decision per line, in the shape Personalizer exported and <c>hindsight cb</c> / <c>ope</c>
/// read: <c>_label_cost</c> (−reward), <c>_label_probability</c>, <c>_labelIndex</c>, <c>_label_Action</c>,
/// <c>Timestamp</c>, <c>EventId</c>, <c>a</c> (1-based action indices, the chosen first), <c>p</c> (their probabilities)
/// and <c>c</c> (the context and <c>_multi</c> as ranked).
/// </summary>
/// <remarks>Only events whose reward window has closed are written, each with its reward joined as the loop joins it
/// (the sum or the first of those stamped inside the window; the default reward when none was). A deferred event not
/// activated inside its window carries <c>_skipLearn: true</c>, as Personalizer logged it, so readers ignore it.</remarks>
internal static class DsJsonExport
{
    /// <summary>Writes the closed events of a loop.</summary>
    /// <param name="store">The store.</param>
    /// <param name="loop">The loop's name.</param>
    /// <param name="settings">Its settings (window, aggregation, default reward).</param>
    /// <param name="now">Events whose window closed by this time (ms since the epoch) are written.</param>
    /// <param name="output">Receives UTF-8 lines.</param>
    /// <returns>How many events were written.</returns>
    public static int Write(EventStore store, string loop, LoopSettings settings, long now, Stream output)
    {
        ILookup<string, StoredReward> rewards = store.Rewards(loop).ToLookup(r => r.EventId);
        ILookup<string, StoredActivation> activations = store.Activations(loop).ToLookup(r => r.EventId);
        int count = 0;
        using var w = new Utf8JsonWriter(output);
        foreach (StoredEvent e in store.Events(loop))
        {
            long deadline = settings.Deadline(e.Timestamp);
            if (deadline > now)
            {
                continue;
            }

            double joined = 0;
            int inWindow = 0;
            foreach (StoredReward r in rewards[e.EventId].Where(r => r.Timestamp < deadline))
            {
                joined = settings.Join(joined, inWindow++, r.Value); // in log order, as the loop joined them
            }

            double reward = inWindow == 0 ? settings.DefaultReward : joined;
            float[] pmf = JsonSerializer.Deserialize(e.Probabilities, Api.ServiceJson.Default.SingleArray)!;
            int[] order = [e.Chosen, .. Enumerable.Range(0, pmf.Length).Where(a => a != e.Chosen)];
            using JsonDocument request = JsonDocument.Parse(e.Request);
            w.WriteStartObject();
            if (e.Deferred && !activations[e.EventId].Any(x => x.Timestamp < deadline))
            {
                w.WriteBoolean("_skipLearn", true); // deferred, never activated: not learned, as Personalizer logs it
            }

            w.WriteNumber("_label_cost", -reward);
            w.WriteNumber("_label_probability", pmf[e.Chosen]);
            w.WriteNumber("_labelIndex", e.Chosen);
            w.WriteNumber("_label_Action", e.Chosen + 1);
            w.WriteString("Timestamp", DateTimeOffset.FromUnixTimeMilliseconds(e.Timestamp).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("EventId", e.EventId);
            w.WriteStartArray("a");
            foreach (int a in order)
            {
                w.WriteNumberValue(a + 1);
            }

            w.WriteEndArray();
            w.WritePropertyName("c");
            request.RootElement.GetProperty("c").WriteTo(w);
            w.WriteStartArray("p");
            foreach (int a in order)
            {
                w.WriteNumberValue(pmf[a]);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.Flush();
            output.WriteByte((byte)'\n');
            w.Reset();
            count++;
        }

        return count;
    }
}
