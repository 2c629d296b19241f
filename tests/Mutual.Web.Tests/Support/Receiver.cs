using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mutual.Web.Tests.Support;

/// <summary>
/// A real HTTP receiver on loopback (Kestrel on 127.0.0.1, a free port) that a test tells to accept,
/// fail with 500, hang past the sender's timeout, or answer 410 Gone. It keeps what it was sent.
/// </summary>
public sealed class Receiver : IAsyncDisposable
{
    public enum Mode { Accept, Fail, Slow, Gone }

    public sealed record Request(string Id, string Timestamp, string Signature, string Body, Mode AnsweredWith);

    private readonly WebApplication _app;
    private volatile int _mode;

    private Receiver(WebApplication app) => _app = app;

    public Mode Behaviour { get => (Mode)_mode; set => _mode = (int)value; }
    public ConcurrentQueue<Request> Requests { get; } = new();
    private readonly SemaphoreSlim _arrived = new(0);

    /// <summary>Waits until at least <paramref name="count"/> requests have arrived; false if they have not within the timeout.</summary>
    public async Task<bool> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Requests.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left)) return Requests.Count >= count;
        }
        return true;
    }
    public string Url { get; private set; } = "";

    /// <summary>What it accepted (2xx), in arrival order.</summary>
    public List<Request> Accepted => Requests.Where(r => r.AnsweredWith == Mode.Accept).ToList();

    public static async Task<Receiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new Receiver(app);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            var mode = receiver.Behaviour;
            receiver.Requests.Enqueue(new Request(http.Request.Headers["webhook-id"].ToString(), http.Request.Headers["webhook-timestamp"].ToString(),
                http.Request.Headers["webhook-signature"].ToString(), body, mode));
            receiver._arrived.Release();
            switch (mode)
            {
                case Mode.Fail: return Results.StatusCode(500);
                case Mode.Gone: return Results.StatusCode(410);
                case Mode.Slow:
                    try { await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted); } catch (OperationCanceledException) { }
                    return Results.StatusCode(504);
                default: return Results.Ok();
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The app with private networks allowed, so it may deliver to a loopback receiver over http.</summary>
public sealed class WebhookApp : MutualApp
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mutual:Webhooks:AllowPrivateNetworks", "true");
    }
}

/// <summary>The app with its webhook worker running, as in production: nothing is pumped by hand.</summary>
public sealed class LiveWebhookApp : MutualApp
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mutual:Webhooks:AllowPrivateNetworks", "true");
        builder.UseSetting("Mutual:Webhooks:Enabled", "true");
    }
}

public static class Webhooks
{
    /// <summary>One pass of what the background worker does every second: fan out the outbox, send what is due.</summary>
    public static async Task PumpAsync(this MutualApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Mutual.Core.Webhooks.WebhookDispatcher>().RunAsync();
        await scope.ServiceProvider.GetRequiredService<Mutual.Web.Infrastructure.WebhookSender>().RunAsync();
    }
}
