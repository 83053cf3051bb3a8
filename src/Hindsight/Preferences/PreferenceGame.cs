using Hindsight.Numerics;
using Hindsight.Games;
using Hindsight.Games.Solvers;
using MathNet.Numerics.LinearAlgebra;

namespace Hindsight.Preferences;

/// <summary>
/// The preference game of Nash learning from human feedback (Munos et al., "Nash learning from human feedback", ICML
/// 2024): prompts x with weights ρ(x), a finite response set per prompt, the probability P(y ≻ y' | x) that response y
/// is preferred to y' (P + Pᵀ = 1, possibly intransitive: no reward explains it), and a reference policy μ(· | x). Two
/// policies play π against π' for the payoff P(π ≻ π') = E_x E_{y~π, y'~π'} P(y ≻ y' | x); with β ≥ 0 the
/// β-regularized game pays P(π ≻ π') − β KL(π‖μ) + β KL(π'‖μ). Its symmetric Nash equilibrium is the target of every
/// Nash learner: for β = 0 the <b>minimax (von Neumann) winner</b> (solved per prompt by the zero-sum LP), for β &gt; 0 the
/// unique <b>β-regularized Nash policy</b> π*_β(y) ∝ μ(y) exp(P(y ≻ π*_β)/β) (solved per prompt by Newton's method on
/// that fixed point, independent of the learners).
/// </summary>
public sealed class PreferenceGame
{
    private readonly double[][] _preference; // per prompt, row-major n × n
    private readonly double[][] _reference;
    private readonly double[] _weights;
    private readonly double[][][]? _features; // per prompt, per response, d values

    /// <summary>Creates a game.</summary>
    /// <param name="preferences">Per prompt, P[y, y'] = P(y ≻ y' | x): in [0, 1], P + Pᵀ = 1 (so ½ on the diagonal).</param>
    /// <param name="reference">Per prompt, μ(· | x) with every probability positive (null: uniform).</param>
    /// <param name="weights">ρ(x) (null: uniform).</param>
    /// <param name="features">Context features φ(x, y) ∈ ℝᵈ per prompt and response, for log-linear policies (null: none).</param>
    /// <exception cref="ArgumentException">Shapes disagree, P is not a preference matrix, or μ is not a positive distribution.</exception>
    public PreferenceGame(IReadOnlyList<double[,]> preferences, IReadOnlyList<double[]>? reference = null, IReadOnlyList<double>? weights = null, IReadOnlyList<IReadOnlyList<double[]>>? features = null)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        if (preferences.Count == 0)
        {
            throw new ArgumentException("A preference game needs at least one prompt.", nameof(preferences));
        }

        _preference = new double[preferences.Count][];
        _reference = new double[preferences.Count][];
        for (int x = 0; x < preferences.Count; x++)
        {
            double[,] p = preferences[x];
            int n = p.GetLength(0);
            if (n < 2 || p.GetLength(1) != n)
            {
                throw new ArgumentException($"prompt {x}: the preference matrix must be square with at least 2 responses.", nameof(preferences));
            }

            _preference[x] = new double[n * n];
            for (int a = 0; a < n; a++)
            {
                for (int b = 0; b < n; b++)
                {
                    double v = p[a, b];
                    if (!(v >= 0 && v <= 1) || Math.Abs(v + p[b, a] - 1) > 1e-9)
                    {
                        throw new ArgumentException($"prompt {x}: P[{a}, {b}] = {v} and P[{b}, {a}] = {p[b, a]}: preferences must lie in [0, 1] and P + Pᵀ = 1.", nameof(preferences));
                    }

                    _preference[x][(a * n) + b] = v;
                }
            }

            double[] mu = reference is null ? [.. Enumerable.Repeat(1.0 / n, n)] : reference[x];
            if (mu.Length != n || mu.Any(v => !(v > 0)) || Math.Abs(mu.Sum() - 1) > 1e-9)
            {
                throw new ArgumentException($"prompt {x}: the reference policy must have {n} positive probabilities summing to 1.", nameof(reference));
            }

            _reference[x] = [.. mu];
        }

