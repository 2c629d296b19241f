using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Webhooks;

/// <summary>
/// Fans undispatched outbox messages out into deliveries: one per enabled endpoint that subscribes to the
/// type and whose owner is in the message's audience, so a receiver only hears of records its organization
/// may see. The deliveries and the dispatch mark are saved in one transaction; on PostgreSQL the batch is
/// locked with SKIP LOCKED, so two app nodes never fan out the same message.
/// </summary>
public sealed class WebhookDispatcher(IDbContextFactory<MutualDbContext> factory, TimeProvider clock)
{
    public const int BatchSize = 200;

    /// <summary>Dispatches until the outbox is drained; returns how many deliveries were created.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        await SkipUnsubscribedAsync(ct);
        var total = 0;
        while (true)
        {
            var (messages, deliveries) = await DispatchBatchAsync(ct);
            total += deliveries;
            if (messages < BatchSize) return total;
        }
    }

    /// <summary>
    /// Marks dispatched, in one statement, the waiting events of types no enabled endpoint subscribes to: they make no
    /// delivery, and taken in order with the rest, a burst of them held up the events behind it — the 1M benchmark's
    /// lead scenario left ~25,000 lead.assigned events, which a node fanned out at ~2,800 a second while the posts
    /// after them waited. Only events already waiting before the subscriptions are read are set aside: an endpoint
    /// created while this runs must still get the events that come after it.
    /// </summary>
    internal async Task SkipUnsubscribedAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateSystemAsync(ct);
        var waiting = db.Outbox.IgnoreQueryFilters().Where(o => o.DispatchedAt == null);
        var newest = await waiting.OrderByDescending(o => o.Id).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        if (newest is not { } last) return;
        var subscribed = (await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled).Select(e => e.Events).ToListAsync(ct))
            .SelectMany(events => events).Distinct().ToList();
        if (subscribed.Contains(EventTypes.All)) return;
        // Looked for first, so a pass with nothing to set aside takes no write lock.
        var unsubscribed = waiting.Where(o => o.Id.CompareTo(last) <= 0 && !subscribed.Contains(o.Type));
        if (!await unsubscribed.AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        await unsubscribed.ExecuteUpdateAsync(s => s.SetProperty(o => o.DispatchedAt, now), ct);
    }

    private async Task<(int Messages, int Deliveries)> DispatchBatchAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateSystemAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = db.IsPostgres()
            ? await db.Outbox.FromSql($"""
                SELECT * FROM "Outbox" WHERE "DispatchedAt" IS NULL ORDER BY "Id" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                """).IgnoreQueryFilters().AsNoTracking().ToListAsync(ct)
            : await db.Outbox.AsNoTracking().Where(o => o.DispatchedAt == null).OrderBy(o => o.Id).Take(BatchSize).ToListAsync(ct);
        if (batch.Count == 0) return (0, 0);

        var owners = batch.SelectMany(o => o.AudiencePartyIds).Distinct().ToList();
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled && owners.Contains(e.OwnerPartyId)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var created = 0;
        foreach (var message in batch)
        {
            string? body = null;
            foreach (var endpoint in endpoints.Where(e => message.AudiencePartyIds.Contains(e.OwnerPartyId) && e.Wants(message.Type)))
            {
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    EndpointId = endpoint.Id, OwnerPartyId = endpoint.OwnerPartyId, EventId = message.Id, EventType = message.Type,
                    Payload = body ??= Body(message), NextAttemptAt = now, CreatedAt = now,
                });
                created++;
            }
        }
        await db.SaveChangesAsync(ct);
        // The batch is marked in one statement: most events have no subscriber, and after a busy spell (a lead
        // intake, an import) a node must get through thousands of them before the next event's deliveries are made.
        var ids = batch.Select(o => o.Id).ToList();
        await db.Outbox.IgnoreQueryFilters().Where(o => ids.Contains(o.Id)).ExecuteUpdateAsync(s => s.SetProperty(o => o.DispatchedAt, now), ct);
        await tx.CommitAsync(ct);
        return (batch.Count, created);
    }

    /// <summary>The delivered body: <c>{ type, timestamp, data }</c>, timestamp in RFC 3339 UTC.</summary>
    public static string Body(OutboxMessage message) => new JsonObject
    {
        ["type"] = message.Type,
        ["timestamp"] = message.OccurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        ["data"] = JsonNode.Parse(message.Data),
    }.ToJsonString(JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
