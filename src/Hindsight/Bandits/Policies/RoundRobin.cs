namespace Hindsight.Bandits.Policies;

/// <summary>Plays the arms in turn, 0, 1, …, K − 1, 0, …, whatever it sees: the baseline that switches every round
/// (against a reactive environment it can look good on its own history while every fixed arm would have done better).</summary>
public sealed class RoundRobin : IBanditPolicy
{
    private int _next;

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">K ≥ 1.</param>
    public RoundRobin(int arms)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        Arms = arms;
    }

    /// <inheritdoc />
    public int Arms { get; }

    /// <inheritdoc />
    public void Reset(ulong seed) => _next = 0;

    /// <inheritdoc />
    public int Choose() => _next;

    /// <inheritdoc />
    public void Update(int arm, double reward) => _next = (arm + 1) % Arms;
}
