using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hindsight.Service.Tests;

/// <summary>
/// The dashboard end to end in headless Chromium (Debian's package, driven by Playwright for .NET): the page asks for
/// the admin key, then lists every loop with the numbers of <c>GET /v1/loops</c> and draws its live reward and
/// exploration lines as the page samples them, and a loop's offline evaluation on request; a wrong key shows the
/// service's 401. `.ci/run` installs Chromium; without
/// it the test is skipped with the reason printed.
/// </summary>
public sealed class DashboardTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Admin = ServiceHost.Admin;
    private const string Chromium = "/usr/bin/chromium";
    private ServiceHost? _host;

    public async Task InitializeAsync() => _host = await ServiceHost.StartAsync("dashboard");

    public async Task DisposeAsync() => await _host!.DisposeAsync();

    [SkippableFact]
    public async Task The_page_lists_every_loop_with_its_numbers_and_live_charts()
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is not installed (Debian's chromium package; .ci/run installs it)");
        string url = _host!.App.Urls.First();
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        await Traffic(client, "news", rewarded: 30, total: 40);
        await Traffic(client, "ads", rewarded: 5, total: 20);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while ((await (await client.SendAsync(Get("/v1/loops"))).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Any(l => l.GetProperty("closedEvents").GetInt64() < l.GetProperty("events").GetInt64()))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "windows still open after 30 s");
            await Task.Delay(100); // until every window (3 s) has closed: the numbers are final
        }

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 640 } });
        await page.GotoAsync(url + "/dashboard");

        // A wrong key: the service's 401 is shown, no rows.
        await page.FillAsync("#key", "wrong-key-0123456789");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#status:has-text('401')");
        Assert.Equal(0, await page.Locator("#loops tbody tr").CountAsync());

        await page.FillAsync("#key", Admin);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("tr[data-loop='news']");
        Assert.Equal(2, await page.Locator("#loops tbody tr").CountAsync());
        foreach (JsonElement loop in (await client.SendAsync(Get("/v1/loops"))).Content.ReadFromJsonAsync<JsonElement>().Result.EnumerateArray())
        {
            ILocator row = page.Locator($"tr[data-loop='{loop.GetProperty("loop").GetString()}']");
            Assert.Equal(loop.GetProperty("events").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), await row.Locator("td.events").InnerTextAsync());
            Assert.Equal(loop.GetProperty("closedEvents").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), await row.Locator("td.closed").InnerTextAsync());
            Assert.Equal(loop.GetProperty("averageReward").GetDouble().ToString("F3", System.Globalization.CultureInfo.InvariantCulture), await row.Locator("td.reward").InnerTextAsync());
            Assert.StartsWith(loop.GetProperty("learnedPolicyValue").GetProperty("value").GetDouble().ToString("F3", System.Globalization.CultureInfo.InvariantCulture), await row.Locator("td.value").InnerTextAsync(), StringComparison.Ordinal);
        }

        // Live: after a few samples each line of the chart has several points.
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll(\"tr[data-loop='news'] polyline.reward\")].some(l => l.getAttribute('points').split(' ').length >= 3)", null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        Assert.Equal(1, await page.Locator("tr[data-loop='ads'] polyline.explore").CountAsync());

        // Offline evaluation: the button shows the API's table for that loop.
        await page.ClickAsync("button.evaluate[data-loop='news']");
        await page.WaitForSelectorAsync("#evaluation tr[data-policy='current settings']");
        using var evaluate = new HttpRequestMessage(HttpMethod.Post, "/v1/loops/news/evaluation") { Content = new StringContent("{}", Encoding.UTF8, "application/json"), Headers = { { "X-Api-Key", Admin } } };
        JsonElement evaluation = await (await client.SendAsync(evaluate)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, await page.Locator("#evaluation tbody tr").CountAsync());
        Assert.Contains($"{evaluation.GetProperty("decisions").GetInt64()} closed decisions", await page.Locator("#evaluation-status").InnerTextAsync(), StringComparison.Ordinal);
        foreach (JsonElement policy in evaluation.GetProperty("policies").EnumerateArray())
        {
            JsonElement ips = policy.GetProperty("estimates").EnumerateArray().Single(e => e.GetProperty("estimator").GetString() == "ips");
            string cell = await page.Locator($"#evaluation tr[data-policy='{policy.GetProperty("policy").GetString()}'] td.ips").InnerTextAsync();
            Assert.StartsWith(ips.GetProperty("value").GetDouble().ToString("F3", System.Globalization.CultureInfo.InvariantCulture), cell, StringComparison.Ordinal);
        }

        string shot = Path.Combine(Path.GetTempPath(), "hindsight-dashboard.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        output.WriteLine($"screenshot: {shot}");
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path) { Headers = { { "X-Api-Key", Admin } } };

    /// <summary>Creates a loop and sends <paramref name="total"/> ranks, rewarding the first <paramref name="rewarded"/>.</summary>
    private static async Task Traffic(HttpClient client, string name, int rewarded, int total)
    {
        // A 3 s window: rewards sent at once land well inside it, even on a busy machine.
        using var create = new HttpRequestMessage(HttpMethod.Post, "/v1/loops") { Content = JsonContent.Create(new { name, rewardWaitSeconds = 3 }), Headers = { { "X-Api-Key", Admin } } };
        using HttpResponseMessage created = await client.SendAsync(create);
        created.EnsureSuccessStatusCode();
        string key = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!;
        for (int i = 0; i < total; i++)
        {
            string body = $"{{\"eventId\": \"{name}{i}\", \"context\": {{\"User\": {{\"id\": \"u{i % 3}\"}}}}, \"actions\": [{{\"id\": \"a\", \"features\": {{\"Item\": {{\"x\": 1}}}}}}, {{\"id\": \"b\", \"features\": {{\"Item\": {{\"y\": 1}}}}}}]}}";
            using var rank = new HttpRequestMessage(HttpMethod.Post, $"/v1/loops/{name}/rank") { Content = new StringContent(body, Encoding.UTF8, "application/json"), Headers = { { "X-Api-Key", key } } };
            (await client.SendAsync(rank)).EnsureSuccessStatusCode();
            if (i < rewarded)
            {
                using var reward = new HttpRequestMessage(HttpMethod.Post, $"/v1/loops/{name}/events/{name}{i}/reward") { Content = JsonContent.Create(new { value = 1 }), Headers = { { "X-Api-Key", key } } };
                (await client.SendAsync(reward)).EnsureSuccessStatusCode();
            }
        }
    }
}
