using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;
using Mutual.Core.Parties;

namespace Mutual.Core.Individuals;

public sealed record ProfileRequest(string? Name, List<string?>? Emails, List<string?>? Phones, List<PostalAddress?>? Addresses, Dictionary<string, string?>? Preferences);

public sealed record ProfileDto(Guid PartyId, string Name, IReadOnlyList<string> Emails, IReadOnlyList<string> Phones,
    IReadOnlyList<PostalAddress> Addresses, IReadOnlyDictionary<string, string> Preferences, DateTime UpdatedAt, long Version);

/// <summary>
/// The individual's own profile. Only the individual reads it whole and writes it; the access rule shows the row
/// to nobody else except through a live consent. The name is also the party's name, which the directory shows.
/// </summary>
public sealed class MyProfile(MutualDbContext db, TimeProvider clock)
{
    public async Task<Outcome<ProfileDto>> GetAsync(CancellationToken ct = default)
    {
        if (!db.Actor.IsIndividual()) return Outcome<ProfileDto>.NotFound("Only an individual acting for themself has a profile; you act for an organization.");
        var party = await db.Parties.AsNoTracking().FirstAsync(p => p.Id == db.Actor.PartyId, ct);
        var profile = await db.Set<IndividualProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.PartyId == party.Id, ct);
        return Outcome<ProfileDto>.Ok(ToDto(party, profile ?? Blank(party)));
    }

    /// <summary>Replaces the profile (PUT); If-Match guards against overwriting a change made elsewhere.</summary>
    public async Task<Outcome<ProfileDto>> PutAsync(ProfileRequest request, long? expectedVersion, CancellationToken ct = default)
    {
        if (!db.Actor.IsIndividual()) return Outcome<ProfileDto>.Unprocessable("Only an individual acting for themself has a profile; you act for an organization.");
        var v = new Validation();
        v.Require("name", request.Name, PartyRules.NameMax);
        var emails = PartyRules.Emails(v, request.Emails);
        var phones = PartyRules.Phones(v, request.Phones);
        var addresses = ProfileRules.Addresses(v, request.Addresses);
        var preferences = ProfileRules.Preferences(v, request.Preferences);
        if (!v.IsValid) return v.Fail<ProfileDto>();

        var party = await db.Parties.FirstAsync(p => p.Id == db.Actor.PartyId, ct);
        var profile = await db.Set<IndividualProfile>().FirstOrDefaultAsync(p => p.PartyId == party.Id, ct);
        if (profile is null)
        {
            // An individual who joined by invitation has no row yet: its first PUT creates it (version 0 before).
            if (expectedVersion is { } first && first != 0) return Outcome<ProfileDto>.Stale();
            profile = new IndividualProfile { PartyId = party.Id, Version = 0 };
            db.Set<IndividualProfile>().Add(profile);
        }
        else if (expectedVersion is { } ev && ev != profile.Version) return Outcome<ProfileDto>.Stale();

        var now = clock.GetUtcNow().UtcDateTime;
        profile.Emails = emails;
        profile.Phones = phones;
        profile.Addresses = JsonSerializer.Serialize(addresses, ProfileRules.Json);
        profile.Preferences = JsonSerializer.Serialize(preferences, ProfileRules.Json);
        profile.UpdatedAt = now;
        profile.Version++;
        var name = request.Name!.Trim();
        if (party.Name != name)
        {
            party.Name = name;
            party.UpdatedAt = now;
            party.Version++;
            party.RefreshSearchText();
        }
        // No profile data in the event: its audience is the individual alone, and a webhook log is no place for it.
        db.Outbox.Add(OutboxMessage.Create("party.updated", now, new { partyId = party.Id, profileVersion = profile.Version }, [party.Id]));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<ProfileDto>.Stale();
        }
        return Outcome<ProfileDto>.Ok(ToDto(party, profile));
    }

    internal static IndividualProfile Blank(Party party) =>
        new() { PartyId = party.Id, Emails = party.Emails, Phones = party.Phones, UpdatedAt = party.CreatedAt, Version = 0 };

    private static ProfileDto ToDto(Party party, IndividualProfile p) =>
        new(party.Id, party.Name, p.Emails, p.Phones, ProfileRules.ReadAddresses(p.Addresses), ProfileRules.ReadPreferences(p.Preferences), p.UpdatedAt, p.Version);
}
