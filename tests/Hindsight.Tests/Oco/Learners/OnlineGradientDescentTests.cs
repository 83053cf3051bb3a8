using Hindsight.Oco;
using Hindsight.Oco.Domains;
using Hindsight.Oco.Environments;
using Hindsight.Oco.Learners;

namespace Hindsight.Tests.Oco.Learners;

public class OnlineGradientDescentTests
{
    [Theory]
    [InlineData("ball")]
    [InlineData("box")]
    [InlineData("simplex")]
    public void Regret_stays_under_three_halves_g_d_sqrt_t(string kind)
    {
        // Hazan, Theorem 3.1, with G the largest gradient norm of the stream (noise σ = 1 in d = 10 → ‖g‖ ≤ ~3.5).
        IConvexDomain domain = kind switch
        {
            "ball" => new Ball(10),
            "box" => new Box(10),
            _ => new Simplex(10),
        };
        const double G = 4;
        long[] checkpoints = [100, 1000, 10_000];
        double[] regret = OcoPlay.Linear(new OnlineGradientDescent(domain, G), new LinearSeaStream(10, 1, 0.5, 1, 3, 0), domain, checkpoints);
        for (int c = 0; c < checkpoints.Length; c++)
        {
            Assert.True(regret[c] <= 1.5 * G * domain.Diameter * Math.Sqrt(checkpoints[c]), $"{kind}, t = {checkpoints[c]}: {regret[c]}");
        }
    }
}
