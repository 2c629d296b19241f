using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;
using Mutual.Core.Webhooks;

namespace Mutual.Core.Tests;

/// <summary>Waiting events no enabled endpoint subscribes to are set aside at once, so they hold up no one.</summary>
public sealed class WebhookDispatcherTests(CoreDatabase database) : IClassFixture<CoreDatabase>
{
    [Fact]
    public async Task EventsOfTypesNobodySubscribesToAreMarkedDispatchedBeforeTheFanOut()
    {
        var ct = TestContext.Current.CancellationToken;
        var owner = Guid.CreateVersion7();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        await using (var db = database.Open(Actor.System))
        {
            db.WebhookEndpoints.Add(new WebhookEndpoint { OwnerPartyId = owner, Url = "https://example.com/hook", Events = ["party.created"], Secret = "s", CreatedAt = now, UpdatedAt = now });
            db.WebhookEndpoints.Add(new WebhookEndpoint { OwnerPartyId = owner, Url = "https://example.com/off", Events = ["lead.assigned"], Enabled = false, Secret = "s", CreatedAt = now, UpdatedAt = now });
            for (var i = 0; i < 30; i++) db.Outbox.Add(OutboxMessage.Create("lead.assigned", now, new { i }, [owner]));
            db.Outbox.Add(OutboxMessage.Create("party.created", now, new { }, [owner]));
            await db.SaveChangesAsync(ct);
        }

        await new WebhookDispatcher(database.Factory, database.Clock).SkipUnsubscribedAsync(Guid.Empty, ct);

        // This owner's events and deliveries only: the class's other tests share the database.
        await using var check = database.Open(Actor.System);
        var waiting = (await check.Outbox.IgnoreQueryFilters().Where(o => o.DispatchedAt == null).ToListAsync(ct))
            .Where(o => o.AudiencePartyIds.Contains(owner)).Select(o => o.Type).ToList();
        Assert.Equal(["party.created"], waiting); // a disabled endpoint's subscription does not count
        Assert.Empty(await check.WebhookDeliveries.Where(d => d.OwnerPartyId == owner).ToListAsync(ct));
    }

    [Fact]
    public async Task AnEventCommittedBehindThePassesGoesOutAtTheNextPassFromTheStart()
    {
        var ct = TestContext.Current.CancellationToken;
        var owner = Guid.CreateVersion7();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var endpoint = new WebhookEndpoint { OwnerPartyId = owner, Url = "https://example.com/late", Events = ["party.created"], Secret = "s", CreatedAt = now, UpdatedAt = now };
        await using (var db = database.Open(Actor.System))
        {
            db.WebhookEndpoints.Add(endpoint);
            await db.SaveChangesAsync(ct);
        }
        var dispatcher = new WebhookDispatcher(database.Factory, database.Clock);
        await dispatcher.RunAsync(ct); // a node's first pass reads from the start

        // An event that took its id a minute ago and commits only now (a long transaction), beside a fresh one.
        var late = OutboxMessage.Create("party.created", now, new { n = "late" }, [owner]);
        late.Id = Uuid7.First(DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds());
        var fresh = OutboxMessage.Create("party.created", now, new { n = "fresh" }, [owner]);
        await using (var db = database.Open(Actor.System))
        {
            db.Outbox.AddRange(late, fresh);
            await db.SaveChangesAsync(ct);
        }
        async Task<List<Guid>> Delivered()
        {
            await using var check = database.Open(Actor.System);
            return await check.WebhookDeliveries.Where(d => d.EndpointId == endpoint.Id).Select(d => d.EventId).ToListAsync(ct);
        }

        // The next pass reads only the last few seconds: the fresh event goes out, the late one waits...
        await dispatcher.RunAsync(ct);
        Assert.Equal([fresh.Id], await Delivered());
        // ...until a pass reads from the start again, and then it is not lost.
        database.Clock.Advance(WebhookDispatcher.FromStartEvery);
        await dispatcher.RunAsync(ct);
        Assert.Equal([fresh.Id, late.Id], (await Delivered()).Order().Reverse().ToList());
    }
}
