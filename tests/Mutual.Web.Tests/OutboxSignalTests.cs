using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Data;
using Mutual.Core.Events;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>
/// The webhook worker wakes when this node commits an event, not at its next tick: the signal comes once the event
/// is committed — never for a transaction still open or rolled back, never for a save without events.
/// </summary>
public sealed class OutboxSignalTests(MutualApp app) : IClassFixture<MutualApp>
{
    private OutboxSignal Signal => app.Services.GetRequiredService<OutboxSignal>();

    private Task<bool> SignalledAsync() => Signal.WaitAsync(TimeSpan.Zero, app.Clock, TestContext.Current.CancellationToken);

    private async Task<MutualDbContext> SystemAsync() =>
        await app.Services.GetRequiredService<IDbContextFactory<MutualDbContext>>().CreateSystemAsync(TestContext.Current.CancellationToken);

    private OutboxMessage Event() => OutboxMessage.Create("party.updated", app.Clock.GetUtcNow().UtcDateTime, new { partyId = Guid.NewGuid() }, [Guid.NewGuid()]);

    [Fact]
    public async Task AnEventCommittedThroughTheApiWakesAWaitingWorker()
    {
        var admin = await app.AdminAsync();
        await SignalledAsync(); // whatever signing in committed

        // The wait's own timeout is on the fake clock, which does not move: only the signal can end it.
        var waiting = Signal.WaitAsync(TimeSpan.FromHours(1), app.Clock, TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);
        await admin.CreatePartyAsync("organization", "Signal Co");
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task LeadEventsWrittenBelowEfWakeAWaitingWorker()
    {
        var (owner, _) = await app.ChannelAsync(ChannelSetup.Profile(["NL"], 2));
        await SignalledAsync();

        var waiting = Signal.WaitAsync(TimeSpan.FromHours(1), app.Clock, TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);
        // A save that moves leads writes its leads and their events below EF (decision 037): EF never sees them added.
        await (await owner.Client.PostAsJsonAsync("/api/v1/leads/batch", new { leads = new[] { new { title = "Signal pump", contactName = "Ann", country = "NL" } } }))
            .Expect(HttpStatusCode.OK);
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ManyCommitsWhileTheWorkerIsBusyWakeItOnce()
    {
        await SignalledAsync();
        await using var db = await SystemAsync();
        for (var i = 0; i < 3; i++)
        {
            db.Outbox.Add(Event());
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        Assert.True(await SignalledAsync());
        Assert.False(await SignalledAsync());
    }

    [Fact]
    public async Task InsideATransactionTheSignalWaitsForTheCommit()
    {
        await SignalledAsync();
        await using var db = await SystemAsync();
        await using (var tx = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            db.Outbox.Add(Event());
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            Assert.False(await SignalledAsync());
            await tx.CommitAsync(TestContext.Current.CancellationToken);
        }
        Assert.True(await SignalledAsync());
    }

    [Fact]
    public async Task ARolledBackEventOrASaveWithoutEventsSignalsNothing()
    {
        await SignalledAsync();
        await using var db = await SystemAsync();
        await using (var tx = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            db.Outbox.Add(Event());
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await tx.RollbackAsync(TestContext.Current.CancellationToken);
        }
        Assert.False(await SignalledAsync());

        db.ChangeTracker.Clear();
        var message = Event();
        db.Outbox.Add(message);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        Assert.True(await SignalledAsync());
        message.DispatchedAt = app.Clock.GetUtcNow().UtcDateTime; // a save that only changes an event is not a new one
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        Assert.False(await SignalledAsync());
    }
}
