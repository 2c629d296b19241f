using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;
using Mutual.Core.Webhooks;

namespace Mutual.Core.Tests;

/// <summary>
/// Setting aside unsubscribed events races with new subscriptions: an endpoint created just after the subscriptions
/// were read must still get the events that come after it. (A database of its own: it leaves an endpoint enabled.)
/// </summary>
public sealed class WebhookSubscriptionRaceTests(CoreDatabase database) : IClassFixture<CoreDatabase>
{
    [Fact]
    public async Task AnEventMadeAfterTheSubscriptionsWereReadIsNotSetAside()
    {
        var ct = TestContext.Current.CancellationToken;
        var owner = Guid.CreateVersion7();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var before = OutboxMessage.Create("case.updated", now, new { n = 0 }, [owner]);
        await using (var db = database.Open(Actor.System))
        {
            db.Outbox.Add(before);
            await db.SaveChangesAsync(ct);
        }
        var subscribe = new SubscribeOnceRead(database, owner, now);

        await new WebhookDispatcher(new InterceptedFactory(database, subscribe), database.Clock).SkipUnsubscribedAsync(Guid.Empty, ct);

        Assert.NotNull(subscribe.After);
        await using var check = database.Open(Actor.System);
        var dispatched = await check.Outbox.IgnoreQueryFilters().ToDictionaryAsync(o => o.Id, o => o.DispatchedAt is not null, ct);
        Assert.True(dispatched[before.Id]); // nobody subscribed when it was set aside
        Assert.False(dispatched[subscribe.After!.Id]); // the new endpoint's event waits for the fan-out
    }

    /// <summary>Right after the subscriptions are read, another connection subscribes to the type and makes an event of it.</summary>
    private sealed class SubscribeOnceRead(CoreDatabase database, Guid owner, DateTime now) : DbCommandInterceptor
    {
        public OutboxMessage? After { get; private set; }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            if (After is null && command.CommandText.Contains("\"WebhookEndpoints\"", StringComparison.Ordinal))
            {
                await using var other = database.Open(Actor.System);
                other.WebhookEndpoints.Add(new WebhookEndpoint { OwnerPartyId = owner, Url = "https://example.com/new", Events = ["case.updated"], Secret = "s", CreatedAt = now, UpdatedAt = now });
                After = OutboxMessage.Create("case.updated", now, new { n = 1 }, [owner]);
                other.Outbox.Add(After);
                await other.SaveChangesAsync(cancellationToken);
            }
            return result;
        }
    }

    private sealed class InterceptedFactory(CoreDatabase database, IInterceptor interceptor) : IDbContextFactory<MutualDbContext>
    {
        public MutualDbContext CreateDbContext() => database.OpenIntercepted(Actor.Anonymous, interceptor);
    }
}
