using Microsoft.AspNetCore.Builder;

namespace Hindsight.Service.Tests;

/// <summary>A decision service on loopback (port 0) over a fresh data folder, with a client bound to it; disposing it
/// stops the service (flushing the store) and deletes the folder.</summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    /// <summary>The admin key of every test host.</summary>
    public const string Admin = "admin-key-0123456789";

    private ServiceHost(WebApplication app, string data)
    {
        App = app;
        Data = data;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public WebApplication App { get; }

    public string Data { get; }

    public HttpClient Client { get; }

    /// <summary>Starts a service; <paramref name="options"/> adjusts the defaults (data folder, admin key, loopback).</summary>
    public static async Task<ServiceHost> StartAsync(string name, Func<ServiceOptions, ServiceOptions>? options = null)
    {
        string data = Directory.CreateTempSubdirectory($"hindsight-{name}-").FullName;
        var defaults = new ServiceOptions(data, Admin, "http://127.0.0.1:0");
        WebApplication app = DecisionService.Build(options?.Invoke(defaults) ?? defaults);
        await app.StartAsync();
        return new ServiceHost(app, data);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Delete(Data, recursive: true);
    }
}
