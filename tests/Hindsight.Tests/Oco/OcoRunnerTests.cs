using Hindsight.Oco;
using Hindsight.Oco.Domains;
using Hindsight.Oco.Environments;

namespace Hindsight.Tests.Oco;

public class OcoRunnerTests
{
    [Fact]
    public void A_failing_run_is_one_exception_that_says_so()
    {
        var ball = new Ball(2);
        var study = new OcoStudy(
            "failing", null, 10, 3, 1, "ball", [], ball,
            [new OcoStreamSetup("linear", "sea-linear", [], new LinearSeaLosses(2, 0, 0, 1))],
            [new OcoLearnerSetup("broken", "ogd", [], (_, _) => throw new InvalidOperationException("the solver did not converge"))]);
        var ex = Assert.Throws<InvalidOperationException>(() => OcoRunner.Run(study, threads: 2));
        Assert.Equal("A run failed: the solver did not converge", ex.Message);
    }
}
