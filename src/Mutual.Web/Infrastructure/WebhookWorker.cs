using Mutual.Core.Events;
using Mutual.Core.Webhooks;

namespace Mutual.Web.Infrastructure;

/// <summary>
/// Moves events out: as soon as this node commits an outbox message, and at least four times a second (for other
/// nodes' events and for retries coming due), fans new outbox messages out into deliveries and sends what is due.
/// Every app node runs one; the claims in the database keep them from sending the same delivery twice.
/// </summary>
public sealed class WebhookWorker(IServiceScopeFactory scopes, OutboxSignal committed, TimeProvider clock, ILogger<WebhookWorker> log) : BackgroundService
{
    /// <summary>
    /// The longest a pass waits without a signal: bounds the lag of events committed by another node, and how late a
    /// retry may start. An idle pass is two indexed reads.
    /// </summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().RunAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<WebhookSender>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Webhook work failed; retrying at the next tick");
            }
            await committed.WaitAsync(Interval, clock, stoppingToken);
        }
    }
}
