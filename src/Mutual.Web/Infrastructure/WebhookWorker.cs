using Mutual.Core.Webhooks;

namespace Mutual.Web.Infrastructure;

/// <summary>
/// Moves events out: four times a second, fans new outbox messages out into deliveries and sends what is due.
/// Every app node runs one; the claims in the database keep them from sending the same delivery twice.
/// </summary>
public sealed class WebhookWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<WebhookWorker> log) : BackgroundService
{
    /// <summary>
    /// An event waits for the next tick, so the tick bounds the delivery lag from below (target p95 ≤ 1 s; at one
    /// second it alone used up the target). An idle tick is two indexed reads.
    /// </summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
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
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
