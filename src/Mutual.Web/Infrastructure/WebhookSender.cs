using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Mutual.Core.Webhooks;

namespace Mutual.Web.Infrastructure;

/// <summary>
/// Sends claimed deliveries: POSTs the signed body with a timeout, no redirects, and a connection that only
/// ever reaches an address the network guard accepted at connect time (no DNS rebinding past the check).
/// </summary>
public sealed class WebhookSender(WebhookQueue queue, IHttpClientFactory clients, WebhookOptions options, TimeProvider clock)
{
    public const string ClientName = "webhooks";
    private const int Concurrency = 8;

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

    /// <summary>Sends everything due, a batch at a time; returns how many attempts were made.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var total = 0;
        while (true)
        {
            var batch = await queue.ClaimAsync(ct);
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct },
                async (work, token) =>
                {
                    // A slow batch can outlast its lease; past that point another node may own the delivery, so leave it.
                    if (clock.GetUtcNow().UtcDateTime + options.Timeout > work.LeaseUntil) return;
                    await queue.RecordAsync(work, await SendAsync(work, token), token);
                });
            total += batch.Count;
            if (batch.Count < options.BatchSize) return total;
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
