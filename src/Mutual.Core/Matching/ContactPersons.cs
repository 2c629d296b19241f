using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;
using Mutual.Core.Parties;

namespace Mutual.Core.Matching;

public sealed record ContactPersonRequest(Guid? RepPartyId);

/// <summary>The organization's contact person for a buyer, who assigned them and when.</summary>
public sealed record ContactPersonDto(Guid BuyerPartyId, Guid RepPartyId, PartyRef Rep, Guid AssignedByPartyId, PartyRef AssignedBy, DateTime AssignedAt, long Version);

/// <summary>
/// Assigning one of the organization's reps as its contact person for a buyer: a row per (organization, buyer),
/// the organization's own record. Events tell the organization and the rep, never the buyer.
/// </summary>
public sealed class ContactPersons(MutualDbContext db, IDbContextFactory<MutualDbContext> factory, TimeProvider clock)
{
    public const string Assigned = "party.contact_assigned";
    public const string Unassigned = "party.contact_unassigned";

    public async Task<Outcome<ContactPersonDto>> GetAsync(Guid buyerId, CancellationToken ct = default)
    {
        var refused = await MatchingGuard.BuyerAsync(db, buyerId, ct);
        if (refused is not null) return refused.Kind == OutcomeKind.NotFound ? refused.As<ContactPersonDto>() : Outcome<ContactPersonDto>.NotFound(None);
        var row = await Find(buyerId).AsNoTracking().FirstOrDefaultAsync(ct);
        return row is null ? Outcome<ContactPersonDto>.NotFound(None) : Outcome<ContactPersonDto>.Ok(await DescribeAsync(row, ct));
    }

    /// <summary>Creates or replaces the assignment; If-Match guards a replacement (and must be absent or 0 for a first one).</summary>
    public async Task<Outcome<ContactPersonDto>> PutAsync(Guid buyerId, ContactPersonRequest request, long? expectedVersion, CancellationToken ct = default)
    {
        var refused = await MatchingGuard.BuyerAsync(db, buyerId, ct);
        if (refused is not null) return refused.As<ContactPersonDto>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.RepPartyId is not { } rep) return Outcome<ContactPersonDto>.Invalid("repPartyId", "'repPartyId' is required: one of your organization's people.");
        List<Rep> reps;
        await using (var system = await factory.CreateSystemAsync(ct))
            reps = await Reps.OfAsync(system, db.Actor.PartyId, now, ct);
        if (rep == buyerId || !reps.Any(r => r.PartyId == rep))
            return Outcome<ContactPersonDto>.Invalid("repPartyId", "The contact person must be one of your organization's people (an account acting for it, or an active works-for).");

        var row = await Find(buyerId).FirstOrDefaultAsync(ct);
        Guid? previous = row?.RepPartyId;
        if (row is null)
        {
            if (expectedVersion is { } first && first != 0) return Outcome<ContactPersonDto>.Stale();
            row = new ContactAssignment { OrganizationPartyId = db.ActingPartyId, BuyerPartyId = buyerId, Version = 0 };
            db.Set<ContactAssignment>().Add(row);
        }
        else if (expectedVersion is { } ev && ev != row.Version) return Outcome<ContactPersonDto>.Stale();
        else if (row.RepPartyId == rep) return Outcome<ContactPersonDto>.Ok(await DescribeAsync(row, ct)); // nothing changes, nothing to announce

        row.RepPartyId = rep;
        row.AssignedByPersonPartyId = db.Actor.PersonPartyId;
        row.AssignedAt = now;
        row.Version++;
        db.Outbox.Add(OutboxMessage.Create(Assigned, now,
            new { organizationPartyId = row.OrganizationPartyId, buyerPartyId = buyerId, repPartyId = rep, previousRepPartyId = previous, assignmentVersion = row.Version },
            [row.OrganizationPartyId, rep]));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent first assignment won the unique (organization, buyer) index, or the version moved.
            return Outcome<ContactPersonDto>.Stale();
        }
        return Outcome<ContactPersonDto>.Ok(await DescribeAsync(row, ct));
    }

    public async Task<Outcome<bool>> DeleteAsync(Guid buyerId, long? expectedVersion, CancellationToken ct = default)
    {
        var refused = await MatchingGuard.BuyerAsync(db, buyerId, ct);
        if (refused is not null) return refused.Kind == OutcomeKind.NotFound ? refused : Outcome<bool>.NotFound(None);
        var row = await Find(buyerId).FirstOrDefaultAsync(ct);
        if (row is null) return Outcome<bool>.NotFound(None);
        if (expectedVersion is { } ev && ev != row.Version) return Outcome<bool>.Stale();
        db.Set<ContactAssignment>().Remove(row);
        db.Outbox.Add(OutboxMessage.Create(Unassigned, clock.GetUtcNow().UtcDateTime,
            new { organizationPartyId = row.OrganizationPartyId, buyerPartyId = buyerId, repPartyId = row.RepPartyId }, [row.OrganizationPartyId, row.RepPartyId]));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<bool>.Stale();
        }
        return Outcome<bool>.Ok(true);
    }

    private const string None = "No contact person is assigned for this party.";

    // The filter already limits rows to the acting organization's; naming it keeps the intent visible here.
    private IQueryable<ContactAssignment> Find(Guid buyerId) =>
        db.Set<ContactAssignment>().Where(a => a.OrganizationPartyId == db.Actor.PartyId && a.BuyerPartyId == buyerId);

    private async Task<ContactPersonDto> DescribeAsync(ContactAssignment a, CancellationToken ct)
    {
        var names = await PartyNames.LoadAsync(db, [a.RepPartyId, a.AssignedByPersonPartyId], ct);
        return new ContactPersonDto(a.BuyerPartyId, a.RepPartyId, names.Get(a.RepPartyId), a.AssignedByPersonPartyId, names.Get(a.AssignedByPersonPartyId), a.AssignedAt, a.Version);
    }
}
