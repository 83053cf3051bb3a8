using Hindsight.Numerics;

namespace Hindsight.Contextual.Environments;

/// <summary>Counter-based draws of unit vectors shared by the synthetic contextual environments.</summary>
internal static class UnitDraws
{
    /// <summary>A direction uniform on the unit sphere (normalized Gaussian), keyed by (key, round).</summary>
    public static void UnitVector(ulong key, long round, Span<double> v)
    {
        double norm = 0;
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = CounterRng.Normal(key, round, i);
            norm += v[i] * v[i];
        }

        norm = Math.Sqrt(norm);
        for (int i = 0; i < v.Length; i++)
        {
            v[i] /= norm;
        }
    }

    /// <summary>A point uniform in the cube [−1, 1]ᵈ, normalized (cheap to draw; every direction occurs).</summary>
    public static void CubeDirection(ulong key, long round, Span<double> v)
    {
        double norm = 0;
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = (2 * CounterRng.Uniform(key, round, i)) - 1;
            norm += v[i] * v[i];
        }

        double scale = norm > 0 ? 1 / Math.Sqrt(norm) : 0;
        for (int i = 0; i < v.Length; i++)
        {
            v[i] *= scale;
        }
    }
}
