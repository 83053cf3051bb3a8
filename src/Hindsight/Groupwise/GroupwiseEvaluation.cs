namespace Hindsight.Groupwise;

/// <summary>One pass of the groupwise learner and of plain online regression over a data set, with each group's losses.</summary>
/// <param name="Groups">Per group: its name, its number of rows, the groupwise learner's, plain online regression's and
/// the group's own oracle's cumulative square loss on them.</param>
/// <param name="GroupwiseLoss">The groupwise learner's average loss over all rows.</param>
/// <param name="PlainLoss">Plain online regression's average loss over all rows.</param>
public sealed record GroupwiseEvaluation(IReadOnlyList<GroupLosses> Groups, double GroupwiseLoss, double PlainLoss)
{
    /// <summary>Runs both learners online over the rows in order (predict, then learn), progressive-validation style.</summary>
    /// <param name="data">The data.</param>
    /// <param name="lambda">Ridge λ of the oracles.</param>
    /// <returns>The losses.</returns>
    public static GroupwiseEvaluation Run(GroupwiseData data, double lambda = 1)
    {
        ArgumentNullException.ThrowIfNull(data);
        int g = data.GroupNames.Count;
        var learner = new GroupwiseRegression(g, lambda);
        double[] ours = new double[g], plain = new double[g], own = new double[g];
        int[] counts = new int[g];
        double oursTotal = 0, plainTotal = 0;
        for (int i = 0; i < data.Targets.Length; i++)
        {
            double[] x = data.Features[i];
            double y = data.Targets[i];
            double a = learner.Predict(x, data.Memberships[i]);
            double b = learner.Plain(x);
            double la = (a - y) * (a - y), lb = (b - y) * (b - y);
            oursTotal += la;
            plainTotal += lb;
            foreach (int group in data.Memberships[i])
            {
                double e = learner.Expert(group, x) - y;
                ours[group] += la;
                plain[group] += lb;
                own[group] += e * e;
                counts[group]++;
            }

            learner.Learn(x, data.Memberships[i], y);
        }

        int n = data.Targets.Length;
        return new GroupwiseEvaluation(
            [.. Enumerable.Range(0, g).Select(k => new GroupLosses(data.GroupNames[k], counts[k], ours[k], plain[k], own[k]))],
            oursTotal / n,
            plainTotal / n);
    }
}
