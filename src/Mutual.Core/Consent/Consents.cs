using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;
using Mutual.Core.Individuals;
using Mutual.Core.Parties;

namespace Mutual.Core.Consent;

/// <summary>
/// Grants, answers and revocations. The access rule shows a consent to its grantor and grantee only; within that,
/// the grantor grants and revokes, and the grantee accepts or declines proffered terms. A grant without terms is
/// live at once; one with terms is live only once the grantee accepts them (decision record 010).
/// </summary>
public sealed class Consents(MutualDbContext db)
{
    public async Task<Outcome<ConsentDto>> GrantAsync(GrantConsentRequest r, CancellationToken ct = default)
    {
        if (!db.Actor.IsIndividual()) return Outcome<ConsentDto>.Unprocessable("Only an individual acting for themself grants consents.");
        var now = db.Now;
        var v = new Validation();
        var scopes = (r.Scopes ?? []).Select(s => s?.Trim()).ToList();
        if (scopes.Count == 0) v.Add("scopes", $"At least one scope is required: {string.Join(", ", ConsentScopes.All)}.");
        else if (scopes.Any(s => !ConsentScopes.IsKnown(s))) v.Add("scopes", $"Each scope is one of {string.Join(", ", ConsentScopes.All)}.");
        v.Require("purpose", r.Purpose, ConsentRules.PurposeMax);
        if (r.ExpiresAt is { } exp && exp.ToUniversalTime() <= now) v.Add("expiresAt", "'expiresAt' must be in the future.");
        var terms = (r.Terms ?? []).Select(t => t?.Trim()).ToList();
        if (terms.Any(t => ConsentTerms.Find(t) is null))
            v.Add("terms", $"Each term is one of the standard agreements: {string.Join(", ", ConsentTerms.Roster.Select(t => t.Id))} (GET /api/v1/consents/terms).");
        if (r.GranteePartyId is not { } granteeId) v.Add("granteePartyId", "'granteePartyId' is required.");
        else
        {
            // A consent goes to an organization of the network, which can sign in to read and answer it.
            var grantee = await db.Parties.AsNoTracking().Where(p => p.Id == granteeId).Select(p => new { p.Kind, p.IsMember }).FirstOrDefaultAsync(ct);
            if (grantee is null || grantee.Kind != PartyKind.Organization || !grantee.IsMember)
                v.Add("granteePartyId", "'granteePartyId' must be a member organization.");
        }
        if (!v.IsValid) return v.Fail<ConsentDto>();

        var grant = Record(db, new ConsentGrant
        {
            GrantorPartyId = db.Actor.PartyId,
            GrantorAccountId = db.Actor.AccountId,
            GranteePartyId = r.GranteePartyId!.Value,
            Scopes = scopes.Select(s => s!).ToList(),
            Purpose = r.Purpose!.Trim(),
            Terms = terms.Select(t => t!).ToList(),
            CreatedAt = now,
            ExpiresAt = r.ExpiresAt?.ToUniversalTime(),
        }, now);
        await db.SaveChangesAsync(ct);
        return Outcome<ConsentDto>.Ok(await DescribeAsync(grant, ct));
    }

