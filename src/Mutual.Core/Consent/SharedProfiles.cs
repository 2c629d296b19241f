using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Individuals;
using Mutual.Core.Parties;

namespace Mutual.Core.Consent;

/// <summary>
/// What an organization may see of an individual: the name (public in the directory) and only the fields of the
/// scopes it holds a live consent for; a field of a scope not held is absent, not empty.
/// </summary>
public sealed record SharedProfileDto(
    Guid PartyId,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Emails,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Phones,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PostalAddress>? Addresses,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Preferences,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<Guid> ConsentIds,
    DateTime ReadAt);

public sealed record AccessLogEntryDto(Guid Id, PartyRef Reader, PartyRef ReaderPerson, IReadOnlyList<string> Scopes, IReadOnlyList<Guid> ConsentIds, DateTime At);

/// <summary>Reads of individuals' profiles through consents, each logged in the same transaction, and the individual's log of them.</summary>
public sealed class SharedProfiles(MutualDbContext db)
{
    public async Task<Outcome<SharedProfileDto>> ReadAsync(Guid individualId, CancellationToken ct = default)
    {
        var reader = db.Actor.PartyId;
        var now = db.Now;
        // The read and its log row commit together: a read that cannot be logged returns nothing.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The profile first, through its filter (visible only while a consent is live), then the grants: a revocation
        // between the two reads leaves no grant and so a 404, never the party's own lists in place of the hidden profile.
        var profileRow = await db.Set<IndividualProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.PartyId == individualId, ct);
        var grants = await db.Set<ConsentGrant>().AsNoTracking()
            .Where(c => c.GrantorPartyId == individualId && c.GranteePartyId == reader && c.Status == ConsentStatus.Active && (c.ExpiresAt == null || c.ExpiresAt > now))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Scopes }).ToListAsync(ct);
        // No live consent, no profile: the same 404 as for a party that does not exist.
        if (grants.Count == 0) return Outcome<SharedProfileDto>.NotFound("No profile is shared with you here.");
        var party = await db.Parties.AsNoTracking().FirstOrDefaultAsync(p => p.Id == individualId, ct);
        if (party is null) return Outcome<SharedProfileDto>.NotFound("No profile is shared with you here.");
        // An individual who has not saved a profile yet (invited rather than registered) shares what their party holds.
        var profile = profileRow ?? MyProfile.Blank(party);

        var scopes = ConsentScopes.All.Where(s => grants.Any(g => g.Scopes.Contains(s))).ToList();
        var consentIds = grants.Select(g => g.Id).ToList();
        db.Set<AccessLogEntry>().Add(new AccessLogEntry
        {
            SubjectPartyId = individualId,
            ReaderPartyId = reader,
            ReaderPersonPartyId = db.Actor.PersonPartyId,
            ReaderAccountId = db.Actor.AccountId,
            Scopes = scopes,
            ConsentIds = consentIds,
            At = now,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<SharedProfileDto>.Ok(new SharedProfileDto(party.Id, party.Name,
            scopes.Contains(ConsentScopes.Email) ? profile.Emails : null,
            scopes.Contains(ConsentScopes.Phone) ? profile.Phones : null,
            scopes.Contains(ConsentScopes.Postal) ? ProfileRules.ReadAddresses(profile.Addresses) : null,
            scopes.Contains(ConsentScopes.Preferences) ? ProfileRules.ReadPreferences(profile.Preferences) : null,
            scopes, consentIds, now));
    }

    /// <summary>The individual's access log, newest first. Anyone else's list is empty: the rows are the individual's alone.</summary>
    public async Task<Outcome<Page<AccessLogEntryDto>>> LogAsync(int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "tg");
        if (!v.IsValid) return v.Fail<Page<AccessLogEntryDto>>();
        var q = db.Set<AccessLogEntry>().AsNoTracking().Where(e => e.SubjectPartyId == db.Actor.PartyId);
        if (page.AfterTime(0) is { } at && page.AfterGuid(1) is { } id) q = q.Where(e => e.At < at || (e.At == at && e.Id.CompareTo(id) < 0));
        var rows = await q.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(page.Limit + 1).ToListAsync(ct);
        var cut = page.ToPage(rows, e => PageRequest.Encode(PageRequest.Ticks(e.At), e.Id.ToString()));
        var names = await PartyNames.LoadAsync(db, cut.Items.SelectMany(e => new[] { e.ReaderPartyId, e.ReaderPersonPartyId }), ct);
        return Outcome<Page<AccessLogEntryDto>>.Ok(new Page<AccessLogEntryDto>(
            cut.Items.Select(e => new AccessLogEntryDto(e.Id, names.Get(e.ReaderPartyId), names.Get(e.ReaderPersonPartyId), e.Scopes, e.ConsentIds, e.At)).ToList(),
            cut.NextCursor));
    }
}
