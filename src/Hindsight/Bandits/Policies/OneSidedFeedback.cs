namespace Hindsight.Bandits.Policies;

/// <summary>
/// One-sided feedback around a K-armed learner: the silent arm (apple tasting's "reject") reveals nothing, so the
/// learner is updated only after pulling another arm. The wrapped learner is unchanged — this shows what happens to an
/// ordinary learner under apple-tasting feedback (an index policy that starts on the silent arm never leaves it: its
/// count stays 0); <see cref="AppleTasting"/> is a learner built for it.
/// </summary>
/// <remarks>Apple tasting: Helmbold, Littlestone and Long, "Apple tasting", Information and Computation 2000; for
/// learners, Bechavod, Jung and Wu, "Individually fair learning with one-sided feedback", ICML 2023 (a seed paper).</remarks>
public sealed class OneSidedFeedback : IBanditPolicy
{
    private readonly IBanditPolicy _inner;

    /// <summary>Wraps a learner.</summary>
    /// <param name="inner">The learner.</param>
    /// <param name="silent">The arm whose reward is never revealed.</param>
    public OneSidedFeedback(IBanditPolicy inner, int silent = 0)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegative(silent);
        if (silent >= inner.Arms)
        {
            throw new ArgumentOutOfRangeException(nameof(silent), $"the silent arm {silent} does not exist: arms are 0..{inner.Arms - 1}");
        }

        _inner = inner;
        Silent = silent;
    }

    /// <inheritdoc />
    public int Arms => _inner.Arms;

    /// <summary>The silent arm.</summary>
    public int Silent { get; }

    /// <inheritdoc />
    public void Reset(ulong seed) => _inner.Reset(seed);

    /// <inheritdoc />
    public int Choose() => _inner.Choose();

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        if (arm != Silent)
        {
            _inner.Update(arm, reward);
        }
    }
}
