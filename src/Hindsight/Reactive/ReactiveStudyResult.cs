namespace Hindsight.Reactive;

/// <summary>The outcome of a <see cref="ReactiveStudy"/>.</summary>
/// <param name="Study">The study.</param>
/// <param name="Learners">Each learner's regrets.</param>
public sealed record ReactiveStudyResult(ReactiveStudy Study, IReadOnlyList<ReactiveLearnerResult> Learners);
