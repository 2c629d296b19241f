using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Commerce;

public sealed record UpdateOrderRequest(string? Status, string? Note);

/// <summary>
/// Orders after hand-off. The fulfilling partner confirms, ships and delivers; the partner or the seller may
/// cancel before shipping, the customer only until the partner confirms. Each change is kept in the history.
/// </summary>
public sealed class OrderService(MutualDbContext db, TimeProvider clock)
{
    public const string StatusChangedEvent = "order.status_changed";

    public async Task<Outcome<OrderDto>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var o = await db.Orders.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return o is null ? Outcome<OrderDto>.NotFound("No such order.") : Outcome<OrderDto>.Ok((await OrderView.DescribeAsync(db, [o], ct))[0]);
    }

    /// <summary>The actor's orders, newest first: as customer, seller or fulfilling partner (role), optionally by status.</summary>
    public async Task<Outcome<Page<OrderDto>>> ListAsync(string? role, string? status, int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "tg");
        if (role is not null and not ("customer" or "seller" or "partner")) v.Add("role", "'role' must be 'customer', 'seller' or 'partner'.");
        if (status is not null && !OrderStatus.All.Contains(status)) v.Add("status", $"'status' must be one of {string.Join(", ", OrderStatus.All)}.");
        if (!v.IsValid) return v.Fail<Page<OrderDto>>();
        var me = db.ActingPartyId;
        var q = db.Orders.AsNoTracking();
        if (status is not null) q = q.Where(o => o.Status == status);
        if (page.AfterTime(0) is { } at && page.AfterGuid(1) is { } after)
            q = q.Where(o => o.CreatedAt < at || (o.CreatedAt == at && o.Id.CompareTo(after) < 0));
        // One newest-first range of a (Customer… / Seller… / Partner…, CreatedAt, Id) index per role the actor may play
        // (disjoint: customer, then seller, then partner); the access filter's OR alone reads and sorts every visible order.
        var take = page.Limit + 1;
        var rows = new List<Order>();
        if (role is null or "customer") rows.AddRange(await Newest(q.Where(o => o.CustomerPartyId == me), take, ct));
        if (role is "seller") rows.AddRange(await Newest(q.Where(o => o.SellerPartyId == me), take, ct));
        if (role is null) rows.AddRange(await Newest(q.Where(o => o.SellerPartyId == me && o.CustomerPartyId != me), take, ct));
        if (role is "partner") rows.AddRange(await Newest(q.Where(o => o.PartnerPartyId == me), take, ct));
        if (role is null)
            rows.AddRange(await Newest(q.Where(o => o.PartnerPartyId == me && o.CustomerPartyId != me && o.SellerPartyId != me), take, ct));
        rows = rows.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(take).ToList();
        var cut = page.ToPage(rows, o => PageRequest.Encode(PageRequest.Ticks(o.CreatedAt), o.Id.ToString()));
        return Outcome<Page<OrderDto>>.Ok(new Page<OrderDto>(await OrderView.DescribeAsync(db, cut.Items, ct), cut.NextCursor));
    }

    private static Task<List<Order>> Newest(IQueryable<Order> q, int take, CancellationToken ct) =>
        q.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(take).ToListAsync(ct);

    public async Task<Outcome<OrderDto>> UpdateAsync(Guid id, UpdateOrderRequest request, long? expectedVersion, CancellationToken ct = default)
    {
        var o = await db.Orders.Include(x => x.Lines).Include(x => x.History).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return Outcome<OrderDto>.NotFound("No such order.");
        var v = new Validation();
        if (request.Status is null) v.Add("status", "'status' is required.");
        else if (!OrderStatus.All.Contains(request.Status)) v.Add("status", $"'status' must be one of {string.Join(", ", OrderStatus.All)}.");
        v.MaxLength("note", request.Note, CommerceRules.NoteMax);
        if (!v.IsValid) return v.Fail<OrderDto>();
        if (expectedVersion is { } ev && ev != o.Version) return Outcome<OrderDto>.Stale();
        var to = request.Status!;
        if (!OrderStatus.CanMove(o.Status, to))
            return Outcome<OrderDto>.Unprocessable($"An order moves forward only (handed_off → confirmed → shipped → delivered, or cancelled before shipping); it cannot go from {o.Status} to {to}.");
        if (Refusal(o, to) is { } refusal) return Outcome<OrderDto>.Unprocessable(refusal);

        var now = clock.GetUtcNow().UtcDateTime;
        var from = o.Status;
        o.Status = to;
        o.UpdatedAt = now;
        o.Version++;
        var change = new OrderStatusChange
        {
            OrderId = o.Id, FromStatus = from, Status = to, At = now, ByPartyId = db.ActingPartyId, ByPersonPartyId = db.Actor.PersonPartyId,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
        };
        db.OrderStatusChanges.Add(change); // through the set: the new row already has its id
        db.Outbox.Add(OutboxMessage.Create(StatusChangedEvent, now,
            new { orderId = o.Id, cartId = o.CartId, from, to, at = now, byPartyId = change.ByPartyId, note = change.Note,
                customerPartyId = o.CustomerPartyId, sellerPartyId = o.SellerPartyId, partnerPartyId = o.PartnerPartyId },
            [o.CustomerPartyId, o.SellerPartyId, o.PartnerPartyId]));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Outcome<OrderDto>.Stale(); }
        return Outcome<OrderDto>.Ok((await OrderView.DescribeAsync(db, [o], ct))[0]);
    }

    /// <summary>Who may make which move: the partner fulfils; a cancel is also the seller's, and the customer's until confirmed.</summary>
    private string? Refusal(Order o, string to)
    {
        var me = db.ActingPartyId;
        if (me == o.PartnerPartyId) return null;
        if (to != OrderStatus.Cancelled) return "Only the fulfilling partner confirms, ships or delivers an order.";
        if (me == o.SellerPartyId) return null;
        if (me == o.CustomerPartyId && o.Status == OrderStatus.HandedOff) return null;
        return "The customer can cancel only until the partner confirms the order; ask the partner or the seller.";
    }
}
