using Hindsight.Bandits.Environments;
using Hindsight.Regret;

namespace Hindsight.Tests.Regret;

public class SwitchingRegretMeterTests
{
    [Fact]
    public void Is_pseudo_regret_plus_lambda_per_switch()
    {
        // Means 0.7 and 0.4; arms played 0, 1, 1, 0: pseudo-regret 0.6, 2 switches; λ = 0.5 → 1.6.
        var env = new BernoulliEnvironment([0.7, 0.4]);
        var meter = new SwitchingRegretMeter(0.5);
        meter.Start(env.Start(1, 0));
        int[] arms = [0, 1, 1, 0];
        for (int t = 0; t < arms.Length; t++)
        {
            meter.Observe(t + 1, arms[t], 0);
        }

        Assert.Equal(1.6, meter.Value, 12);
        Assert.Equal("switching", Meters.Create("switching", 0.5).Name);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SwitchingRegretMeter(-1));
    }
}
