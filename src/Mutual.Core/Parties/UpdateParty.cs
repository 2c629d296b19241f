using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Parties;

/// <summary>A merge patch: only the fields present change; null clears website and publicProfile.</summary>
public sealed class UpdatePartyRequest
{
    public Optional<string?> Name { get; init; }
    public Optional<List<string?>?> Emails { get; init; }
    public Optional<List<string?>?> Phones { get; init; }
    public Optional<string?> Website { get; init; }
    public Optional<List<string?>?> Tags { get; init; }
    public Optional<string?> PublicProfile { get; init; }
}

/// <summary>A value that may be absent from a patch (as opposed to present and null).</summary>
public readonly record struct Optional<T>(bool IsSet, T Value)
{
    public static implicit operator Optional<T>(T value) => new(true, value);
}

/// <summary>
/// Edits a party. The owner of the record may change everything; the party itself (its own people)
/// may change its card but not the owner's tags. Anyone else gets 404, as for an invisible party.
/// </summary>
public sealed class UpdatePartyHandler(MutualDbContext db, TimeProvider clock)
{
    public async Task<Outcome<PartyDto>> HandleAsync(Guid id, UpdatePartyRequest request, long? expectedVersion, CancellationToken ct = default)
    {
        var party = await db.Parties.FirstOrDefaultAsync(p => p.Id == id, ct);
        var view = party is null ? null : PartyViews.Of(party, db.Actor);
        if (party is null || view == PartyViews.Member) return Outcome<PartyDto>.NotFound("No such party.");
        if (expectedVersion is { } ev && ev != party.Version) return Outcome<PartyDto>.Stale();

        var v = new Validation();
        if (request.Name.IsSet)
        {
            v.Require("name", request.Name.Value, PartyRules.NameMax);
            if (!string.IsNullOrWhiteSpace(request.Name.Value)) party.Name = request.Name.Value.Trim();
        }
        if (request.Emails.IsSet) party.Emails = PartyRules.Emails(v, request.Emails.Value);
        if (request.Phones.IsSet) party.Phones = PartyRules.Phones(v, request.Phones.Value);
        if (request.Website.IsSet) party.Website = PartyRules.Website(v, request.Website.Value);
        if (request.PublicProfile.IsSet)
        {
            v.MaxLength("publicProfile", request.PublicProfile.Value, PartyRules.PublicProfileMax);
            party.PublicProfile = string.IsNullOrWhiteSpace(request.PublicProfile.Value) ? null : request.PublicProfile.Value.Trim();
        }
        if (request.Tags.IsSet)
        {
            if (view != PartyViews.Owner) v.Add("tags", "Tags belong to the book the party is in; only its owner can change them.");
            else party.Tags = PartyRules.Tags(v, request.Tags.Value);
        }
        if (!v.IsValid) return v.Fail<PartyDto>();

        var now = clock.GetUtcNow().UtcDateTime;
        party.UpdatedAt = now;
        party.Version++;
        party.RefreshSearchText();
        db.Outbox.Add(OutboxMessage.Create("party.updated", now, new { partyId = party.Id }, [party.OwnerPartyId, party.Id]));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<PartyDto>.Stale();
        }
        var roles = await PartyRoles.LoadAsync(db, [party.Id], now, ct);
        return Outcome<PartyDto>.Ok(PartyDto.From(party, db.Actor, roles[party.Id]));
    }
}
