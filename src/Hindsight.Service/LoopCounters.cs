namespace Hindsight.Service;

/// <summary>A loop's counters at one moment.</summary>
/// <param name="Events">Events ranked (or restored).</param>
/// <param name="Closed">Events whose reward window has closed and that were learned.</param>
/// <param name="Rewarded">Closed events that received at least one reward in time.</param>
/// <param name="RewardSum">Σ of the closed events' rewards (the default reward for those that got none).</param>
/// <param name="Explored">Events whose chosen action was not the most probable one.</param>
/// <param name="Inactive">Deferred events whose window closed without an activation (not learned).</param>
/// <param name="Failed">Events whose stored request could not be parsed again when their window closed (not learned;
/// none are expected: every request was parsed when it was ranked).</param>
internal readonly record struct LoopCounters(long Events, long Closed, long Rewarded, double RewardSum, long Explored, long Inactive, long Failed);
