namespace Hindsight.Contextual.Learners;

/// <summary>
/// A contextual-bandit learner over ADF examples: it fills a probability vector over the example's actions, then
/// learns from the logged (action, cost, probability).
/// </summary>
public interface IContextualLearner
{
    /// <summary>Fills the probabilities of playing each action of the example.</summary>
    /// <param name="example">The example (its label is not read).</param>
    /// <param name="pmf">Receives one probability per action (length ≥ the number of actions).</param>
    void Predict(CbExample example, Span<float> pmf);

    /// <summary>Learns from the example's label; unlabeled examples are ignored.</summary>
    /// <param name="example">The example.</param>
    void Learn(CbExample example);
}
