using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Mutual.Core.Webhooks;

namespace Mutual.Bench;

/// <summary>
/// A webhook receiver as a subscriber would write one: checks the Standard Webhooks signature with the
/// subscription's secret, deduplicates by webhook-id, and records the lag of each first delivery: receive
/// time minus the body's <c>timestamp</c> (the event's occurredAt, to the tick; the webhook-timestamp header
/// is whole seconds and taken at sending, so it would hide the queueing).
/// </summary>
internal sealed class WebhookSink : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly object gate = new();
    private readonly HashSet<string> seen = [];
    private List<double> lags = [];
    private int bad;
    private int duplicates;
    private long lastReceived;

    private WebhookSink(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }
    public volatile string? Secret;

    public static async Task<WebhookSink> StartAsync(int port, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var sink = new WebhookSink(app, $"http://127.0.0.1:{port}/hook");
        app.MapPost("/hook", sink.ReceiveAsync);
        await app.StartAsync(ct);
        return sink;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        var received = DateTimeOffset.UtcNow;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var id = request.Headers["webhook-id"].ToString();
        var secret = Secret;
        var valid = secret is not null && WebhookSignature.Verify(secret, id, request.Headers["webhook-timestamp"], request.Headers["webhook-signature"], body, received);
        DateTimeOffset? occurred = null;
        if (valid)
        {
            using var doc = JsonDocument.Parse(body);
            occurred = DateTimeOffset.Parse(doc.RootElement.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }
        lock (gate)
        {
            if (!valid) bad++;
            else if (!seen.Add(id)) duplicates++;
            else
            {
                lags.Add((received - occurred!.Value).TotalMilliseconds);
                lastReceived = Stopwatch.GetTimestamp();
            }
        }
        return valid ? Results.NoContent() : Results.Unauthorized();
    }

    public void Reset()
    {
        lock (gate) { lags = []; bad = 0; duplicates = 0; }
    }

    /// <summary>Waits until <paramref name="expected"/> deliveries arrived, or nothing new came for <paramref name="quiet"/>.</summary>
    public async Task<Stats> WaitAsync(int expected, TimeSpan quiet, CancellationToken ct)
    {
        var count = -1;
        var since = Stopwatch.GetTimestamp();
        while (true)
        {
            int now;
            lock (gate) now = lags.Count;
            if (now >= expected) break;
            if (now != count) { count = now; since = Stopwatch.GetTimestamp(); }
            else if (Stopwatch.GetElapsedTime(since) > quiet) break;
            await Task.Delay(50, ct);
        }
        lock (gate) return new Stats(lags.Order().ToArray(), bad, duplicates, lastReceived);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public sealed record Stats(double[] Sorted, int Bad, int Duplicates, long LastReceived)
    {
        public int Delivered => Sorted.Length;

        /// <summary>The nearest-rank percentile in milliseconds (100: the maximum); NaN when nothing arrived.</summary>
        public double P(int percentile) =>
            Sorted.Length == 0 ? double.NaN : Sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * Sorted.Length) - 1, 0, Sorted.Length - 1)];
    }
}
