using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Mutual.Core.Webhooks;

namespace Mutual.Web.Infrastructure;

/// <summary>
/// Sends claimed deliveries: POSTs the signed body with a timeout, no redirects, and a connection that only
/// ever reaches an address the network guard accepted at connect time (no DNS rebinding past the check).
/// </summary>
public sealed class WebhookSender(WebhookQueue queue, IHttpClientFactory clients, WebhookOptions options, TimeProvider clock)
{
    public const string ClientName = "webhooks";

    /// <summary>Attempts in flight at once per node: receivers answer in tens to hundreds of milliseconds, so the
    /// node's rate is about this many divided by their answer time.</summary>
    public const int Concurrency = 32;

    /// <summary>At most this many finished attempts are recorded in one transaction.</summary>
    private const int RecordGroup = 200;

    public static void AddWebhookClient(IServiceCollection services, WebhookOptions options) =>
        services.AddHttpClient(ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectTimeout = options.Timeout,
                ConnectCallback = (context, ct) => ConnectVettedAsync(context.DnsEndPoint, options.AllowPrivateNetworks, ct),
            });

    /// <summary>
    /// Sends everything due and returns how many attempts were made. Claims a batch at a time and keeps
    /// <see cref="Concurrency"/> attempts in flight, claiming the next batch as soon as the last of the current one has
    /// started (a slow receiver holds one slot, not the node); finished attempts are recorded in groups, each group in
    /// one transaction while the next fills.
    /// </summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var finished = Channel.CreateUnbounded<(DeliveryWork, AttemptResult)>(new UnboundedChannelOptions { SingleReader = true });
        var recording = RecordAsync(finished.Reader, ct);
        using var slots = new SemaphoreSlim(Concurrency);
        var total = 0;
        try
        {
            while (true)
            {
                var batch = await queue.ClaimAsync(ct);
                foreach (var work in batch)
                {
                    await slots.WaitAsync(ct);
                    _ = AttemptAsync(work, finished.Writer, slots, ct);
                }
                total += batch.Count;
                if (batch.Count < options.BatchSize) break;
            }
        }
        finally
        {
            // Every slot back means every attempt has finished (each is bounded by the timeout, and cancelled ones end
            // at once) and handed its result over; only then is the channel closed and the semaphore disposed.
            for (var i = 0; i < Concurrency; i++) await slots.WaitAsync(CancellationToken.None);
            finished.Writer.TryComplete();
            await recording;
        }
        return total;
    }

    private async Task AttemptAsync(DeliveryWork work, ChannelWriter<(DeliveryWork, AttemptResult)> finished, SemaphoreSlim slot, CancellationToken ct)
    {
        try
        {
            // A slow batch can outlast its lease; past that point another node may own the delivery, so leave it.
            if (clock.GetUtcNow().UtcDateTime + options.Timeout > work.LeaseUntil) return;
            AttemptResult result;
            try { result = await SendAsync(work, ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Recorded as a failed attempt (retried on the schedule) rather than left claimed until its lease ends.
                result = new AttemptResult(null, e.Message);
            }
            finished.TryWrite((work, result));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        finally { slot.Release(); }
    }

    private async Task RecordAsync(ChannelReader<(DeliveryWork, AttemptResult)> finished, CancellationToken ct)
    {
        var group = new List<(DeliveryWork, AttemptResult)>();
        while (await finished.WaitToReadAsync(ct))
        {
            while (group.Count < RecordGroup && finished.TryRead(out var attempt)) group.Add(attempt);
            await queue.RecordAsync(group, ct);
            group.Clear();
        }
    }

    private async Task<AttemptResult> SendAsync(DeliveryWork work, CancellationToken ct)
    {
        var id = work.EventId.ToString();
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, work.Url)
        {
            Content = new StringContent(work.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Header(work.Secrets, id, timestamp, work.Payload));
        request.Headers.UserAgent.ParseAdd("Mutual-Webhooks/1");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return new AttemptResult(code, response.IsSuccessStatusCode ? null : $"HTTP {code} {response.ReasonPhrase}".Trim());
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new AttemptResult(null, $"No answer within {options.Timeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException e)
        {
            var refused = e.InnerException as RefusedAddressException ?? e.InnerException?.InnerException as RefusedAddressException;
            return new AttemptResult(null, refused?.Message ?? e.Message);
        }
    }

    /// <summary>Resolves the host, refuses internal addresses, and connects to the address it checked.</summary>
    private static async ValueTask<Stream> ConnectVettedAsync(DnsEndPoint endpoint, bool allowPrivate, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        if (!allowPrivate && addresses.FirstOrDefault(NetworkGuard.IsForbidden) is { } bad)
            throw new RefusedAddressException($"Refused to connect to {endpoint.Host} ({bad}): an internal address.");
        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, endpoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
        }
        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    private sealed class RefusedAddressException(string message) : Exception(message);
}
