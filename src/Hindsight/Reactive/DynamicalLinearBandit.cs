using Hindsight.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Vector = MathNet.Numerics.LinearAlgebra.Vector<double>;

namespace Hindsight.Reactive;

/// <summary>
/// A dynamical linear bandit (Mussi, Metelli and Restelli, "Dynamical Linear Bandits", ICML 2023): a hidden state
/// evolves as xₜ₊₁ = A xₜ + B aₜ + ηₜ and the reward is yₜ = ⟨ω, xₜ⟩ + ⟨θ, aₜ⟩ + εₜ, for actions aₜ from a finite set
/// of vectors. With ρ(A) &lt; 1, playing a for ever earns the steady-state reward ⟨h, a⟩, h = θ + Bᵀ(I − Aᵀ)⁻¹ω — the
/// action that is best at once (largest ⟨θ, a⟩) need not be the one that is best in the long run.
/// </summary>
/// <remarks>Noise: εₜ ~ N(0, σ²) and ηₜ ~ N(0, σₓ² I), addressed by (seed, run, round) — the same in every replay.
/// The state starts at 0.</remarks>
public sealed class DynamicalLinearBandit : IReactiveBandit
{
    private readonly Matrix<double> _a;
    private readonly Matrix<double> _b;
    private readonly Vector _omega;
    private readonly Vector _theta;
    private readonly Vector[] _actions;
    private readonly Vector[] _pushes; // B aₖ, the state increment of each action
    private readonly double _noise;
    private readonly double _stateNoise;

    /// <summary>Creates the bandit.</summary>
    /// <param name="a">A, n × n, spectral radius &lt; 1.</param>
    /// <param name="b">B, n × d.</param>
    /// <param name="omega">ω ∈ ℝⁿ.</param>
    /// <param name="theta">θ ∈ ℝᵈ.</param>
    /// <param name="actions">The K action vectors in ℝᵈ.</param>
    /// <param name="noise">σ ≥ 0 of the reward noise.</param>
    /// <param name="stateNoise">σₓ ≥ 0 of the state noise.</param>
    /// <exception cref="ArgumentException">Shapes disagree or ρ(A) ≥ 1.</exception>
    public DynamicalLinearBandit(Matrix<double> a, Matrix<double> b, Vector omega, Vector theta, IReadOnlyList<Vector> actions, double noise = 0.1, double stateNoise = 0.0)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(omega);
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(actions);
        int n = a.RowCount, d = theta.Count;
        if (a.ColumnCount != n || b.RowCount != n || b.ColumnCount != d || omega.Count != n || actions.Count < 1 || actions.Any(x => x.Count != d))
        {
            throw new ArgumentException($"Shapes: A must be n × n, B n × d, ω of length n, θ and every action of length d (n = {n}, d = {d}).", nameof(b));
        }

        double rho = a.Evd().EigenValues.Max(e => e.Magnitude);
        if (!(rho < 1))
        {
            throw new ArgumentException($"The spectral radius of A is {rho:G4}; the dynamics must be stable (ρ < 1).", nameof(a));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(noise);
        ArgumentOutOfRangeException.ThrowIfNegative(stateNoise);
        _a = a.Clone();
        _b = b.Clone();
        _omega = omega.Clone();
        _theta = theta.Clone();
        _actions = [.. actions.Select(x => x.Clone())];
        _pushes = [.. _actions.Select(x => _b * x)];
        _noise = noise;
        _stateNoise = stateNoise;
        SpectralRadius = rho;
        SteadyState = _theta + (_b.TransposeThisAndMultiply((Matrix<double>.Build.DenseIdentity(n) - _a.Transpose()).Solve(_omega)));
    }

    /// <inheritdoc />
    public int Arms => _actions.Length;

    /// <summary>σ, the reward noise scale.</summary>
    public double Noise => _noise;

    /// <summary>ρ(A).</summary>
    public double SpectralRadius { get; }

