using Mutual.Core.Engagement;
using Mutual.Core.Events;

namespace Mutual.Core.Tests;

/// <summary>Periodic work runs on one node at a time: the lease decides which, and passes on when its holder stops renewing.</summary>
public sealed class WorkLeaseTests(CoreDatabase database) : IClassFixture<CoreDatabase>
{
    [Fact]
    public async Task OneNodeHoldsTheLeaseUntilItLapsesThenAnotherTakesOver()
    {
        var leases = new WorkLeases(database.Factory, database.Clock);
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var ct = TestContext.Current.CancellationToken;
        var name = $"test-{Guid.NewGuid():N}"[..20];
        var ttl = TimeSpan.FromMinutes(3);

        Assert.True(await leases.TryAcquireAsync(name, a, ttl, ct));
        Assert.False(await leases.TryAcquireAsync(name, b, ttl, ct));
        database.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await leases.TryAcquireAsync(name, a, ttl, ct)); // renewed: runs to minute 5 now
        database.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await leases.TryAcquireAsync(name, b, ttl, ct));
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await leases.TryAcquireAsync(name, b, ttl, ct)); // a stopped renewing: b takes over
        Assert.False(await leases.TryAcquireAsync(name, a, ttl, ct));
        // Another name is another lease.
        Assert.True(await leases.TryAcquireAsync(name + "-x", a, ttl, ct));
    }

    [Fact]
    public async Task OfManyNodesStartingAtOnceExactlyOneGetsTheLease()
    {
        var leases = new WorkLeases(database.Factory, database.Clock);
        var name = $"race-{Guid.NewGuid():N}"[..20];
        var nodes = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList();
        var won = await Task.WhenAll(nodes.Select(n => Task.Run(() => leases.TryAcquireAsync(name, n, TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken))));
        Assert.Single(won, w => w);
    }

    [Fact]
    public async Task TheDaysHealthScoresAreRecordedOnceAcrossRestartsAndNodes()
    {
        var ct = TestContext.Current.CancellationToken;
        var job = new HealthSnapshotJob(database.Factory, database.Clock);
        Assert.NotNull(await job.RunOnceTodayAsync(Guid.NewGuid(), ct));
        // The same node after a restart, or another node taking the work over, finds today's scores recorded.
        Assert.Null(await new HealthSnapshotJob(database.Factory, database.Clock).RunOnceTodayAsync(Guid.NewGuid(), ct));
        // The next day they are recorded again, once.
        database.Clock.Advance(TimeSpan.FromDays(1));
        Assert.NotNull(await job.RunOnceTodayAsync(Guid.NewGuid(), ct));
        Assert.Null(await job.RunOnceTodayAsync(Guid.NewGuid(), ct));
    }
}
