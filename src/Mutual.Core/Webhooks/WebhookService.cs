using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Webhooks;

/// <summary>An organization's webhook endpoints: register, change, rotate the secret, remove. Only the owner sees them (query filter).</summary>
public sealed class WebhookService(MutualDbContext db, TimeProvider clock, WebhookOptions options)
{
    public const int MaxEvents = 64;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<WebhookDto>> CreateAsync(CreateWebhookRequest request, CancellationToken ct = default)
    {
        var v = new Validation();
        var url = await CheckUrlAsync(v, request.Url, ct);
        var events = CheckEvents(v, request.Events);
        if (!v.IsValid) return v.Fail<WebhookDto>();
        var now = Now;
        var endpoint = new WebhookEndpoint
        {
            OwnerPartyId = db.ActingPartyId, Url = url!, Events = events!, Secret = WebhookSignature.NewSecret(), CreatedAt = now, UpdatedAt = now,
        };
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(ct);
        return Outcome<WebhookDto>.Ok(WebhookDto.From(endpoint, now, endpoint.Secret));
    }

    public async Task<Outcome<Page<WebhookDto>>> ListAsync(int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "g");
        if (!v.IsValid) return v.Fail<Page<WebhookDto>>();
        var q = db.WebhookEndpoints.AsNoTracking().Where(e => e.OwnerPartyId == db.Actor.PartyId);
        if (page.AfterGuid(0) is { } after) q = q.Where(e => e.Id.CompareTo(after) > 0);
        var rows = await q.OrderBy(e => e.Id).Take(page.Limit + 1).ToListAsync(ct);
        var cut = page.ToPage(rows, e => PageRequest.Encode(e.Id.ToString()));
        var now = Now;
        return Outcome<Page<WebhookDto>>.Ok(new Page<WebhookDto>(cut.Items.Select(e => WebhookDto.From(e, now)).ToList(), cut.NextCursor));
    }

    public async Task<Outcome<WebhookDto>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var e = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return e is null ? NotFound<WebhookDto>() : Outcome<WebhookDto>.Ok(WebhookDto.From(e, Now));
    }

    /// <summary>Changes the URL, the events, or switches the endpoint on or off; switching on forgets the failures.</summary>
    public async Task<Outcome<WebhookDto>> UpdateAsync(Guid id, string? url, List<string?>? events, bool? enabled, long? expectedVersion, CancellationToken ct = default)
    {
        var e = await db.WebhookEndpoints.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return NotFound<WebhookDto>();
        if (expectedVersion is { } ev && ev != e.Version) return Outcome<WebhookDto>.Stale();
        var v = new Validation();
        var checkedUrl = url is null ? null : await CheckUrlAsync(v, url, ct);
        var checkedEvents = events is null ? null : CheckEvents(v, events);
        if (!v.IsValid) return v.Fail<WebhookDto>();
        if (checkedUrl is not null) e.Url = checkedUrl;
        if (checkedEvents is not null) e.Events = checkedEvents;
        if (enabled is { } on && on != e.Enabled)
        {
            e.Enabled = on;
            e.DisabledReason = on ? null : "Disabled by its owner.";
            e.FailingSince = null;
        }
        return await SaveAsync(e, ct);
    }

    public async Task<Outcome<bool>> DeleteAsync(Guid id, long? expectedVersion, CancellationToken ct = default)
    {
        var e = await db.WebhookEndpoints.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return NotFound<bool>();
        if (expectedVersion is { } ev && ev != e.Version) return Outcome<bool>.Stale();
        db.WebhookEndpoints.Remove(e); // its deliveries go with it (cascade)
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Outcome<bool>.Stale(); }
        return Outcome<bool>.Ok(true);
    }

    /// <summary>A new secret, shown once; the old one keeps signing alongside it for the grace period.</summary>
    public async Task<Outcome<WebhookDto>> RotateSecretAsync(Guid id, CancellationToken ct = default)
    {
        var e = await db.WebhookEndpoints.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return NotFound<WebhookDto>();
        e.PreviousSecret = e.Secret;
        e.PreviousSecretUntil = Now + options.RotationGrace;
        e.Secret = WebhookSignature.NewSecret();
        var saved = await SaveAsync(e, ct);
        return saved.IsOk ? Outcome<WebhookDto>.Ok(saved.Value! with { Secret = e.Secret }) : saved;
    }

    public async Task<Outcome<Page<WebhookDeliveryDto>>> DeliveriesAsync(Guid id, string? state, int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "g");
        if (state is not null and not (WebhookDelivery.Pending or WebhookDelivery.Delivered or WebhookDelivery.Failed))
            v.Add("state", "'state' must be pending, delivered or failed.");
        if (!v.IsValid) return v.Fail<Page<WebhookDeliveryDto>>();
        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == id, ct)) return NotFound<Page<WebhookDeliveryDto>>();
        var q = db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == id);
        if (state is not null) q = q.Where(d => d.State == state);
        if (page.AfterGuid(0) is { } after) q = q.Where(d => d.Id.CompareTo(after) < 0);
        var rows = await q.OrderByDescending(d => d.Id).Take(page.Limit + 1).ToListAsync(ct);
        var cut = page.ToPage(rows, d => PageRequest.Encode(d.Id.ToString()));
        return Outcome<Page<WebhookDeliveryDto>>.Ok(new(cut.Items.Select(WebhookDeliveryDto.From).ToList(), cut.NextCursor));
    }

    /// <summary>Sends a delivery again, now, with a fresh retry schedule (e.g. after fixing the receiver).</summary>
    public async Task<Outcome<WebhookDeliveryDto>> RedeliverAsync(Guid id, Guid deliveryId, CancellationToken ct = default)
    {
        var d = await db.WebhookDeliveries.Include(x => x.Endpoint).FirstOrDefaultAsync(x => x.Id == deliveryId && x.EndpointId == id, ct);
        if (d is null) return Outcome<WebhookDeliveryDto>.NotFound("No such delivery.");
        if (!d.Endpoint!.Enabled) return Outcome<WebhookDeliveryDto>.Unprocessable("The endpoint is disabled; enable it first.");
        if (d.LeaseUntil > Now) return Outcome<WebhookDeliveryDto>.Conflict("This delivery is being sent right now.");
        d.State = WebhookDelivery.Pending;
        d.Attempts = 0;
        d.NextAttemptAt = Now;
        d.DeliveredAt = null;
        await db.SaveChangesAsync(ct);
        return Outcome<WebhookDeliveryDto>.Ok(WebhookDeliveryDto.From(d));
    }

    private async Task<Outcome<WebhookDto>> SaveAsync(WebhookEndpoint e, CancellationToken ct)
    {
        e.UpdatedAt = Now;
        e.Version++;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Outcome<WebhookDto>.Stale(); }
        return Outcome<WebhookDto>.Ok(WebhookDto.From(e, Now));
    }

    private async Task<string?> CheckUrlAsync(Validation v, string? url, CancellationToken ct)
    {
        v.Require("url", url, 2048);
        if (!v.IsValid) return null;
        var problem = await NetworkGuard.CheckUrlAsync(url!.Trim(), options.AllowPrivateNetworks, ct);
        if (problem is not null) v.Add("url", problem);
        return problem is null ? url.Trim() : null;
    }

    private static List<string>? CheckEvents(Validation v, List<string?>? events)
    {
        if (events is null || events.Count == 0) { v.Add("events", "'events' must name at least one event type (or \"*\")."); return null; }
        if (events.Count > MaxEvents) { v.Add("events", $"'events' may name at most {MaxEvents} types."); return null; }
        var unknown = events.Where(t => t is null || (t != EventTypes.All && !EventTypes.IsKnown(t))).ToList();
        if (unknown.Count > 0) { v.Add("events", $"Unknown event type(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", EventTypes.Known)}, or \"*\"."); return null; }
        return events.Distinct().ToList()!;
    }

    private static Outcome<T> NotFound<T>() => Outcome<T>.NotFound("No such webhook.");
}
