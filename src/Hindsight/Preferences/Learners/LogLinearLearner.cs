namespace Hindsight.Preferences.Learners;

/// <summary>
/// A learner whose policy is log-linear in the game's context features, π_θ(y | x) ∝ μ(y | x) exp(θᵀφ(x, y)), with one θ
/// shared by every prompt — so what it learns on the training prompts carries over to prompts it never saw
/// (<see cref="PolicyOn"/>). The implicit reward log π/μ differs between two responses by θᵀ(φ_y − φ_{y'}).
/// </summary>
public abstract class LogLinearLearner : IPreferenceLearner
{
    private PreferenceGame? _game;

    /// <summary>θ.</summary>
    public double[] Theta { get; private set; } = [];

    /// <summary>The training game.</summary>
    protected PreferenceGame Game => _game ?? throw new InvalidOperationException("Reset the learner on a game first.");

    /// <summary>β.</summary>
    protected double Beta { get; private set; }

    /// <inheritdoc />
    public TabularPolicy Policy => PolicyOn(Game);

    /// <inheritdoc />
    public virtual void Reset(PreferenceGame game, double beta)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (game.FeatureDimension == 0)
        {
            throw new ArgumentException("A log-linear learner needs a preference game with context features.", nameof(game));
        }

        if (!(beta > 0))
        {
            throw new ArgumentException("A log-linear preference learner needs β > 0.", nameof(beta));
        }

        _game = game;
        Beta = beta;
        Theta = new double[game.FeatureDimension];
    }

    /// <inheritdoc />
    public abstract void Step();

    /// <summary>The policy on any game with features of the same dimension (e.g. held-out prompts).</summary>
    /// <param name="game">The game.</param>
    /// <returns>π_θ on its prompts.</returns>
    public TabularPolicy PolicyOn(PreferenceGame game)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (game.FeatureDimension != Theta.Length)
        {
            throw new ArgumentException($"The game's features have dimension {game.FeatureDimension}; θ has {Theta.Length}.", nameof(game));
        }

        return new TabularPolicy(Enumerable.Range(0, game.Prompts).Select(x => Probabilities(game, x)));
    }

    /// <summary>π_θ(· | x) on a game.</summary>
    /// <param name="game">The game.</param>
    /// <param name="prompt">x.</param>
    /// <returns>The probabilities.</returns>
    protected double[] Probabilities(PreferenceGame game, int prompt)
    {
        ArgumentNullException.ThrowIfNull(game);
        int n = game.Responses(prompt);
        double[] z = new double[n], p = new double[n];
        for (int y = 0; y < n; y++)
        {
            z[y] = Math.Log(game.ReferenceOf(prompt)[y]) + Dot(Theta, game.Feature(prompt, y));
        }

        TabularPolicy.Softmax(z, p);
        return p;
    }

    /// <summary>⟨u, v⟩.</summary>
    /// <param name="u">u.</param>
    /// <param name="v">v.</param>
    /// <returns>The dot product.</returns>
    protected static double Dot(ReadOnlySpan<double> u, ReadOnlySpan<double> v) => System.Numerics.Tensors.TensorPrimitives.Dot(u, v);
}
