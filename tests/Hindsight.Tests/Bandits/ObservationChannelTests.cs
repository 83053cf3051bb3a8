using Hindsight.Bandits;
using Hindsight.Bandits.Environments;

namespace Hindsight.Tests.Bandits;

public class ObservationChannelTests
{
    [Fact]
    public void Looks_are_counted_and_refused_past_the_budget_or_outside_a_round()
    {
        var env = new RewardTableEnvironment([[0.1, 0.9], [0.3, 0.7]]);
        var channel = new ObservationChannel(env.Start(1, 0), 3);
        Assert.Throws<InvalidOperationException>(() => channel.Observe(0));
        channel.Begin(1);
        Assert.Equal(0.9, channel.Observe(1));
        channel.Begin(2);
        Assert.Equal(0.3, channel.Observe(0));
        Assert.Equal(0.7, channel.Observe(1));
        Assert.Equal(3, channel.Used);
        Assert.Equal(0, channel.Remaining);
        Assert.Throws<InvalidOperationException>(() => channel.Observe(0));
        var other = new ObservationChannel(env.Start(1, 0), 5);
        other.Begin(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => other.Observe(2));
    }
}
