using Hindsight.Simulation;

namespace Hindsight.Tests.Simulation;

public class ParallelRunsTests
{
    [Fact]
    public void A_failed_run_is_one_exception_naming_the_cause()
    {
        int[] done = new int[8];
        ParallelRuns.For(done.Length, k => done[k] = k + 1);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], done);
        var ex = Assert.Throws<InvalidOperationException>(() => ParallelRuns.For(8, k =>
        {
            if (k == 5)
            {
                throw new ArgumentException("learner 5 refused the game");
            }
        }));
        Assert.Equal("A run failed: learner 5 refused the game", ex.Message);
        Assert.IsType<ArgumentException>(ex.InnerException);
    }
}
