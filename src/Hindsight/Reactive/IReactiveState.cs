namespace Hindsight.Reactive;

/// <summary>One run of a <see cref="IReactiveBandit"/>: the history so far and what each arm would pay now.</summary>
public interface IReactiveState
{
    /// <summary>Rounds played so far (the next round is <see cref="Round"/> + 1).</summary>
    long Round { get; }

    /// <summary>The expected reward of playing an arm this round, given the history.</summary>
    /// <param name="arm">The arm.</param>
    /// <returns>Its mean now.</returns>
    double Mean(int arm);

    /// <summary>The realized reward of playing an arm this round, given the history (reading it changes nothing).</summary>
    /// <param name="arm">The arm.</param>
    /// <returns>Its reward now.</returns>
    double Reward(int arm);

    /// <summary>Plays an arm: the round's reward is <see cref="Reward"/>(arm) and the history moves on.</summary>
    /// <param name="arm">The arm.</param>
    void Play(int arm);
}