        if (features is not null)
        {
            int d = features.Count > 0 && features[0].Count > 0 ? features[0][0].Length : 0;
            if (d < 1 || features.Count != preferences.Count || Enumerable.Range(0, preferences.Count).Any(x => features[x].Count != _reference[x].Length || features[x].Any(f => f.Length != d || f.Any(v => !double.IsFinite(v)))))
            {
                throw new ArgumentException("Features need one finite vector of the same dimension (≥ 1) per prompt and response.", nameof(features));
            }

            _features = [.. features.Select(f => f.Select(v => (double[])v.Clone()).ToArray())];
        }

        _weights = weights is null ? [.. Enumerable.Repeat(1.0 / preferences.Count, preferences.Count)] : [.. weights];
        if (_weights.Length != preferences.Count || _weights.Any(w => !(w >= 0)) || Math.Abs(_weights.Sum() - 1) > 1e-9)
        {
            throw new ArgumentException("Prompt weights must be non-negative, one per prompt, summing to 1.", nameof(weights));
        }
    }

    /// <summary>The number of prompts.</summary>
    public int Prompts => _preference.Length;

    /// <summary>The dimension d of the context features (0 when the game has none).</summary>
    public int FeatureDimension => _features is null ? 0 : _features[0][0].Length;

    /// <summary>φ(x, y).</summary>
    /// <param name="prompt">x.</param>
    /// <param name="response">y.</param>
    /// <returns>The feature vector.</returns>
    /// <exception cref="InvalidOperationException">The game has no features.</exception>
    public ReadOnlySpan<double> Feature(int prompt, int response)
        => (_features ?? throw new InvalidOperationException("This preference game has no context features."))[prompt][response];

    /// <summary>The number of responses to a prompt.</summary>
    /// <param name="prompt">x.</param>
    /// <returns>|Y(x)|.</returns>
    public int Responses(int prompt) => _reference[prompt].Length;

    /// <summary>The largest response set.</summary>
    public int MaxResponses => _reference.Max(r => r.Length);

    /// <summary>ρ(x).</summary>
    /// <param name="prompt">x.</param>
    /// <returns>The prompt's weight.</returns>
    public double Weight(int prompt) => _weights[prompt];

    /// <summary>P(y ≻ y' | x).</summary>
    /// <param name="prompt">x.</param>
    /// <param name="y">The first response.</param>
    /// <param name="other">The second response.</param>
    /// <returns>The probability that y is preferred.</returns>
    public double Preference(int prompt, int y, int other) => _preference[prompt][(y * Responses(prompt)) + other];

    /// <summary>The reference policy μ.</summary>
    public TabularPolicy Reference => new(_reference);

    /// <summary>μ(· | x).</summary>
    /// <param name="prompt">x.</param>
    /// <returns>The reference probabilities.</returns>
    public ReadOnlySpan<double> ReferenceOf(int prompt) => _reference[prompt];

    /// <summary>Win rates against a policy: v_y = P(y ≻ π | x) = Σ_{y'} P(y ≻ y' | x) π(y').</summary>
    /// <param name="prompt">x.</param>
    /// <param name="policy">π(· | x).</param>
    /// <param name="values">Receives one win rate per response.</param>
    public void WinRates(int prompt, ReadOnlySpan<double> policy, Span<double> values)
    {
        int n = Responses(prompt);
        double[] p = _preference[prompt];
        for (int y = 0; y < n; y++)
        {
            double v = 0;
            for (int o = 0; o < n; o++)
            {
                v += p[(y * n) + o] * policy[o];
            }

            values[y] = v;
        }
    }

    /// <summary>P(π ≻ π') = E_x Σ π(y) P(y ≻ y') π'(y').</summary>
    /// <param name="policy">π.</param>
    /// <param name="opponent">π'.</param>
    /// <returns>The probability that π's response is preferred.</returns>
    public double WinRate(TabularPolicy policy, TabularPolicy opponent)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(opponent);
        double total = 0;
        double[] buffer = new double[MaxResponses];
        for (int x = 0; x < Prompts; x++)
        {
            Span<double> v = buffer.AsSpan(0, Responses(x));
            WinRates(x, opponent[x], v);
            double w = 0;
            for (int y = 0; y < v.Length; y++)
            {
                w += policy[x][y] * v[y];
            }

            total += _weights[x] * w;
        }

        return total;
    }

    /// <summary>E_x KL(π(· | x) ‖ π'(· | x)).</summary>
    /// <param name="policy">π.</param>
    /// <param name="other">π'.</param>
    /// <returns>The prompt-weighted KL divergence (+∞ when π puts mass where π' puts none).</returns>
    public double Kl(TabularPolicy policy, TabularPolicy other)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(other);
        double total = 0;
        for (int x = 0; x < Prompts; x++)
        {
            total += _weights[x] * Math.Max(0, KullbackLeibler.Categorical(policy[x], other[x])); // KL ≥ 0; rounding can leave −1e-17
        }

        return total;
    }

    /// <summary>
    /// The duality gap of π in the β-regularized game when both players use it:
    /// DG(π) = max_p f(p, π) − min_q f(π, q) with f(p, q) = P(p ≻ q) − β KL(p‖μ) + β KL(q‖μ), zero exactly at the
    /// β-regularized Nash policy. In closed form per prompt, with v = P π: 2β log Σ_y μ(y) e^{v_y/β} − 1 + 2β KL(π‖μ)
    /// (the Gibbs variational formula and Pᵀπ = 1 − v); for β = 0, 2 max_y v_y − 1 (exploitability against the minimax
    /// winner's value ½).
    /// </summary>
    /// <param name="policy">π.</param>
    /// <param name="beta">β ≥ 0.</param>
    /// <returns>The prompt-weighted duality gap.</returns>
    public double DualityGap(TabularPolicy policy, double beta)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfNegative(beta);
        double total = 0;
        double[] buffer = new double[MaxResponses];
        for (int x = 0; x < Prompts; x++)
        {
            int n = Responses(x);
            Span<double> v = buffer.AsSpan(0, n);
            WinRates(x, policy[x], v);
            double max = double.NegativeInfinity;
            foreach (double value in v)
            {
                max = Math.Max(max, value);
            }

            double gap;
            if (beta == 0)
            {
                gap = (2 * max) - 1;
            }
            else
            {
                double sum = 0;
                ReadOnlySpan<double> mu = _reference[x];
                for (int y = 0; y < n; y++)
                {
                    sum += mu[y] * Math.Exp((v[y] - max) / beta);
                }

                gap = (2 * (max + (beta * Math.Log(sum)))) - 1 + (2 * beta * KullbackLeibler.Categorical(policy[x], mu));
            }

            total += _weights[x] * Math.Max(0, gap);
        }

        return total;
    }

    /// <summary>The minimax (von Neumann) winner: per prompt, the row player's strategy of the symmetric zero-sum game
    /// P − ½ (solved by linear programming; a policy no other policy beats more than half the time).</summary>
    /// <returns>The minimax winner.</returns>
    public TabularPolicy MinimaxWinner()
    {
        var winners = new double[Prompts][];
        for (int x = 0; x < Prompts; x++)
        {
            int n = Responses(x);
            var a = new double[n, n];
            for (int y = 0; y < n; y++)
            {
                for (int o = 0; o < n; o++)
                {
                    a[y, o] = Preference(x, y, o) - 0.5;
                }
            }

            winners[x] = ZeroSumSolver.Solve(NormalFormGame.ZeroSum($"prompt {x}", a)).Strategies[0];
        }

        return new TabularPolicy(winners);
    }

    /// <summary>
    /// The β-regularized Nash policy, per prompt the solution of π(y) ∝ μ(y) exp(P(y ≻ π)/β): damped Newton on the
    /// logits z (π = softmax(log μ + z)) for the residual z − Pπ/β, whose Jacobian I − S·(diag π − ππᵀ)/β (S = P − ½·11ᵀ
    /// antisymmetric) is never singular; continued from β = 1 down to the target by halving, each step accepted only if
    /// it lowers the residual, stopped below 1e-13·max(1, 1/β) (the logits' scale).
    /// </summary>
    /// <param name="beta">β &gt; 0.</param>
    /// <returns>π*_β.</returns>
    /// <exception cref="ArgumentException">Newton's method stalled above 1e-9·max(1, 1/β) (β far too small for double precision).</exception>
    public TabularPolicy RegularizedNash(double beta)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(beta);
        var result = new double[Prompts][];
        for (int x = 0; x < Prompts; x++)
        {
            result[x] = SolveRegularized(x, beta);
        }

        return new TabularPolicy(result);
    }

    /// <summary>
    /// Continuation in β: the fixed point is easy near μ (β ≥ 1), so solve there first, then halve β down to the target,
    /// warm-starting each solve from the last logits scaled by 2 (the logits are P π / β up to a shift).
    /// </summary>
    private double[] SolveRegularized(int x, double beta)
    {
        double[] z = new double[Responses(x)];
        double current = Math.Max(beta, 1);
        while (true)
        {
            double[] p = Newton(x, current, z);
            if (current == beta)
            {
                return p;
            }

            double next = Math.Max(beta, current / 2);
            for (int y = 0; y < z.Length; y++)
            {
                z[y] *= current / next;
            }

            current = next;
        }
    }

    /// <summary>Damped Newton for z − Pπ(z)/β = 0 (up to a shift) from <paramref name="z"/> (updated in place); a step is
    /// taken only if it lowers the residual. Tolerance relative to the logits' scale 1/β.</summary>
    private double[] Newton(int x, double beta, double[] z)
    {
        int n = Responses(x);
        double[] logMu = [.. _reference[x].Select(m => Math.Log(m))];
        double[] p = new double[n], v = new double[n], r = new double[n], trial = new double[n];
        double Residual(double[] logits)
        {
            double[] shifted = new double[n];
            for (int y = 0; y < n; y++)
            {
                shifted[y] = logMu[y] + logits[y];
            }

            TabularPolicy.Softmax(shifted, p);
            WinRates(x, p, v);
            double mean = 0;
            for (int y = 0; y < n; y++)
            {
                r[y] = logits[y] - (v[y] / beta);
                mean += r[y] / n;
            }

            double norm = 0;
            for (int y = 0; y < n; y++)
            {
                r[y] -= mean; // only differences of logits matter
                norm = Math.Max(norm, Math.Abs(r[y]));
            }

            return norm;
        }

        double scale = Math.Max(1, 1 / beta), tolerance = 1e-13 * scale;
        double residual = Residual(z);
        for (int iteration = 0; iteration < 100 && residual > tolerance; iteration++)
        {
            var jacobian = Matrix<double>.Build.Dense(n, n, (a, b) =>
            {
                // ∂(Pπ)_a/∂z_b = Σ_c P[a, c] (π_c δ_cb − π_c π_b) = P[a, b] π_b − v_a π_b.
                double d = ((Preference(x, a, b) * p[b]) - (v[a] * p[b])) / beta;
                return (a == b ? 1 : 0) - d;
            });
            MathNet.Numerics.LinearAlgebra.Vector<double> step = jacobian.Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray([.. r.Select(e => -e)]));
            double next = double.PositiveInfinity;
            for (double damping = 1; damping > 1e-12; damping /= 2)
            {
                for (int y = 0; y < n; y++)
                {
                    trial[y] = z[y] + (damping * step[y]);
                }

                next = Residual(trial);
                if (next < residual)
                {
                    break;
                }
            }

            if (!(next < residual))
            {
                break; // no step lowers the residual: stalled
            }

            Array.Copy(trial, z, n);
            residual = Residual(z);
        }

        residual = Residual(z); // leaves p at z (a rejected trial may have been the last evaluated)
        if (!(residual <= 1e-9 * scale))
        {
            throw new ArgumentException($"prompt {x}: the β-regularized Nash policy for β = {beta} was not found (Newton stopped at residual {residual:G3}); try a larger β.");
        }

        return (double[])p.Clone();
    }
}
