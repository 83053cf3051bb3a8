using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Hindsight.Contextual.Features;

/// <summary>
/// How an example's lines become one action's feature vector, as VW builds it for <c>cb_adf</c>: the action's
/// features, the shared features merged in, the quadratic interactions between namespaces (VW's <c>-q sa</c>), and the
/// constant feature; every hash masked to a table of 2^bits weights.
/// </summary>
public sealed class FeatureSpace
{
    private readonly (char First, char Second)[] _interactions;

    /// <summary>Creates a feature space.</summary>
    /// <param name="bits">Weight-table bits b (the table has 2^b entries), 1–30.</param>
    /// <param name="interactions">Pairs of namespace index characters to cross, e.g. "sa" (VW's -q sa).</param>
    /// <param name="constant">Whether to add VW's constant (bias) feature.</param>
    public FeatureSpace(int bits, IEnumerable<string>? interactions = null, bool constant = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 30);
        Bits = bits;
        Mask = (1u << bits) - 1;
        Constant = constant;
        var pairs = new List<(char, char)>();
        foreach (string pair in interactions ?? [])
        {
            if (pair.Length != 2)
            {
                throw new ArgumentException($"An interaction is two namespace characters (like 'sa'), not '{pair}'.", nameof(interactions));
            }

            pairs.Add((pair[0], pair[1]));
        }

