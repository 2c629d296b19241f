using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Parties;

public sealed record CreatePartyRequest(
    string? Kind, string? Name, List<string?>? Emails, List<string?>? Phones, string? Website, List<string?>? Tags, string? PublicProfile = null);

/// <summary>Adds a person or organization to the acting party's book.</summary>
public sealed class CreatePartyHandler(MutualDbContext db, TimeProvider clock)
{
    public async Task<Outcome<PartyDto>> HandleAsync(CreatePartyRequest request, CancellationToken ct = default)
    {
        var v = new Validation();
        if (!PartyRules.TryParseKind(request.Kind, out var kind)) v.Add("kind", "'kind' must be 'person' or 'organization'.");
        v.Require("name", request.Name, PartyRules.NameMax);
        v.MaxLength("publicProfile", request.PublicProfile, PartyRules.PublicProfileMax);
        var emails = PartyRules.Emails(v, request.Emails);
        var phones = PartyRules.Phones(v, request.Phones);
        var tags = PartyRules.Tags(v, request.Tags);
        var website = PartyRules.Website(v, request.Website);
        if (!v.IsValid) return v.Fail<PartyDto>();

        var now = clock.GetUtcNow().UtcDateTime;
        var party = new Party
        {
            Kind = kind,
            Name = request.Name!.Trim(),
            Emails = emails,
            Phones = phones,
            Tags = tags,
            Website = website,
            PublicProfile = string.IsNullOrWhiteSpace(request.PublicProfile) ? null : request.PublicProfile.Trim(),
            OwnerPartyId = db.ActingPartyId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        party.RefreshSearchText();
        db.Parties.Add(party);
        db.Outbox.Add(OutboxMessage.Create("party.created", now, new { partyId = party.Id, party.Name, kind = request.Kind }, [party.OwnerPartyId]));
        await db.SaveChangesAsync(ct);
        return Outcome<PartyDto>.Ok(PartyDto.From(party, db.Actor));
    }
}
