using Hindsight.Regret;
using Hindsight.Simulation;
using ScottPlot;

namespace Hindsight.Reports;

/// <summary>The report's plots, drawn with ScottPlot and exported as SVG text.</summary>
public static class Charts
{
    private const int Width = 540;
    private const int Height = 400;

    /// <summary>Regret against t for every learner on one environment: the mean with its 95% CI band.</summary>
    /// <param name="checkpoints">The rounds.</param>
    /// <param name="pairs">The pairs of one environment.</param>
    /// <param name="meter">The regret to draw.</param>
    /// <returns>An SVG element.</returns>
    public static string RegretCurves(IReadOnlyList<long> checkpoints, IReadOnlyList<PairResult> pairs, string meter)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return RegretCurves(checkpoints, [.. pairs.Select(p => (p.Learner.Name, p.Meters.FirstOrDefault(x => x.Name == meter)))], meter);
    }

    /// <summary>Regret against t for labelled series (one per learner): the mean with its 95% CI band.</summary>
    /// <param name="checkpoints">The rounds.</param>
    /// <param name="series">Each learner's name and its result for the meter (null: not drawn).</param>
    /// <param name="meter">The regret's name, for the titles.</param>
    /// <returns>An SVG element.</returns>
    public static string RegretCurves(IReadOnlyList<long> checkpoints, IReadOnlyList<(string Label, MeterResult? Meter)> series, string meter)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        double[] xs = [.. checkpoints.Select(c => (double)c)];
        for (int i = 0; i < series.Count; i++)
        {
            MeterResult? m = series[i].Meter;
            if (m is null)
            {
                continue;
            }

            Color color = plot.Add.Palette.GetColor(i);
            if (m.Curve.All(s => s.Low is not null && s.High is not null))
            {
                var band = plot.Add.FillY(xs, [.. m.Curve.Select(s => s.Low!.Value)], [.. m.Curve.Select(s => s.High!.Value)]);
                band.FillColor = color.WithAlpha(0.18);
                band.LineWidth = 0;
            }

            var line = plot.Add.ScatterLine(xs, [.. m.Curve.Select(s => s.Mean)], color);
            line.LineWidth = 2;
            line.LegendText = series[i].Label;
        }

        plot.Title($"{meter} regret vs t (mean, 95% CI)");
        plot.XLabel("round t");
        plot.YLabel($"{meter} regret");
        plot.ShowLegend(Alignment.UpperLeft);
        return Svg(plot);
    }

    /// <summary>
    /// Log–log regret with each learner's fitted exponent, and reference slopes ln t, √t, t^{2/3} and t drawn through
    /// the median regret at the start of the fitting range.
    /// </summary>
    /// <param name="checkpoints">The rounds.</param>
    /// <param name="pairs">The pairs of one environment.</param>
    /// <param name="meter">The regret to draw.</param>
    /// <returns>An SVG element.</returns>
    public static string LogLog(IReadOnlyList<long> checkpoints, IReadOnlyList<PairResult> pairs, string meter)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentNullException.ThrowIfNull(pairs);
        var plot = new Plot();
        var anchors = new List<double>();
        long from = Math.Max(1, checkpoints[^1] / 100);
        int anchorIndex = Math.Max(0, checkpoints.ToList().FindIndex(c => c >= from));
        for (int i = 0; i < pairs.Count; i++)
        {
            MeterResult? m = pairs[i].Meters.FirstOrDefault(x => x.Name == meter);
            if (m is null)
            {
                continue;
            }

            var xs = new List<double>();
            var ys = new List<double>();
            for (int c = 0; c < checkpoints.Count; c++)
            {
                if (m.Curve[c].Mean > 0)
                {
                    xs.Add(Math.Log10(checkpoints[c]));
                    ys.Add(Math.Log10(m.Curve[c].Mean));
                }
            }

            if (m.Curve[anchorIndex].Mean > 0)
            {
                anchors.Add(m.Curve[anchorIndex].Mean);
            }

            if (xs.Count == 0)
            {
                continue;
            }

            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), plot.Add.Palette.GetColor(i));
            line.LineWidth = 2;
            string slope = m.Rate?.Exponent is { } e ? $" (slope {e:0.00})" : string.Empty;
            line.LegendText = pairs[i].Learner.Name + slope;
        }

        if (anchors.Count > 0)
        {
            anchors.Sort();
            double r0 = anchors[anchors.Count / 2];
            double t0 = checkpoints[anchorIndex];
            double t1 = checkpoints[^1];
            var references = new (string Name, Func<double, double> F, LinePattern Pattern)[]
            {
                ("ln t", t => Math.Log(Math.Max(t, 2)), LinePattern.Dotted),
                ("√t", Math.Sqrt, LinePattern.Dashed),
                ("t^(2/3)", t => Math.Pow(t, 2.0 / 3), LinePattern.DenselyDashed),
                ("t", t => t, LinePattern.Solid),
            };
            foreach (var (name, f, pattern) in references)
            {
                double[] ts = [.. Enumerable.Range(0, 20).Select(j => t0 * Math.Pow(t1 / t0, j / 19.0))];
                double[] rx = [.. ts.Select(Math.Log10)];
                double[] ry = [.. ts.Select(t => Math.Log10(r0 * f(t) / f(t0)))];
                var reference = plot.Add.ScatterLine(rx, ry, Colors.Gray);
                reference.LinePattern = pattern;
                reference.LineWidth = 1;
                reference.LegendText = $"reference {name}";
            }
        }

        plot.Title($"{meter} regret, log–log, fit on [{from}, {checkpoints[^1]}]");
        plot.XLabel("log10 t");
        plot.YLabel($"log10 {meter} regret");
        plot.ShowLegend(Alignment.UpperLeft);
        return Svg(plot);
    }

    /// <summary>Final regret against the horizon across a sweep, log–log, one line per learner with its fitted slope.</summary>
    /// <param name="sweep">The sweep.</param>
    /// <param name="environment">The environment whose pairs to draw.</param>
    /// <param name="meter">The regret to draw.</param>
    /// <returns>An SVG element.</returns>
    public static string SweepLogLog(HorizonSweep sweep, string environment, string meter)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var plot = new Plot();
        int i = 0;
        foreach (SweepPair pair in sweep.Pairs.Where(p => p.Environment == environment))
        {
            SweepMeter? m = pair.Meters.FirstOrDefault(x => x.Name == meter);
            if (m is null)
            {
                continue;
            }

            var xs = new List<double>();
            var ys = new List<double>();
            for (int h = 0; h < sweep.Horizons.Count; h++)
            {
                if (m.Finals[h] is { Mean: > 0 } f)
                {
                    xs.Add(Math.Log10(sweep.Horizons[h]));
                    ys.Add(Math.Log10(f.Mean));
                }
            }

            if (xs.Count > 0)
            {
                var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), plot.Add.Palette.GetColor(i));
                line.LineWidth = 2;
                line.MarkerSize = 6;
                line.LegendText = pair.Learner + (m.Rate.Exponent is { } e ? $" (slope {e:0.00})" : string.Empty);
            }

            i++;
        }

        plot.Title($"final {meter} regret vs horizon T, log–log");
        plot.XLabel("log10 T");
        plot.YLabel($"log10 {meter} regret at T");
        plot.ShowLegend(Alignment.UpperLeft);
        return Svg(plot);
    }

    /// <summary>Final regret against one learner parameter, one line per setting of the others (log–log when every x is positive).</summary>
    /// <param name="sweep">The parameter's name, and the series: a label and (x, final regret) points in increasing x.</param>
    /// <param name="meter">The regret drawn.</param>
    /// <returns>An SVG element.</returns>
    public static string ParameterCurve(ParameterSweep sweep, string meter)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        bool log = sweep.Series.All(s => s.Points.All(p => p.X > 0));
        var plot = new Plot();
        for (int i = 0; i < sweep.Series.Count; i++)
        {
            var points = sweep.Series[i].Points.Where(p => !log || p.Mean > 0).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            double[] xs = [.. points.Select(p => log ? Math.Log10(p.X) : p.X)];
            double[] ys = [.. points.Select(p => log ? Math.Log10(p.Mean) : p.Mean)];
            var line = plot.Add.ScatterLine(xs, ys, plot.Add.Palette.GetColor(i));
            line.LineWidth = 2;
            line.MarkerSize = 6;
            line.LegendText = sweep.Series[i].Label;
        }

        plot.Title($"final {meter} regret vs {sweep.Parameter}" + (log ? ", log–log" : string.Empty));
        plot.XLabel(log ? $"log10 {sweep.Parameter}" : sweep.Parameter);
        plot.YLabel(log ? $"log10 {meter} regret" : $"{meter} regret");
        plot.ShowLegend(Alignment.LowerLeft); // regret usually falls to the right
        return Svg(plot);
    }

    /// <summary>
    /// A convergence plot: gaps (Nash gap, duality gap, regret…) against rounds or iterations, log–log, one line per
    /// series (dashed when asked, e.g. for the last iterate against the average); values below 1e-16 are drawn at 1e-16
    /// (machine precision), and rounds ≤ 0 are left out.
    /// </summary>
    /// <param name="title">The title.</param>
    /// <param name="xLabel">What x counts (rounds, iterations).</param>
    /// <param name="yLabel">What y measures.</param>
    /// <param name="xs">The x values.</param>
    /// <param name="series">Each series: its label, one value per x, whether to dash it, and its colour's index (series of
    /// one learner share a colour).</param>
    /// <returns>An SVG element.</returns>
    public static string Convergence(string title, string xLabel, string yLabel, IReadOnlyList<long> xs, IReadOnlyList<(string Label, IReadOnlyList<double> Values, bool Dashed, int Color)> series)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        for (int i = 0; i < series.Count; i++)
        {
            var px = new List<double>();
            var py = new List<double>();
            for (int c = 0; c < xs.Count; c++)
            {
                double v = series[i].Values[c];
                if (xs[c] > 0 && double.IsFinite(v))
                {
                    px.Add(Math.Log10(xs[c]));
                    py.Add(Math.Log10(Math.Max(v, 1e-16)));
                }
            }

            if (px.Count == 0)
            {
                continue;
            }

            var line = plot.Add.ScatterLine(px.ToArray(), py.ToArray(), plot.Add.Palette.GetColor(series[i].Color));
            line.LineWidth = 2;
            line.LinePattern = series[i].Dashed ? LinePattern.Dashed : LinePattern.Solid;
            line.LegendText = series[i].Label;
        }

        plot.Title(title);
        plot.XLabel($"log10 {xLabel}");
        plot.YLabel($"log10 {yLabel}");
        plot.ShowLegend(Alignment.LowerLeft);
        return Svg(plot);
    }

    private static string Svg(Plot plot)
    {
        string xml = plot.GetSvgXml(Width, Height);
        int start = xml.IndexOf("<svg", StringComparison.Ordinal);
        return start >= 0 ? xml[start..] : xml;
    }
}
