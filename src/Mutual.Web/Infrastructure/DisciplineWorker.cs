using Mutual.Core.Cases;
using Mutual.Core.Channel;
using Mutual.Core.Consent;
using Mutual.Core.Data;
using Mutual.Core.Discovery;
using Mutual.Core.Engagement;
using Mutual.Core.Events;
using Mutual.Core.Intents;

namespace Mutual.Web.Infrastructure;

/// <summary>
/// Periodic discipline work, timed by the app's TimeProvider: announces stale facts and overdue dialogue and
/// moves on leads whose partner let the deadline pass every tick, and records the day's health scores once a day
/// (once, across restarts and nodes: the day's run is marked in the database).
/// With several app nodes on one database, the node holding the "discipline" lease does the work and the others
/// stand by, taking over when it stops renewing (three ticks).
/// </summary>
public sealed class DisciplineWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DisciplineWorker> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    public const string LeaseName = "discipline";
    private readonly Guid _node = Uuid7.NewId();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Discipline work failed; retrying at the next tick");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task TickAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (!await services.GetRequiredService<WorkLeases>().TryAcquireAsync(LeaseName, _node, Interval * 3, ct)) return;
        var stale = await services.GetRequiredService<StaleFactSweep>().RunAsync(ct);
        var overdue = await services.GetRequiredService<OverdueSweep>().RunAsync(ct);
        if (stale + overdue > 0) log.LogInformation("Announced {Stale} stale fact(s) and {Overdue} overdue relationship(s)", stale, overdue);
        var rerouted = await services.GetRequiredService<LeadDeadlineSweep>().RunAsync(ct);
        if (rerouted > 0) log.LogInformation("Re-routed {Count} lead(s) whose partner did not answer in time", rerouted);
        var breached = await services.GetRequiredService<CaseSlaSweep>().RunAsync(ct);
        if (breached > 0) log.LogInformation("Flagged {Count} missed service-level target(s) on cases", breached);
        var expired = await services.GetRequiredService<IntentExpirySweep>().RunAsync(ct);
        if (expired > 0) log.LogInformation("Closed {Count} expired intent(s)", expired);
        var lapsed = await services.GetRequiredService<ConsentExpirySweep>().RunAsync(ct);
        if (lapsed > 0) log.LogInformation("Settled {Count} expired consent(s)", lapsed);
        if (await services.GetRequiredService<HealthSnapshotJob>().RunOnceTodayAsync(_node, ct) is { } scored)
            log.LogInformation("Recorded today's health for {Count} relationship(s)", scored);
    }
}
