namespace Hindsight.Service.Storage;

/// <summary>
/// Where a model snapshot cut a loop's log: every event at or before <see cref="Position"/> had been learned (or dropped)
/// by the model, except the ones still <see cref="Waiting"/> for their window to close. Replay after the cut restores
/// those and the events written later, with their rewards and activations.
/// </summary>
/// <param name="Position">The last event position (<see cref="EventStore.LastEventPosition"/>) at the cut.</param>
/// <param name="Waiting">The loop's events that were waiting at the cut, by id and rank time (some possibly never
/// written: a retried id whose write was refused is not the event stored under that id).</param>
public sealed record LogCut(long Position, IReadOnlyList<(string Id, long Timestamp)> Waiting)
{
    /// <summary>The cut before the first event: everything comes after it.</summary>
    public static LogCut Start { get; } = new(0, []);
}
