using Hindsight.Bandits;
using MathNet.Numerics.LinearAlgebra;
using Vector = MathNet.Numerics.LinearAlgebra.Vector<double>;

namespace Hindsight.Reactive;

/// <summary>
/// DynLin-UCB (Mussi, Metelli and Restelli, "Dynamical Linear Bandits", ICML 2023), in its essentials: actions are held
/// for blocks whose length grows with the block index and with 1/(1 − ρ̄), ρ̄ an upper bound on ρ(A); the first half of
/// a block lets the hidden state approach its steady state and is discarded, the mean reward over the second half is
/// one sample of the steady-state reward ⟨h, a⟩; h is fitted by ridge regression on those samples and the next block's
/// action maximizes the optimistic index ⟨ĥ, a⟩ + β ‖a‖_{V⁻¹}.
/// </summary>
/// <remarks>Block j lasts Lⱼ = 2⌈ln(j + 2) / (1 − ρ̄)⌉ rounds, so a sample's transient bias shrinks as ρ̄^{Lⱼ/2} while
/// fewer than O(log T/(1 − ρ̄)) rounds a block are spent; β = σ√(2 d ln(j + 2)) + S with ridge λ = 1 and S a bound on
/// ‖h‖ — which grows like ‖B‖‖ω‖/(1 − ρ): the slower the dynamics, the wider the confidence must be. The paper's
/// regret is Õ(d√T/(1 − ρ)^{3/2}); slower dynamics (ρ → 1) cost more.</remarks>
public sealed class DynLinUcb : IBanditPolicy
{
    private readonly Vector[] _actions;
    private readonly double _rhoBound;
    private readonly double _noise;
    private readonly double _bound;
    private Matrix<double> _v;
    private Vector _b;
    private int _block;
    private int _action;
    private long _played;
    private long _length;
    private double _sum;

    /// <summary>Creates the policy.</summary>
    /// <param name="actions">The K action vectors (known to the learner).</param>
    /// <param name="rhoBound">ρ̄ ∈ [0, 1), an upper bound on the spectral radius of A.</param>
    /// <param name="bound">S ≥ 0, a bound on ‖h‖ = ‖θ + Bᵀ(I − Aᵀ)⁻¹ω‖ (e.g. ‖θ‖ + ‖B‖‖ω‖/(1 − ρ̄)).</param>
    /// <param name="noise">σ, the reward noise scale (for the confidence width).</param>
    public DynLinUcb(IReadOnlyList<Vector> actions, double rhoBound, double bound, double noise = 0.1)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count < 1)
        {
            throw new ArgumentException("At least one action.", nameof(actions));
        }

        if (!(rhoBound >= 0 && rhoBound < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rhoBound), rhoBound, "ρ̄ must lie in [0, 1).");
        }

        if (!(noise >= 0) || double.IsInfinity(noise))
        {
            throw new ArgumentOutOfRangeException(nameof(noise), noise, "σ must be a finite number ≥ 0.");
        }

        if (!(bound >= 0) || double.IsInfinity(bound))
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "S must be a finite number ≥ 0.");
        }

        _actions = [.. actions];
        _bound = bound;
        _rhoBound = rhoBound;
        _noise = noise;
        _v = Matrix<double>.Build.DenseIdentity(_actions[0].Count);
        _b = Vector.Build.Dense(_actions[0].Count);
        Reset(0);
    }

    /// <inheritdoc />
    public int Arms => _actions.Length;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        int d = _actions[0].Count;
        _v = Matrix<double>.Build.DenseIdentity(d);
        _b = Vector.Build.Dense(d);
        _block = -1;
        _played = 0;
        _length = 0;
        NextBlock();
    }

    /// <inheritdoc />
    public int Choose() => _action;

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        _played++;
        if (_played > _length / 2)
        {
            _sum += reward;
        }

        if (_played < _length)
        {
            return;
        }

        Vector a = _actions[_action];
        double sample = _sum / (_length - (_length / 2));
        _v += a.OuterProduct(a);
        _b += sample * a;
        NextBlock();
    }

    private void NextBlock()
    {
        _block++;
        _played = 0;
        _sum = 0;
        _length = 2 * (long)Math.Ceiling(Math.Log(_block + 2) / (1 - _rhoBound));
        Matrix<double> inverse = _v.Inverse();
        Vector h = inverse * _b;
        double beta = (_noise * Math.Sqrt(2 * Math.Log(_block + 2) * h.Count)) + _bound;
        double best = double.NegativeInfinity;
        for (int k = 0; k < _actions.Length; k++)
        {
            Vector a = _actions[k];
            double index = h.DotProduct(a) + (beta * Math.Sqrt(a.DotProduct(inverse * a)));
            if (index > best)
            {
                (best, _action) = (index, k);
            }
        }
    }
}
