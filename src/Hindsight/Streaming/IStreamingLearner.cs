namespace Hindsight.Streaming;

/// <summary>A single-pass streaming bandit learner: it drives a <see cref="StreamingPass"/> until the budget is spent.</summary>
public interface IStreamingLearner
{
    /// <summary>The slots it needs (the arm being read included).</summary>
    int Memory { get; }

    /// <summary>Spends the pass's whole budget.</summary>
    /// <param name="pass">The pass (its memory bound is at least <see cref="Memory"/>).</param>
    void Run(StreamingPass pass);
}
