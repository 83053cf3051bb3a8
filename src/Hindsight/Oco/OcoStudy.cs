namespace Hindsight.Oco;

/// <summary>An online convex optimization study: streams × learners × runs of <see cref="Horizon"/> rounds on one domain.</summary>
/// <param name="Name">The study's name.</param>
/// <param name="Description">Free text from the spec (optional).</param>
/// <param name="Horizon">Rounds per run T.</param>
/// <param name="Runs">Runs per (stream, learner) pair.</param>
/// <param name="Seed">The seed.</param>
/// <param name="DomainKind">The domain's kind (<c>ball</c>, <c>box</c>, <c>simplex</c>).</param>
/// <param name="DomainParameters">The domain's parameters.</param>
/// <param name="Domain">The domain K.</param>
/// <param name="Streams">The loss streams.</param>
/// <param name="Learners">The learners.</param>
public sealed record OcoStudy(
    string Name,
    string? Description,
    long Horizon,
    int Runs,
    ulong Seed,
    string DomainKind,
    IReadOnlyList<KeyValuePair<string, object?>> DomainParameters,
    IConvexDomain Domain,
    IReadOnlyList<OcoStreamSetup> Streams,
    IReadOnlyList<OcoLearnerSetup> Learners);
