namespace Hindsight.Dueling;

/// <summary>The result of a <see cref="DuelingStudy"/>.</summary>
/// <param name="Study">The study.</param>
/// <param name="Checkpoints">The rounds measured.</param>
/// <param name="Pairs">Environment-major, learner-minor, in spec order.</param>
public sealed record DuelingStudyResult(DuelingStudy Study, IReadOnlyList<long> Checkpoints, IReadOnlyList<DuelingPairResult> Pairs);
