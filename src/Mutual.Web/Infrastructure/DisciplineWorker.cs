using Mutual.Core.Discovery;

namespace Mutual.Web.Infrastructure;

/// <summary>Periodic discipline work: announces facts that went stale. Timed by the app's TimeProvider.</summary>
public sealed class DisciplineWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DisciplineWorker> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var announced = await scope.ServiceProvider.GetRequiredService<StaleFactSweep>().RunAsync(stoppingToken);
                if (announced > 0) log.LogInformation("Announced {Count} stale fact(s)", announced);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Discipline sweep failed; retrying at the next tick");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
