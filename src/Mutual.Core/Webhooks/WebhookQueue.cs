using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Webhooks;

/// <summary>A claimed delivery, with everything needed to send it without touching the database.</summary>
public sealed record DeliveryWork(Guid Id, Guid EventId, string Url, string Payload, IReadOnlyList<string> Secrets, DateTime LeaseUntil);

/// <summary>What one attempt came to: a status code, or an error before any answer.</summary>
public sealed record AttemptResult(int? StatusCode, string? Error)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>
/// The delivery queue in the database: claims due deliveries for one node (a lease, with SKIP LOCKED on
/// PostgreSQL so concurrent nodes take disjoint rows) and records each attempt's outcome — retry on the
/// schedule, give up and disable the endpoint when the schedule is exhausted, disable at once on 410 Gone.
/// </summary>
public sealed class WebhookQueue(IDbContextFactory<MutualDbContext> factory, TimeProvider clock, WebhookOptions options)
{
    public async Task<IReadOnlyList<DeliveryWork>> ClaimAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateSystemAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var limit = options.BatchSize;
        var due = db.IsPostgres()
            ? await db.WebhookDeliveries.FromSql($"""
                SELECT d.* FROM "WebhookDeliveries" d
                WHERE d."State" = {WebhookDelivery.Pending} AND d."NextAttemptAt" <= {now}
                  AND (d."LeaseUntil" IS NULL OR d."LeaseUntil" < {now})
                  AND EXISTS (SELECT 1 FROM "WebhookEndpoints" e WHERE e."Id" = d."EndpointId" AND e."Enabled")
                ORDER BY d."NextAttemptAt" LIMIT {limit}
                FOR UPDATE OF d SKIP LOCKED
                """).IgnoreQueryFilters().ToListAsync(ct)
            : await db.WebhookDeliveries.Where(d => d.State == WebhookDelivery.Pending && d.NextAttemptAt <= now
                    && (d.LeaseUntil == null || d.LeaseUntil < now) && d.Endpoint!.Enabled)
                .OrderBy(d => d.NextAttemptAt).Take(limit).ToListAsync(ct);
        if (due.Count == 0) return [];
        var endpointIds = due.Select(d => d.EndpointId).Distinct().ToList();
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => endpointIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        // Whole milliseconds, so the value read back from either database still equals the one handed out.
        var lease = now + options.Lease;
        lease = new DateTime(lease.Ticks - lease.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        foreach (var d in due) d.LeaseUntil = lease;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return due.Select(d => new DeliveryWork(d.Id, d.EventId, endpoints[d.EndpointId].Url, d.Payload,
            endpoints[d.EndpointId].SigningSecrets(now), lease)).ToList();
    }

    /// <summary>
    /// Records finished attempts, all in one transaction (one commit for a group, not one per delivery: at one per
    /// delivery a node sent only as fast as its store commits). The endpoint rows are shared by their deliveries (and
    /// editable by their owners), so a concurrent change is retried once on fresh data.
    /// </summary>
    public async Task RecordAsync(IReadOnlyList<(DeliveryWork Work, AttemptResult Result)> attempts, CancellationToken ct = default)
    {
        if (attempts.Count == 0) return;
        try { await RecordOnceAsync(attempts, ct); }
        catch (DbUpdateConcurrencyException) { await RecordOnceAsync(attempts, ct); }
    }

    private async Task RecordOnceAsync(IReadOnlyList<(DeliveryWork Work, AttemptResult Result)> attempts, CancellationToken ct)
    {
        await using var db = await factory.CreateSystemAsync(ct);
        var ids = attempts.Select(a => a.Work.Id).ToList();
        var deliveries = await db.WebhookDeliveries.Include(x => x.Endpoint).Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (work, result) in attempts)
        {
            // Gone (endpoint deleted), or the lease ran out and another node took the delivery over: its record wins.
            if (!deliveries.TryGetValue(work.Id, out var d) || d.LeaseUntil != work.LeaseUntil) continue;
            Apply(d, result, now, db);
        }
        await db.SaveChangesAsync(ct);
    }

    private void Apply(WebhookDelivery d, AttemptResult result, DateTime now, MutualDbContext db)
    {
        var endpoint = d.Endpoint!;
        d.Attempts++;
        d.LastAttemptAt = now;
        d.LastStatusCode = result.StatusCode;
        d.LastError = result.Error is { Length: > 500 } e ? e[..500] : result.Error;
        d.LeaseUntil = null;
        if (result.Succeeded)
        {
            d.State = WebhookDelivery.Delivered;
            d.DeliveredAt = now;
            d.NextAttemptAt = null;
            endpoint.FailingSince = null;
        }
        else
        {
            endpoint.FailingSince ??= now;
            if (result.StatusCode == 410) Give(d, endpoint, now, db, "The receiver answered 410 Gone.");
            else if (d.Attempts >= options.Schedule.Count) Give(d, endpoint, now, db, $"Every retry of an event failed ({d.Attempts} attempts).");
            else d.NextAttemptAt = now + options.Schedule[d.Attempts];
        }
    }

    private static void Give(WebhookDelivery d, WebhookEndpoint endpoint, DateTime now, MutualDbContext db, string reason)
    {
        d.State = WebhookDelivery.Failed;
        d.NextAttemptAt = null;
        if (!endpoint.Enabled) return;
        endpoint.Enabled = false;
        endpoint.DisabledReason = reason;
        endpoint.UpdatedAt = now;
        endpoint.Version++;
        // Told to the owner's other endpoints; this one is disabled, so it never hears of its own disabling.
        db.Outbox.Add(OutboxMessage.Create("webhook.disabled", now, new { webhookId = endpoint.Id, url = endpoint.Url, reason }, [endpoint.OwnerPartyId]));
    }
}
