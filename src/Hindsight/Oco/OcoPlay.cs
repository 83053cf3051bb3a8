using System.Numerics.Tensors;
using Hindsight.Oco.Environments;

namespace Hindsight.Oco;

/// <summary>
/// Plays an OCO learner on a stream of linear losses and measures its external regret against the best fixed point in
/// hindsight, computed exactly: for linear losses the comparator minimizes ⟨Gₜ, x⟩ over the domain (Gₜ = Σₛ≤ₜ gₛ).
/// </summary>
public static class OcoPlay
{
    /// <summary>
    /// Plays T rounds; returns the regret Σₛ≤ₜ ⟨gₛ, xₛ⟩ − min_{x ∈ K} ⟨Gₜ, x⟩ at each checkpoint. Allocates only at the start.
    /// </summary>
    /// <param name="learner">The learner (reset here).</param>
    /// <param name="stream">The losses.</param>
    /// <param name="domain">The domain the comparator ranges over (the learner's).</param>
    /// <param name="checkpoints">Increasing rounds; the last is the horizon.</param>
    /// <param name="seed">The learner's seed.</param>
    /// <returns>The regret at each checkpoint.</returns>
    public static double[] Linear(IOcoLearner learner, LinearSeaStream stream, IConvexDomain domain, ReadOnlySpan<long> checkpoints, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(domain);
        int d = domain.Dimension;
        if (learner.Dimension != d || stream.Dimension != d)
        {
            throw new ArgumentException($"Dimensions differ: learner {learner.Dimension}, stream {stream.Dimension}, domain {d}.");
        }

        learner.Reset(seed);
        double[] x = new double[d], g = new double[d], total = new double[d], best = new double[d];
        double[] regret = new double[checkpoints.Length];
        double loss = 0;
        int c = 0;
        for (long t = 1; c < checkpoints.Length; t++)
        {
            learner.Predict(x);
            stream.Loss(t, g);
            loss += TensorPrimitives.Dot<double>(g, x);
            TensorPrimitives.Add(total, g, total);
            learner.Update(g);
            if (t == checkpoints[c])
            {
                domain.MinimizeLinear(total, best);
                regret[c++] = loss - TensorPrimitives.Dot<double>(total, best);
            }
        }

        return regret;
    }
}
