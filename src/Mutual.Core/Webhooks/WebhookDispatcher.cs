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

    /// <summary>
    /// How far behind its own start a pass looks for events still waiting: an event takes its id before its
    /// transaction commits, so one may land a little behind the last pass. Events later than that still go out at the
    /// next pass that reads from the start.
    /// </summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromSeconds(5);

    /// <summary>How often a pass reads the waiting events from the start (always the first pass of a node).</summary>
    public static readonly TimeSpan FromStartEvery = TimeSpan.FromSeconds(30);

    // Where this instance's passes start (by the wall clock, which ids carry), and when one last read from the start.
    private readonly Lock _gate = new();
    private Guid _from;
    private DateTimeOffset? _fromStartAt;

    /// <summary>
    /// Dispatches until the outbox is drained; returns how many deliveries were created. Most passes read only the
    /// events of the last few seconds (<see cref="Lookback"/>): a dispatched event's entry stays in PostgreSQL's index
    /// of waiting events until vacuum, and at 1M a pass that read from the start walked ~1,500 pages of them four times
    /// (~7 ms of the store's time per pass, a pass per commit), however few events were waiting.
    /// </summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var startedMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var now = clock.GetUtcNow();
        Guid from;
        bool fromStart;
        lock (_gate)
        {
            fromStart = _fromStartAt is not { } at || now - at >= FromStartEvery;
            from = fromStart ? Guid.Empty : _from;
        }
        await SkipUnsubscribedAsync(from, ct);
        var total = 0;
        while (true)
        {
            var (messages, deliveries) = await DispatchBatchAsync(from, ct);
            total += deliveries;
            if (messages < BatchSize) break;
        }
        lock (_gate)
        {
            _from = Uuid7.First(startedMs - (long)Lookback.TotalMilliseconds);
            if (fromStart) _fromStartAt = now;
        }
        return total;
    }

    /// <summary>
    /// Marks dispatched, in one statement, the waiting events of types no enabled endpoint subscribes to: they make no
    /// delivery, and taken in order with the rest, a burst of them held up the events behind it — the 1M benchmark's
    /// lead scenario left ~25,000 lead.assigned events, which a node fanned out at ~2,800 a second while the posts
    /// after them waited. Only events made before the subscriptions are read are set aside (an id made now is
    /// greater than every id made before it): an endpoint created while this runs must still get the events after it.
    /// </summary>
    internal async Task SkipUnsubscribedAsync(Guid from, CancellationToken ct)
    {
        var last = Uuid7.NewId();
        await using var db = await factory.CreateSystemAsync(ct);
        var subscribed = (await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled).Select(e => e.Events).ToListAsync(ct))
            .SelectMany(events => events).Distinct().ToList();
        if (subscribed.Contains(EventTypes.All)) return;
        // Looked for first, so a pass with nothing to set aside takes no write lock.
        var unsubscribed = db.Outbox.IgnoreQueryFilters()
            .Where(o => o.DispatchedAt == null && o.Id.CompareTo(from) > 0 && o.Id.CompareTo(last) < 0 && !subscribed.Contains(o.Type));
        if (!await unsubscribed.AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        await unsubscribed.ExecuteUpdateAsync(s => s.SetProperty(o => o.DispatchedAt, now), ct);
    }

    private async Task<(int Messages, int Deliveries)> DispatchBatchAsync(Guid from, CancellationToken ct)
    {
        await using var db = await factory.CreateSystemAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = db.IsPostgres()
            ? await db.Outbox.FromSql($"""
                SELECT * FROM "Outbox" WHERE "DispatchedAt" IS NULL AND "Id" > {from} ORDER BY "Id" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                """).IgnoreQueryFilters().AsNoTracking().ToListAsync(ct)
            : await db.Outbox.AsNoTracking().Where(o => o.DispatchedAt == null && o.Id.CompareTo(from) > 0).OrderBy(o => o.Id).Take(BatchSize).ToListAsync(ct);
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
