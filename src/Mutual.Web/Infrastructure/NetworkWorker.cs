using System.Diagnostics;
using Mutual.Core.Network;

namespace Mutual.Web.Infrastructure;

/// <summary>
/// Loads this node's network index at start, then keeps it current every second. The index lives in each node's
/// memory, so every node runs this (no work lease); searches also catch up on their own before walking.
/// </summary>
public sealed class NetworkWorker(NetworkSync sync, NetworkIndex index, NodeWarmUp warmUp, ILogger<NetworkWorker> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await sync.WarmAsync().WaitAsync(stoppingToken);
            log.LogInformation("Network index loaded: {Relationships} relationship(s) among {Parties} part(ies) in {Elapsed}",
                index.RelationshipCount, index.PartyCount, Stopwatch.GetElapsedTime(started));
            warmUp.Start();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Loading the network index failed; searches will try again");
        }

        // Wall-clock cadence on purpose, not the app's TimeProvider: this is how soon other nodes' writes reach this
        // node, not business time; and a test clock moved by days would otherwise replay one catch-up per second skipped.
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sync.CatchUpAsync(lookback: true, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Network index catch-up failed; retrying at the next tick");
            }
        }
    }
}
