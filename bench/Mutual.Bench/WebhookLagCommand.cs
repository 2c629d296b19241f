using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Mutual.Bench;

/// <summary>
/// Webhook delivery lag, end to end (decision 021): subscribes the signed-in organization to message.posted
/// with a receiver of its own on loopback, posts messages over HTTP at a steady rate, and measures for each
/// delivery the receive time minus the event's own timestamp (when the change was made, just before its commit).
/// The steady phase follows a warm-up at the same rate, reported apart: a node's first seconds after it starts are
/// spent compiling its code paths and opening connections (posts then take ~0.5 s, not ~20 ms), which is a cold
/// start, not the delivery path's steady lag. Then a burst, posted as fast as the server takes it, gives the
/// deliveries per second when the queue is full. Prints one RESULT line for bench/run.sh.
/// </summary>
internal static class WebhookLagCommand
{
    private static readonly string[] Events = ["message.posted"];

    public static Command Create()
    {
        var url = new Option<string>("--url") { Required = true, Description = "The server, e.g. http://127.0.0.1:5099" };
        var token = new Option<string>("--token") { Required = true, Description = "Bearer token of an administrator" };
        var requests = new Option<string>("--requests") { Required = true, Description = "message-post.txt from `sample`" };
        var port = new Option<int>("--port") { DefaultValueFactory = _ => 5098, Description = "The receiver's port on 127.0.0.1" };
        var rate = new Option<int>("--rate") { DefaultValueFactory = _ => 100, Description = "Events per second in the steady phase" };
        var seconds = new Option<int>("--seconds") { DefaultValueFactory = _ => 10, Description = "Length of the steady phase" };
        var burst = new Option<int>("--burst") { DefaultValueFactory = _ => 2000, Description = "Events posted at once afterwards (0: none)" };
        var warmup = new Option<int>("--warmup") { DefaultValueFactory = _ => 3, Description = "Seconds at the steady rate before it is measured, reported apart (0: none)" };
        var command = new Command("webhook-lag", "Measure webhook delivery lag with a signature-checking receiver") { url, token, requests, port, rate, seconds, burst, warmup };
        command.SetAction(async (parse, ct) =>
        {
            await DrainOutboxAsync(parse, ct);
            var paths = await File.ReadAllLinesAsync(parse.GetValue(requests)!, ct);
            using var api = new HttpClient { BaseAddress = new Uri(parse.GetValue(url)!), Timeout = TimeSpan.FromSeconds(30) };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", parse.GetValue(token));

            await using var sink = await WebhookSink.StartAsync(parse.GetValue(port), ct);
            var created = await api.PostAsJsonAsync("/api/v1/webhooks", new { url = sink.Url, events = Events }, ct);
            var text = await created.Content.ReadAsStringAsync(ct);
            if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"Subscribing failed: {(int)created.StatusCode} {text}");
            using (var doc = JsonDocument.Parse(text))
                sink.Secret = doc.RootElement.GetProperty("secret").GetString()!;
            var webhookId = JsonDocument.Parse(text).RootElement.GetProperty("id").GetString();
            try
            {
                var rng = new Random(21);
                var eventsPerSecond = parse.GetValue(rate);
                var cold = "";
                if (parse.GetValue(warmup) is > 0 and var warm)
                {
                    var first = await PostAsync(api, paths, rng, eventsPerSecond * warm, eventsPerSecond, ct);
                    var firstStats = await sink.WaitAsync(first.Posted, TimeSpan.FromSeconds(30), ct);
                    cold = string.Create(CultureInfo.InvariantCulture,
                        $" cold_events={first.Posted} cold_delivered={firstStats.Delivered} cold_p50={firstStats.P(50):0} cold_p95={firstStats.P(95):0} cold_max={firstStats.P(100):0}");
                    sink.Reset();
                }
                var steady = await PostAsync(api, paths, rng, eventsPerSecond * parse.GetValue(seconds), eventsPerSecond, ct);
                var steadyStats = await sink.WaitAsync(steady.Posted, TimeSpan.FromSeconds(30), ct);
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"RESULT rate={eventsPerSecond} events={steady.Posted} post_errors={steady.Failed} delivered={steadyStats.Delivered} bad={steadyStats.Bad} duplicates={steadyStats.Duplicates} p50={steadyStats.P(50):0} p95={steadyStats.P(95):0} p99={steadyStats.P(99):0} max={steadyStats.P(100):0}{cold}");

                if (parse.GetValue(burst) is > 0 and var n)
                {
                    sink.Reset();
                    var started = Stopwatch.GetTimestamp();
                    var sent = await PostAsync(api, paths, rng, n, 0, ct);
                    var burstStats = await sink.WaitAsync(sent.Posted, TimeSpan.FromSeconds(120), ct);
                    var elapsed = Stopwatch.GetElapsedTime(started, burstStats.LastReceived).TotalSeconds;
                    line += string.Create(CultureInfo.InvariantCulture,
                        $" burst={sent.Posted} burst_post_errors={sent.Failed} burst_delivered={burstStats.Delivered} burst_bad={burstStats.Bad} burst_dps={burstStats.Delivered / Math.Max(elapsed, 0.001):0} burst_p95={burstStats.P(95):0} burst_max={burstStats.P(100):0}");
                }
                Console.WriteLine(line);
            }
            finally
            {
                await api.DeleteAsync($"/api/v1/webhooks/{webhookId}", CancellationToken.None);
            }
            return 0;
        });
        return command;
    }

    /// <summary>Posts <paramref name="count"/> messages, spaced at <paramref name="rate"/> per second (0: as fast as 16 connections go).</summary>
    private static async Task<(int Posted, int Failed)> PostAsync(HttpClient api, string[] paths, Random rng, int count, int rate, CancellationToken ct)
    {
        var posted = 0;
        var failed = 0;
        using var gate = new SemaphoreSlim(rate == 0 ? 16 : 64);
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            if (rate > 0 && TimeSpan.FromSeconds((double)i / rate) - clock.Elapsed is { TotalMilliseconds: > 1 } wait) await Task.Delay(wait, ct);
            await gate.WaitAsync(ct);
            var path = paths[rng.Next(paths.Length)];
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    using var body = new StringContent("""{"body":"Benchmark: webhook lag probe."}""", Encoding.UTF8, "application/json");
                    using var response = await api.PostAsync(path, body, ct);
                    if (response.IsSuccessStatusCode) Interlocked.Increment(ref posted); else Interlocked.Increment(ref failed);
                }
                catch (HttpRequestException) { Interlocked.Increment(ref failed); }
                finally { gate.Release(); }
            }, ct));
        }
        await Task.WhenAll(inFlight);
        return (posted, failed);
    }

    /// <summary>Waits until events written before the subscription are fanned out, so the receiver only hears of new ones.</summary>
    private static async Task DrainOutboxAsync(ParseResult parse, CancellationToken ct)
    {
        await using var db = BenchDatabase.Open(parse);
        db.Actor = Mutual.Core.Access.Actor.System;
        var until = DateTime.UtcNow.AddMinutes(5);
        while (await db.Outbox.IgnoreQueryFilters().AnyAsync(o => o.DispatchedAt == null, ct))
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The outbox did not drain in 5 minutes: is the server running with Mutual:Webhooks:Enabled=true?");
            await Task.Delay(500, ct);
        }
    }
}
