using System.Runtime.CompilerServices;

namespace Hindsight.Numerics;

/// <summary>
/// A seedable, fast <see cref="Random"/> (xoshiro256**, Blackman and Vigna 2018) whose sequence is fixed by
/// its algorithm, so a learner's own randomness reproduces across runtimes. It derives from
/// <see cref="Random"/> so that MathNet.Numerics' samplers (Beta, Gamma, Normal) can draw from it.
/// </summary>
/// <remarks>
/// Written here because <c>new Random(seed)</c> keeps a legacy, slower algorithm for compatibility and its
/// seeded sequence is an implementation detail; xoshiro256** is four lines.
/// </remarks>
public sealed class SeededRandom : Random
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a generator from a 64-bit seed (expanded by SplitMix64).</summary>
    /// <param name="seed">The seed.</param>
    public SeededRandom(ulong seed) => Reseed(seed);

    /// <summary>Restarts the sequence from a seed.</summary>
    /// <param name="seed">The seed.</param>
    public void Reseed(ulong seed)
    {
        _s0 = CounterRng.Mix(seed + 0x9E3779B97F4A7C15UL);
        _s1 = CounterRng.Mix(seed + 0x3C6EF372FE94F82AUL);
        _s2 = CounterRng.Mix(seed + 0xDAA66D2C7DDF743FUL);
        _s3 = CounterRng.Mix(seed + 0x78DDE6E5FD29F054UL);
        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            _s0 = 1;
        }
    }

    /// <summary>Copies the generator's state (four 64-bit words), for saving a learner mid-stream.</summary>
    /// <param name="state">Receives four words.</param>
    public void GetState(Span<ulong> state)
    {
        state[0] = _s0;
        state[1] = _s1;
        state[2] = _s2;
        state[3] = _s3;
    }

    /// <summary>Restores a state saved by <see cref="GetState"/>.</summary>
    /// <param name="state">Four words, not all zero.</param>
    public void SetState(ReadOnlySpan<ulong> state)
    {
        if ((state[0] | state[1] | state[2] | state[3]) == 0)
        {
            throw new ArgumentException("The all-zero state is not a valid xoshiro256** state.", nameof(state));
        }

        (_s0, _s1, _s2, _s3) = (state[0], state[1], state[2], state[3]);
    }

    /// <summary>Returns 64 random bits.</summary>
    /// <returns>The next value of the sequence.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextBits()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Returns a uniform double in [0, 1).</summary>
    /// <returns>The draw.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <inheritdoc />
    protected override double Sample() => NextDouble();

    /// <inheritdoc />
    public override int Next() => (int)(NextBits() >> 33);

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)((NextBits() >> 32) * (ulong)maxValue >> 32);
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue + (int)((NextBits() >> 32) * (ulong)((long)maxValue - minValue) >> 32);
    }

    /// <inheritdoc />
    public override long NextInt64() => (long)(NextBits() >> 1);

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(NextBits() >> 56);
        }
    }
}
