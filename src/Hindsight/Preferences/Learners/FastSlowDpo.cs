namespace Hindsight.Preferences.Learners;

/// <summary>
/// Online DPO with fast–slow chasing (OFS-DPO; Qi et al., "Online DPO: online direct preference optimization with
/// fast-slow chasing", 2024), tabular: two copies of the policy learn from the same online pairs (drawn from the fast
/// copy) with step sizes η_fast &gt; η_slow; whenever the slow copy's DPO loss on those pairs drops below the fast copy's,
/// the two swap roles, so the served (fast) policy is always the one ahead. The paper's LoRA modules and its extra
/// regularization term between the copies have no tabular counterpart and are left out. With sampled pairs
/// (<see cref="PreferenceLearner.Samples"/>) the gradients are sampled but the swap still compares the exact losses.
/// </summary>
/// <param name="fast">η_fast &gt; 0.</param>
/// <param name="slow">η_slow, 0 &lt; η_slow ≤ η_fast.</param>
public sealed class FastSlowDpo(double fast = 40, double slow = 10) : Dpo(fast, online: true)
{
    private readonly double _slowRate = slow;
    private double[][] _slow = [];

    /// <summary>How many times the copies swapped since the reset.</summary>
    public int Swaps { get; private set; }

    /// <inheritdoc />
    public override void Reset(PreferenceGame game, double beta)
    {
        if (!(_slowRate > 0 && _slowRate <= Eta))
        {
            throw new ArgumentException($"OFS-DPO needs 0 < η_slow ≤ η_fast (got {_slowRate} and {Eta}).", nameof(beta));
        }

        base.Reset(game, beta);
        _slow = [.. LogPolicy.Select(z => (double[])z.Clone())];
        Swaps = 0;
    }

    /// <inheritdoc />
    protected override void Update(int prompt, double[] logPolicy)
    {
        double[] pairs = Probabilities(logPolicy);
        double[] slowPolicy = _slow[prompt];
        double[] gFast = Gradient(prompt, logPolicy, pairs), gSlow = Gradient(prompt, slowPolicy, pairs);
        for (int y = 0; y < logPolicy.Length; y++)
        {
            logPolicy[y] -= Eta * gFast[y];
            slowPolicy[y] -= _slowRate * gSlow[y];
        }

        Normalize(slowPolicy);
        if (ExpectedLoss(prompt, slowPolicy, pairs) < ExpectedLoss(prompt, logPolicy, pairs))
        {
            double[] copy = (double[])logPolicy.Clone();
            slowPolicy.CopyTo(logPolicy, 0);
            copy.CopyTo(slowPolicy, 0);
            Swaps++;
        }
    }
}
