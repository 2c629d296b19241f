using Mutual.Core.Events;
using Mutual.Core.Webhooks;

namespace Mutual.Web.Infrastructure;

/// <summary>
/// Moves events out in two loops that run side by side, so an event committed while earlier ones are being sent is
/// fanned out and claimed at once rather than after the whole send: one fans new outbox messages out into
/// deliveries as soon as this node commits an event, the other sends what is due as soon as deliveries were created.
/// Both also run at least four times a second, for other nodes' events and for retries coming due. Every app node
/// runs one; the claims in the database keep nodes from fanning out or sending the same thing twice.
/// </summary>
public sealed class WebhookWorker(IServiceScopeFactory scopes, OutboxSignal committed, TimeProvider clock, ILogger<WebhookWorker> log) : BackgroundService
{
    /// <summary>
    /// The longest a loop waits without a signal: bounds the lag of events committed by another node, and how late a
    /// retry may start. An idle pass is an indexed read.
    /// </summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    // Deliveries were created: the sending loop need not wait for its tick.
    private readonly Wakeup _fannedOut = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        LoopAsync(committed, async sp =>
        {
            if (await sp.GetRequiredService<WebhookDispatcher>().RunAsync(stoppingToken) > 0) _fannedOut.Notify();
        }, stoppingToken),
        LoopAsync(_fannedOut, sp => sp.GetRequiredService<WebhookSender>().RunAsync(stoppingToken), stoppingToken));

    private async Task LoopAsync(Wakeup wake, Func<IServiceProvider, Task> pass, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await pass(scope.ServiceProvider);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Webhook work failed; retrying at the next tick");
            }
            await wake.WaitAsync(Interval, clock, stoppingToken);
        }
    }
}
