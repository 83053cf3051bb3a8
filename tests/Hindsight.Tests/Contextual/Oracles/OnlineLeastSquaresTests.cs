using Hindsight.Contextual.Features;
using Hindsight.Contextual.Learners;
using Hindsight.Contextual.Oracles;
using Hindsight.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Hindsight.Tests.Contextual.Oracles;

public class OnlineLeastSquaresTests
{
    [Fact]
    public void Recursive_updates_equal_the_weighted_ridge_solution()
    {
        // θ must equal (λI + Σ w x xᵀ)⁻¹ Σ w y x after every example (closed form with MathNet), repeats included.
        const int bits = 4, d = 1 << bits;
        var ols = new OnlineLeastSquares(bits, lambda: 0.5);
        var rng = new SeededRandom(11);
        var a = Matrix<double>.Build.DenseIdentity(d) * 0.5;
        var b = Vector<double>.Build.Dense(d);
        for (int n = 0; n < 60; n++)
        {
            int[] idx = [rng.Next(d), rng.Next(d), rng.Next(d), 3];
            float[] val = [(float)rng.NextDouble(), (float)(rng.NextDouble() - 0.5), 1f, 0.25f];
            float y = (float)rng.NextDouble(), w = 0.5f + (float)rng.NextDouble();
            ols.Learn(idx, val, y, w);
            var x = Vector<double>.Build.Dense(d);
            for (int k = 0; k < idx.Length; k++)
            {
                x[idx[k]] += val[k];
            }

            a += w * x.OuterProduct(x);
            b += w * y * x;
        }

        Vector<double> theta = a.Solve(b);
        for (int i = 0; i < d; i++)
        {
            Assert.Equal(theta[i], ols.Theta[i], 6); // 60 rank-one updates accumulate ~1e-9 of rounding
        }
    }

    [Fact]
    public void Repeated_indices_that_cancel_then_return_count_once()
    {
        // x has index 2 with value 1 − 1 + 1 = 1: the update must equal that of the single feature (2, 1).
        var repeated = new OnlineLeastSquares(3);
        var single = new OnlineLeastSquares(3);
        repeated.Learn([2, 2, 2], [1f, -1f, 1f], 0.8f);
        single.Learn([2], [1f], 0.8f);
        Assert.Equal(single.Theta.ToArray(), repeated.Theta.ToArray());
        Assert.Equal(0.8 / (1 + 1), repeated.Theta[2], 6); // ridge λ = 1: θ₂ = y x / (λ + x²) (y = 0.8f)
    }

    [Fact]
    public void A_cost_regressor_over_least_squares_saves_and_resumes_exactly()
    {
        var space = new FeatureSpace(6, ["sa"]);
        var examples = Enumerable.Range(0, 300).Select(i =>
        {
            var shared = new FeatureSet();
            shared.Namespace("s").Add("x", (i % 7) / 7f);
            var actions = new[] { new FeatureSet(), new FeatureSet() };
            actions[0].Namespace("a").Add("z0", 1f);
            actions[1].Namespace("a").Add("z1", 1f);
            int logged = i % 2;
            float cost = logged == 0 ? (i % 7) / 7f : 1 - ((i % 7) / 7f);
            return new Hindsight.Contextual.CbExample(shared, actions, new Hindsight.Contextual.CbLabel(logged, cost, 0.5f), i + 1);
        }).ToList();

        byte[] Save(ExploringCbLearner l)
        {
            using var s = new MemoryStream();
            CbModel.Save(l, s);
            return s.ToArray();
        }

        var whole = ExploringCbLearner.Greedy(new CostRegressor(space, new OnlineLeastSquares(6)));
        Hindsight.Evaluation.ProgressiveValidation.Run(examples, whole);
        var half = ExploringCbLearner.Greedy(new CostRegressor(space, new OnlineLeastSquares(6)));
        Hindsight.Evaluation.ProgressiveValidation.Run(examples.Take(150), half);
        var resumed = (ExploringCbLearner)CbModel.Load(new MemoryStream(Save(half)));
        Hindsight.Evaluation.ProgressiveValidation.Run(examples.Skip(150), resumed);
        Assert.Equal(Save(whole), Save(resumed));
        Assert.Throws<ArgumentException>(() => new CostRegressor(new FeatureSpace(8), new OnlineLeastSquares(6)));
    }
}
