using Hindsight.Simulation;
using System.Globalization;
using System.Net;
using System.Text;

namespace Hindsight.Reports;

/// <summary>Pieces the study reports share.</summary>
internal static class ReportPage
{
    /// <summary>Opens a report page: doctype, title, the shared style, the heading and the description when there is one.</summary>
    public static void Head(StringBuilder sb, string name, string what, string? description = null)
    {
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(name)).Append(" — Hindsight ").Append(what).Append(" report</title>");
        sb.Append("<style>body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}")
          .Append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}")
          .Append("th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}.plots{display:flex;flex-wrap:wrap;gap:8px}.worse{background:#fee}code{background:#f5f5f5;padding:1px 4px}</style></head><body>\n");
        sb.Append("<h1>").Append(WebUtility.HtmlEncode(name)).Append("</h1>\n");
        if (description is not null)
        {
            sb.Append("<p>").Append(WebUtility.HtmlEncode(description)).Append("</p>\n");
        }
    }

    /// <summary>"mean ± half-width of the 95 % interval" in a number format (the mean alone without an interval; "—"
    /// without a statistic).</summary>
    public static string Stat(Statistic? s, string format)
    {
        if (s is not { } v)
        {
            return "—";
        }

        string mean = v.Mean.ToString(format, CultureInfo.InvariantCulture);
        return v.High is { } hi ? $"{mean} ± {(hi - v.Mean).ToString(format, CultureInfo.InvariantCulture)}" : mean;
    }

    /// <summary>HTML-encodes text.</summary>
    public static string H(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Three significant digits, invariant culture.</summary>
    public static string G(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