    /// <summary>h = θ + Bᵀ(I − Aᵀ)⁻¹ω: the steady-state reward of action a is ⟨h, a⟩.</summary>
    public Vector SteadyState { get; }

    /// <summary>The action vectors.</summary>
    public IReadOnlyList<Vector> Actions => _actions;

    /// <summary>‖θ‖ + ‖B‖₂‖ω‖/(1 − ρ̄) ≥ ‖h‖ for any ρ̄ ≥ ρ(A) when A is normal (e.g. ρI): the bound S a learner that
    /// knows norm bounds on the model would use.</summary>
    /// <param name="rhoBound">ρ̄ ∈ [ρ(A), 1).</param>
    /// <returns>S.</returns>
    public double SteadyStateBound(double rhoBound) => _theta.L2Norm() + (_b.L2Norm() * _omega.L2Norm() / (1 - rhoBound));

    /// <summary>The action with the largest steady-state reward ⟨h, a⟩.</summary>
    public int BestSteadyAction => Enumerable.Range(0, Arms).MaxBy(k => SteadyState.DotProduct(_actions[k]));

    /// <summary>The action with the largest immediate reward ⟨θ, a⟩ (what a learner blind to the state would pick).</summary>
    public int BestImmediateAction => Enumerable.Range(0, Arms).MaxBy(k => _theta.DotProduct(_actions[k]));

    /// <summary>A planar example: A = ρ I (2 × 2), B = I, K actions evenly on the unit circle, θ = (1, 0) and ω = (−c, c):
    /// the state pulls the long-run best action away from the immediately best one, more so as ρ → 1.</summary>
    /// <param name="rho">ρ ∈ [0, 1).</param>
    /// <param name="arms">K ≥ 2.</param>
    /// <param name="coupling">c ≥ 0.</param>
    /// <param name="noise">σ.</param>
    /// <returns>The bandit.</returns>
    public static DynamicalLinearBandit Planar(double rho, int arms = 8, double coupling = 0.3, double noise = 0.1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 2);
        var build = Matrix<double>.Build;
        return new DynamicalLinearBandit(
            build.DenseIdentity(2) * rho,
            build.DenseIdentity(2),
            Vector.Build.DenseOfArray([-coupling, coupling]),
            Vector.Build.DenseOfArray([1.0, 0.0]),
            [.. Enumerable.Range(0, arms).Select(k => Vector.Build.DenseOfArray([Math.Cos(2 * Math.PI * k / arms), Math.Sin(2 * Math.PI * k / arms)]))],
            noise);
    }

    /// <inheritdoc />
    public IReactiveState Start(ulong seed, long run) => new State(this, CounterRng.Key(seed, run, CounterRng.Hash("dynamical-linear")));

    private sealed class State(DynamicalLinearBandit bandit, ulong key) : IReactiveState
    {
        private Vector _x = Vector.Build.Dense(bandit._a.RowCount);
        private Vector _next = Vector.Build.Dense(bandit._a.RowCount);

        public long Round { get; private set; }

        public double Mean(int arm)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)arm, (uint)bandit.Arms, nameof(arm));
            return bandit._omega.DotProduct(_x) + bandit._theta.DotProduct(bandit._actions[arm]);
        }

        // The reward noise of a round is one draw shared by all actions: a replay under other actions meets it too.
        public double Reward(int arm) => Mean(arm) + (bandit._noise == 0 ? 0 : bandit._noise * CounterRng.Normal(key, Round, 0));

        public void Play(int arm)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)arm, (uint)bandit.Arms, nameof(arm));
            bandit._a.Multiply(_x, _next); // into a kept buffer: no vector per round
            _next.Add(bandit._pushes[arm], _next);
            if (bandit._stateNoise > 0)
            {
                for (int i = 0; i < _next.Count; i++)
                {
                    _next[i] += bandit._stateNoise * CounterRng.Normal(key, Round, i + 1);
                }
            }

            (_x, _next) = (_next, _x);
            Round++;
        }
    }
}
