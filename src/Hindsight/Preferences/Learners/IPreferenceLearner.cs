namespace Hindsight.Preferences.Learners;

/// <summary>
/// A learner of a <see cref="PreferenceGame"/>: from the reference policy it improves a tabular policy one iteration at a
/// time. Iterations here are population updates — each uses the exact preference probabilities under the pairs its
/// method would sample — so curves measure the methods themselves, free of sampling noise.
/// </summary>
public interface IPreferenceLearner
{
    /// <summary>Starts over on a game (the policy becomes the reference policy unless the method says otherwise).</summary>
    /// <param name="game">The game.</param>
    /// <param name="beta">β ≥ 0, the weight of KL(π‖μ) in the objective (DPO's and IPO's β/τ, the Nash game's β).</param>
    void Reset(PreferenceGame game, double beta);

    /// <summary>Runs one iteration.</summary>
    void Step();

    /// <summary>The current policy (the last iterate).</summary>
    TabularPolicy Policy { get; }

    /// <summary>Adds the current policy to <paramref name="sum"/>: sum[x][y] += π(y | x) (the running sum behind the
    /// average policy, every iteration — a learner can do it without building a <see cref="TabularPolicy"/>).</summary>
    /// <param name="sum">One array per prompt.</param>
    void AddPolicyTo(double[][] sum)
    {
        ArgumentNullException.ThrowIfNull(sum);
        TabularPolicy policy = Policy;
        for (int x = 0; x < sum.Length; x++)
        {
            for (int y = 0; y < sum[x].Length; y++)
            {
                sum[x][y] += policy[x][y];
            }
        }
    }
}
