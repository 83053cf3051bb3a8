namespace Hindsight.Oco;

/// <summary>Everything an OCO study measured.</summary>
/// <param name="Study">The study.</param>
/// <param name="Checkpoints">The rounds curves are sampled at.</param>
/// <param name="Pairs">One result per (stream, learner) pair, stream-major.</param>
/// <param name="Notes">What a reader needs to know (approximate comparators, restricted meters).</param>
public sealed record OcoResult(OcoStudy Study, IReadOnlyList<long> Checkpoints, IReadOnlyList<OcoPairResult> Pairs, IReadOnlyList<string> Notes);
