using Hindsight.Bandits.Policies;
using Hindsight.Numerics;

namespace Hindsight.Preferences.Learners;

/// <summary>
/// The state every tabular preference learner keeps: log π(· | x) per prompt (normalized), the game, β and the
/// iteration count, with the helpers the updates share.
/// </summary>
public abstract class PreferenceLearner : IPreferenceLearner
{
    private readonly SeededRandom _rng = new(0);
    private PreferenceGame? _game;
    private double[]? _scratch;

    /// <summary>
    /// How preferences are learnt: 0 (the default) uses the exact preference probabilities; n &gt; 0 uses n sampled
    /// comparisons — the Nash learners estimate each response's win rate P(y ≻ π) from n duels against responses drawn
    /// from π, the DPO family takes its gradient from n pairs drawn from its pair distribution and labelled by one duel
    /// each — the feedback a preference oracle (human or AI rater) gives.
    /// </summary>
    public int Samples { get; init; }

    /// <summary>Seed of the sampled duels (with <see cref="Samples"/> &gt; 0).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The game (after <see cref="Reset"/>).</summary>
    protected PreferenceGame Game => _game ?? throw new InvalidOperationException("Reset the learner on a game first.");

    /// <summary>β.</summary>
    protected double Beta { get; private set; }

    /// <summary>Iterations run since the reset.</summary>
    protected long Iteration { get; private set; }

    /// <summary>log π(· | x) per prompt, normalized.</summary>
    protected double[][] LogPolicy { get; private set; } = [];

    /// <summary>log μ(· | x) per prompt.</summary>
    protected double[][] LogReference { get; private set; } = [];

    /// <inheritdoc />
    public TabularPolicy Policy => TabularPolicy.FromLogits(LogPolicy);

    /// <inheritdoc />
    public void AddPolicyTo(double[][] sum)
    {
        ArgumentNullException.ThrowIfNull(sum);
        double[] scratch = _scratch ??= new double[LogPolicy.Max(z => z.Length)];
        for (int x = 0; x < sum.Length; x++)
        {
            Span<double> row = scratch.AsSpan(0, LogPolicy[x].Length);
            TabularPolicy.Softmax(LogPolicy[x], row); // as Policy computes it, without building one
            for (int y = 0; y < row.Length; y++)
            {
                sum[x][y] += row[y];
            }
        }
    }

    /// <inheritdoc />
    public virtual void Reset(PreferenceGame game, double beta)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentOutOfRangeException.ThrowIfNegative(beta);
        ArgumentOutOfRangeException.ThrowIfNegative(Samples);
        _game = game;
        _scratch = null; // sized to this game's largest response set on first use
        _rng.Reseed(Seed);
        Beta = beta;
        Iteration = 0;
        LogReference = [.. Enumerable.Range(0, game.Prompts).Select(x => game.ReferenceOf(x).ToArray().Select(m => Math.Log(m)).ToArray())];
        LogPolicy = [.. LogReference.Select(r => (double[])r.Clone())];
    }

    /// <inheritdoc />
    public void Step()
    {
        for (int x = 0; x < Game.Prompts; x++)
        {
            Update(x, LogPolicy[x]);
            Normalize(LogPolicy[x]);
        }

        Iteration++;
    }

    /// <summary>One iteration's update of one prompt's log-policy (normalized afterwards).</summary>
    /// <param name="prompt">x.</param>
    /// <param name="logPolicy">log π(· | x), updated in place.</param>
    protected abstract void Update(int prompt, double[] logPolicy);

    /// <summary>π = softmax(log π).</summary>
    /// <param name="logPolicy">Log-probabilities (up to a constant).</param>
    /// <returns>The probabilities.</returns>
    protected static double[] Probabilities(ReadOnlySpan<double> logPolicy)
    {
        double[] p = new double[logPolicy.Length];
        TabularPolicy.Softmax(logPolicy, p);
        return p;
    }

    /// <summary>P(y ≻ π | x) for every response y: exact, or estimated from <see cref="Samples"/> sampled duels each.</summary>
    /// <param name="prompt">x.</param>
    /// <param name="policy">π(· | x).</param>
    /// <returns>The win rates.</returns>
    protected double[] WinRates(int prompt, ReadOnlySpan<double> policy)
    {
        double[] v = new double[policy.Length];
        if (Samples == 0)
        {
            Game.WinRates(prompt, policy, v);
            return v;
        }

        for (int y = 0; y < v.Length; y++)
        {
            int wins = 0;
            for (int k = 0; k < Samples; k++)
            {
                if (Duel(prompt, y, Draw(policy)))
                {
                    wins++;
                }
            }

            v[y] = wins / (double)Samples;
        }

        return v;
    }

    /// <summary>A response drawn from a distribution (the learner's seeded stream).</summary>
    /// <param name="distribution">Probabilities summing to 1.</param>
    /// <returns>The response.</returns>
    protected int Draw(ReadOnlySpan<double> distribution) => Sampling.Draw(distribution, 1.0, _rng);

    /// <summary>One comparison by the preference oracle: true when y is preferred to y' (probability P(y ≻ y' | x)).</summary>
    /// <param name="prompt">x.</param>
    /// <param name="y">The first response.</param>
    /// <param name="other">The second response.</param>
    /// <returns>Whether y won.</returns>
    protected bool Duel(int prompt, int y, int other) => _rng.NextDouble() < Game.Preference(prompt, y, other);

    /// <summary>Subtracts log Σ exp(z) so that z holds log-probabilities.</summary>
    /// <param name="z">Logits, normalized in place.</param>
    protected static void Normalize(double[] z)
    {
        double max = z.Max(), sum = 0;
        foreach (double v in z)
        {
            sum += Math.Exp(v - max);
        }

        double log = max + Math.Log(sum);
        for (int i = 0; i < z.Length; i++)
        {
            z[i] -= log;
        }
    }
}