    public async Task<Outcome<ConsentDto>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var c = await db.Set<ConsentGrant>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? Outcome<ConsentDto>.NotFound("No such consent.") : Outcome<ConsentDto>.Ok(await DescribeAsync(c, ct));
    }

    /// <summary>The actor's consents, newest first: an individual's grants, or the grants made to an organization.</summary>
    public async Task<Outcome<Page<ConsentDto>>> ListAsync(string? status, int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "g");
        string[] statuses = [ConsentStatus.Proffered, ConsentStatus.Active, ConsentStatus.Declined, ConsentStatus.Revoked, ConsentStatus.Expired];
        if (status is not null && !statuses.Contains(status)) v.Add("status", $"'status' is one of {string.Join(", ", statuses)}.");
        if (!v.IsValid) return v.Fail<Page<ConsentDto>>();
        var now = db.Now;
        var q = db.Set<ConsentGrant>().AsNoTracking();
        q = status switch
        {
            null => q,
            ConsentStatus.Active => q.Where(c => c.Status == ConsentStatus.Active && (c.ExpiresAt == null || c.ExpiresAt > now)),
            ConsentStatus.Proffered => q.Where(c => c.Status == ConsentStatus.Proffered && (c.ExpiresAt == null || c.ExpiresAt > now)),
            ConsentStatus.Expired => q.Where(c => c.Status == ConsentStatus.Expired
                || ((c.Status == ConsentStatus.Active || c.Status == ConsentStatus.Proffered) && c.ExpiresAt != null && c.ExpiresAt <= now)),
            _ => q.Where(c => c.Status == status),
        };
        if (page.AfterGuid(0) is { } after) q = q.Where(c => c.Id.CompareTo(after) < 0);
        var rows = await q.OrderByDescending(c => c.Id).Take(page.Limit + 1).ToListAsync(ct);
        var cut = page.ToPage(rows, c => PageRequest.Encode(c.Id.ToString()));
        var names = await PartyNames.LoadAsync(db, cut.Items.SelectMany(c => new[] { c.GrantorPartyId, c.GranteePartyId }), ct);
        return Outcome<Page<ConsentDto>>.Ok(new Page<ConsentDto>(cut.Items.Select(c => ConsentDto.From(c, names, now)).ToList(), cut.NextCursor));
    }

    /// <summary>The grantor withdraws the grant; the very next read by the grantee is refused. Revoking twice changes nothing.</summary>
    public Task<Outcome<ConsentDto>> RevokeAsync(Guid id, long? expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, grantorActs: true, c =>
        {
            if (c.Status == ConsentStatus.Revoked) return (null, null);
            c.Status = ConsentStatus.Revoked;
            c.RevokedAt = db.Now;
            return ("consent.revoked", null);
        }, ct);

    public Task<Outcome<ConsentDto>> AcceptAsync(Guid id, long? expectedVersion, CancellationToken ct = default) =>
        DecideAsync(id, expectedVersion, "accepted", null, ct);

    public Task<Outcome<ConsentDto>> DeclineAsync(Guid id, DeclineConsentRequest request, long? expectedVersion, CancellationToken ct = default)
    {
        var v = new Validation().MaxLength("reason", request.Reason, ConsentRules.ReasonMax);
        return v.IsValid ? DecideAsync(id, expectedVersion, "declined", string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(), ct)
            : Task.FromResult(v.Fail<ConsentDto>());
    }

    private Task<Outcome<ConsentDto>> DecideAsync(Guid id, long? expectedVersion, string decision, string? reason, CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, grantorActs: false, c =>
        {
            if (c.Terms.Count == 0) return (null, "This consent proffers no terms; there is nothing to accept or decline.");
            if (ConsentStatus.At(c, db.Now) == ConsentStatus.Expired && c.Decision is null) return (null, "This consent expired before its terms were answered.");
            if (c.Status != ConsentStatus.Proffered) return (null, $"The terms were already answered; the consent is {c.Status}.");
            c.Status = decision == "accepted" ? ConsentStatus.Active : ConsentStatus.Declined;
            c.Decision = decision;
            c.DecidedAt = db.Now;
            c.DecidedByPersonPartyId = db.Actor.PersonPartyId;
            c.DecidedByAccountId = db.Actor.AccountId;
            c.DeclineReason = reason;
            return (decision == "accepted" ? "consent.terms_accepted" : "consent.terms_declined", null);
        }, ct);

    /// <summary>Loads a visible consent, checks the side that may act, applies the change (an event to write, or a refusal) and saves it with its event in one transaction.</summary>
    private async Task<Outcome<ConsentDto>> ChangeAsync(Guid id, long? expectedVersion, bool grantorActs, Func<ConsentGrant, (string? Event, string? Refusal)> change, CancellationToken ct)
    {
        var c = await db.Set<ConsentGrant>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Outcome<ConsentDto>.NotFound("No such consent.");
        var side = grantorActs ? c.GrantorPartyId : c.GranteePartyId;
        if (side != db.Actor.PartyId)
            return Outcome<ConsentDto>.Unprocessable(grantorActs ? "Only the individual who granted a consent revokes it." : "Only the organization a consent is granted to answers its terms.");
        if (expectedVersion is { } ev && ev != c.Version) return Outcome<ConsentDto>.Stale();
        var (type, refusal) = change(c);
        if (refusal is not null) return Outcome<ConsentDto>.Unprocessable(refusal);
        if (type is not null)
        {
            c.Version++;
            db.Outbox.Add(Event(type, c, db.Now));
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<ConsentDto>.Stale(); }
        }
        return Outcome<ConsentDto>.Ok(await DescribeAsync(c, ct));
    }

    /// <summary>
    /// The one way a grant is made (the caller saves): scopes and terms normalized, the status its terms call for, and
    /// its events. A grant whose terms the grantee already accepted (an intent's accepted offer) is live at once and
    /// carries that sign-off.
    /// </summary>
    internal static ConsentGrant Record(MutualDbContext db, ConsentGrant grant, DateTime now)
    {
        grant.Scopes = grant.Scopes.Distinct().OrderBy(s => ConsentScopes.All.ToList().IndexOf(s)).ToList();
        grant.Terms = grant.Terms.Distinct().ToList();
        var agreed = grant.Decision == "accepted";
        grant.Status = grant.Terms.Count == 0 || agreed ? ConsentStatus.Active : ConsentStatus.Proffered;
        db.Set<ConsentGrant>().Add(grant);
        db.Outbox.Add(Event("consent.granted", grant, now));
        if (agreed && grant.Terms.Count > 0) db.Outbox.Add(Event("consent.terms_accepted", grant, now));
        return grant;
    }

    // Scopes and terms name what is shared, never the data itself: webhook logs must not become copies of profiles.
    internal static OutboxMessage Event(string type, ConsentGrant c, DateTime now) => OutboxMessage.Create(type, now,
        new { consentId = c.Id, grantorPartyId = c.GrantorPartyId, granteePartyId = c.GranteePartyId, scopes = c.Scopes, terms = c.Terms, status = c.Status, expiresAt = c.ExpiresAt },
        [c.GrantorPartyId, c.GranteePartyId]);

    private async Task<ConsentDto> DescribeAsync(ConsentGrant c, CancellationToken ct) =>
        ConsentDto.From(c, await PartyNames.LoadAsync(db, [c.GrantorPartyId, c.GranteePartyId], ct), db.Now);
}