        _interactions = [.. pairs];
        Interactions = [.. pairs.Select(p => $"{p.Item1}{p.Item2}")];
    }

    /// <summary>Weight-table bits.</summary>
    public int Bits { get; }

    /// <summary>The index mask 2^b − 1.</summary>
    public uint Mask { get; }

    /// <summary>Whether the constant feature is added.</summary>
    public bool Constant { get; }

    /// <summary>The interactions, as two-character strings.</summary>
    public IReadOnlyList<string> Interactions { get; }

    /// <summary>An upper bound on the features of one action of an example (for sizing buffers).</summary>
    /// <param name="example">The example.</param>
    /// <param name="action">The action index.</param>
    /// <returns>The bound.</returns>
    public int MaxCount(CbExample example, int action)
    {
        ArgumentNullException.ThrowIfNull(example);
        FeatureSet own = example.Actions[action];
        long total = own.Count + example.Shared.Count + (Constant ? 1 : 0);
        foreach (var (first, second) in _interactions)
        {
            total += IndexCount(own, example.Shared, first) * IndexCount(own, example.Shared, second);
        }

        return total <= Array.MaxLength
            ? (int)total
            : throw new ArgumentException($"line {example.Line}: action {action} would have {total} features with its interactions, more than an array holds", nameof(example));
    }

    private static long IndexCount(FeatureSet own, FeatureSet shared, char index)
    {
        long n = 0;
        foreach (FeatureGroup g in own.GroupSpan)
        {
            n += g.Index == index ? g.Count : 0;
        }

        foreach (FeatureGroup g in shared.GroupSpan)
        {
            n += g.Index == index ? g.Count : 0;
        }

        return n;
    }

    /// <summary>Writes one action's masked feature indices and values; returns how many were written.</summary>
    /// <param name="example">The example.</param>
    /// <param name="action">The action index.</param>
    /// <param name="indices">Receives the masked indices.</param>
    /// <param name="values">Receives the values.</param>
    /// <returns>The number of features.</returns>
    public int Build(CbExample example, int action, Span<int> indices, Span<float> values)
    {
        ArgumentNullException.ThrowIfNull(example);
        FeatureSet own = example.Actions[action];
        FeatureSet shared = example.Shared;
        int n = 0;
        n = Append(own, indices, values, n);
        n = Append(shared, indices, values, n);
        foreach (var (first, second) in _interactions)
        {
            n = Cross(own, shared, first, second, indices, values, n);
        }

        if (Constant)
        {
            indices[n] = (int)(VwHash.Constant & Mask);
            values[n] = 1f;
            n++;
        }

        return n;
    }

    /// <summary>
    /// The dot product of one action's features with a weight table, computed while the features are generated
    /// (nothing is stored): the same features, in the same order, as <see cref="Build"/>.
    /// </summary>
    /// <param name="example">The example.</param>
    /// <param name="action">The action index.</param>
    /// <param name="weights">The weight table (2^bits entries).</param>
    /// <returns>Σ wᵢ xᵢ.</returns>
    public float Score(CbExample example, int action, ReadOnlySpan<float> weights)
    {
        ArgumentNullException.ThrowIfNull(example);
        CheckTable(weights);
        return Score(example, action, weights, Dot(example.Shared, weights, Mask));
    }

    /// <summary>
    /// <see cref="Score(CbExample, int, ReadOnlySpan{float})"/> for every action, with the shared features' part of the
    /// dot product computed once (the same sums, bit for bit).
    /// </summary>
    /// <param name="example">The example.</param>
    /// <param name="weights">The weight table (2^bits entries).</param>
    /// <param name="scores">Receives one score per action.</param>
    public void ScoreAll(CbExample example, ReadOnlySpan<float> weights, Span<float> scores)
    {
        ArgumentNullException.ThrowIfNull(example);
        CheckTable(weights);
        float shared = Dot(example.Shared, weights, Mask);
        for (int a = 0; a < example.Actions.Count; a++)
        {
            scores[a] = Score(example, a, weights, shared);
        }
    }

    private void CheckTable(ReadOnlySpan<float> weights)
    {
        if (weights.Length != (int)Mask + 1)
        {
            throw new ArgumentException($"The weight table has {weights.Length} entries; this feature space needs 2^{Bits}.", nameof(weights));
        }
    }

    private float Score(CbExample example, int action, ReadOnlySpan<float> weights, float sharedDot)
    {
        FeatureSet own = example.Actions[action];
        FeatureSet shared = example.Shared;
        uint mask = Mask;
        float sum = Dot(own, weights, mask) + sharedDot;
        ref float w0 = ref MemoryMarshal.GetReference(weights);
        foreach (var (first, second) in _interactions)
        {
            var pairs = new GroupPairs(own.GroupSpan, shared.GroupSpan, first, second);
            while (pairs.MoveNext(out FeatureGroup a, out FeatureGroup b, out bool sameGroup))
            {
                ReadOnlySpan<uint> ha = a.HashSpan, hb = b.HashSpan;
                ReadOnlySpan<float> va = a.ValueSpan, vb = b.ValueSpan;
                for (int i = 0; i < ha.Length; i++)
                {
                    uint left = ha[i] * VwHash.FnvPrime;
                    float inner = 0f;
                    for (int j = sameGroup ? i : 0; j < hb.Length; j++)
                    {
                        // The mask keeps the index inside the 2^bits table, so the bounds check is not needed.
                        inner += Unsafe.Add(ref w0, (int)((left ^ hb[j]) & mask)) * vb[j];
                    }

                    sum += va[i] * inner;
                }
            }
        }

        if (Constant)
        {
            sum += weights[(int)(VwHash.Constant & mask)];
        }

        return sum;
    }

    private static float Dot(FeatureSet set, ReadOnlySpan<float> weights, uint mask)
    {
        float sum = 0f;
        foreach (FeatureGroup g in set.GroupSpan)
        {
            ReadOnlySpan<uint> hashes = g.HashSpan;
            ReadOnlySpan<float> values = g.ValueSpan;
            for (int i = 0; i < hashes.Length; i++)
            {
                sum += weights[(int)(hashes[i] & mask)] * values[i];
            }
        }

        return sum;
    }

    private int Append(FeatureSet set, Span<int> indices, Span<float> values, int n)
    {
        foreach (FeatureGroup g in set.GroupSpan)
        {
            ReadOnlySpan<uint> hashes = g.HashSpan;
            ReadOnlySpan<float> vals = g.ValueSpan;
            for (int i = 0; i < hashes.Length; i++)
            {
                indices[n] = (int)(hashes[i] & Mask);
                values[n] = vals[i];
                n++;
            }
        }

        return n;
    }

    private int Cross(FeatureSet own, FeatureSet shared, char first, char second, Span<int> indices, Span<float> values, int n)
    {
        var pairs = new GroupPairs(own.GroupSpan, shared.GroupSpan, first, second);
        while (pairs.MoveNext(out FeatureGroup a, out FeatureGroup b, out bool sameGroup))
        {
            ReadOnlySpan<uint> ha = a.HashSpan, hb = b.HashSpan;
            ReadOnlySpan<float> va = a.ValueSpan, vb = b.ValueSpan;
            for (int i = 0; i < ha.Length; i++)
            {
                uint left = ha[i] * VwHash.FnvPrime;
                float lv = va[i];
                for (int j = sameGroup ? i : 0; j < hb.Length; j++)
                {
                    indices[n] = (int)((left ^ hb[j]) & Mask);
                    values[n] = lv * vb[j];
                    n++;
                }
            }
        }

        return n;
    }

    /// <summary>
    /// The namespace pairs one interaction crosses for one action. The namespaces of an action's line are its own and
    /// the shared ones (merged, as VW's shared_feature_merger does); a pair is (a, b) with a's index character the
    /// interaction's first and b's its second. A namespace index crossed with itself (<c>-q aa</c>) gives each unordered
    /// pair of features once, a feature with itself included — VW's default "combinations with repetition" (without
    /// <c>--permutations</c>): b runs from a's position on, and within one group the inner loop starts at the outer
    /// feature (<c>SameGroup</c>). Score and Build both enumerate through this, so they generate the same features.
    /// </summary>
    private ref struct GroupPairs(ReadOnlySpan<FeatureGroup> own, ReadOnlySpan<FeatureGroup> shared, char first, char second)
    {
        private readonly ReadOnlySpan<FeatureGroup> _own = own;
        private readonly ReadOnlySpan<FeatureGroup> _shared = shared;
        private int _x;
        private int _y = -1;

        private readonly int Total => _own.Length + _shared.Length;

        public bool MoveNext(out FeatureGroup a, out FeatureGroup b, out bool sameGroup)
        {
            for (; _x < Total; _x++)
            {
                a = Group(_x);
                if (a.Index != first)
                {
                    continue;
                }

                _y = _y < 0 ? (first == second ? _x : 0) : _y + 1;
                for (; _y < Total; _y++)
                {
                    b = Group(_y);
                    if (b.Index == second)
                    {
                        sameGroup = _y == _x;
                        return true;
                    }
                }

                _y = -1;
            }

            a = b = null!;
            sameGroup = false;
            return false;
        }

        private readonly FeatureGroup Group(int i) => i < _own.Length ? _own[i] : _shared[i - _own.Length];
    }
}
