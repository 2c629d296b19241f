using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
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

        await new WebhookDispatcher(database.Factory, database.Clock).SkipUnsubscribedAsync(ct);

        await using var check = database.Open(Actor.System);
        var waiting = await check.Outbox.IgnoreQueryFilters().Where(o => o.DispatchedAt == null).Select(o => o.Type).ToListAsync(ct);
        Assert.Equal(["party.created"], waiting); // a disabled endpoint's subscription does not count
        Assert.Empty(await check.WebhookDeliveries.ToListAsync(ct));
    }
}
