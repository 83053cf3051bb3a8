using System.Runtime.CompilerServices;

namespace Hindsight.Numerics;

/// <summary>
/// A counter-based random number generator: every value is a pure function of a key and a counter,
/// so a reward drawn for (seed, run, round, action) is the same whoever asks for it, in whatever order,
/// on whatever thread. This is what gives common random numbers across learners without storing a table.
/// </summary>
/// <remarks>
/// The output function is the SplitMix64 finalizer (Steele, Lea and Flood, "Fast splittable pseudorandom
/// number generators", OOPSLA 2014) applied to <c>key + counter · γ</c> with γ the 64-bit golden ratio:
/// exactly the SplitMix64 stream of that key read at position <c>counter</c>. It passes BigCrush as a
/// sequence. Written here because no package offers a keyed, allocation-free, counter-addressable generator
/// whose output is fixed by its algorithm rather than by a runtime version.
/// The counter packs (round, action, lane) as <c>round · 2^22 + action · 4 + lane</c>; actions are below 2^20
/// and rounds below 2^42.
/// </remarks>
public static class CounterRng
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>The most actions a counter-addressed draw supports (2^20).</summary>
    public const int MaxActions = 1 << 20;

    /// <summary>The SplitMix64 finalizer: a bijective 64-bit mixing function.</summary>
    /// <param name="z">The value to mix.</param>
    /// <returns>The mixed value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Derives the key of a stream from a seed, a run index and a stream label.</summary>
    /// <param name="seed">The experiment's seed.</param>
    /// <param name="run">The run index (0-based).</param>
    /// <param name="stream">A label that separates independent uses of the same (seed, run).</param>
    /// <returns>A 64-bit key.</returns>
    public static ulong Key(ulong seed, long run, ulong stream)
        => Mix(Mix(Mix(seed + Gamma) ^ ((ulong)run * 0xD1B54A32D192ED03UL)) ^ Mix(stream + 0x632BE59BD9B4E019UL));

    /// <summary>Returns 64 random bits for (key, round, action, lane).</summary>
    /// <param name="key">The stream key from <see cref="Key"/>.</param>
    /// <param name="round">The round (any non-negative value below 2^42).</param>
    /// <param name="action">The action (below 2^20).</param>
    /// <param name="lane">A lane 0–3 when one (round, action) needs several numbers.</param>
    /// <returns>Uniform random bits.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(ulong key, long round, int action, int lane = 0)
    {
        ulong counter = ((ulong)round << 22) | ((ulong)(uint)action << 2) | (uint)(lane & 3);
        return Mix(key + (counter * Gamma));
    }

    /// <summary>Returns a uniform double in [0, 1) with 53 random bits for (key, round, action, lane).</summary>
    /// <param name="key">The stream key.</param>
    /// <param name="round">The round.</param>
    /// <param name="action">The action.</param>
    /// <param name="lane">The lane 0–3.</param>
    /// <returns>A double in [0, 1).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform(ulong key, long round, int action, int lane = 0)
        => (Bits(key, round, action, lane) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Returns a standard normal draw for (key, round, action) by Box–Muller on lanes 0 and 1.</summary>
    /// <param name="key">The stream key.</param>
    /// <param name="round">The round.</param>
    /// <param name="action">The action.</param>
    /// <returns>A draw from N(0, 1).</returns>
    public static double Normal(ulong key, long round, int action)
    {
        double u1 = 1.0 - Uniform(key, round, action, 0); // (0, 1]
        double u2 = Uniform(key, round, action, 1);
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A stable 64-bit hash of a name (FNV-1a, then mixed), for deriving named streams.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The hash.</returns>
    public static ulong Hash(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ulong h = 0xCBF29CE484222325UL;
        foreach (char c in name)
        {
            h ^= c;
            h *= 0x100000001B3UL;
        }

        return Mix(h);
    }
}
