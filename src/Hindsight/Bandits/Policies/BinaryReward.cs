using Hindsight.Numerics;

namespace Hindsight.Bandits.Policies;

/// <summary>Agrawal and Goyal's reduction of a reward in [0, 1] to a Bernoulli success (COLT 2012, Algorithm 2).</summary>
internal static class BinaryReward
{
    /// <summary>True with probability r (clamped to [0, 1]); draws no random number when r is exactly 0 or 1.</summary>
    public static bool IsSuccess(double reward, SeededRandom rng)
    {
        if (reward >= 1.0)
        {
            return true;
        }

        if (reward <= 0.0 || double.IsNaN(reward))
        {
            return false;
        }

        return rng.NextDouble() < reward;
    }
}
