namespace Hindsight.Preferences.Learners;

/// <summary>
/// Identity preference optimization (IPO; Azar et al., "A general theoretical paradigm to understand learning from human
/// preferences", AISTATS 2024): the squared loss ℓ(d) = (d − 1/(2β))² on the implicit-reward margin, which regresses the
/// margin to a constant instead of pushing it to infinity on deterministic preferences. Offline or online pairs.
/// </summary>
/// <param name="eta">Gradient step η &gt; 0.</param>
/// <param name="online">Pairs from the current policy.</param>
public sealed class Ipo(double eta = 0.5, bool online = false) : PairwiseLossLearner(eta, online)
{
    /// <inheritdoc />
    public override void Reset(PreferenceGame game, double beta)
    {
        if (!(beta > 0))
        {
            throw new ArgumentException("IPO needs β > 0.", nameof(beta));
        }

        base.Reset(game, beta);
    }

    /// <inheritdoc />
    protected override double Loss(double margin) => (margin - (0.5 / Beta)) * (margin - (0.5 / Beta));

    /// <inheritdoc />
    protected override double Slope(double margin) => 2 * (margin - (0.5 / Beta));
}
