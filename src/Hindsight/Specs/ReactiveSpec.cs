using Hindsight.Reactive;

namespace Hindsight.Specs;

/// <summary>A reactive-bandit spec (<c>kind: reactive</c>): an environment that reacts to the learner's actions, learners,
/// horizons and runs.</summary>
/// <param name="Study">The study.</param>
public sealed record ReactiveSpec(ReactiveStudy Study) : SpecDocument
{
    /// <inheritdoc />
    public override string Name => Study.Name;
}
