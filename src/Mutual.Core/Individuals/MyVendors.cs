using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Consent;
using Mutual.Core.Conversations;
using Mutual.Core.Data;
using Mutual.Core.Parties;
using Mutual.Core.Relationships;

namespace Mutual.Core.Individuals;

public sealed record VendorConversation(Guid Id, string Subject, DateTime LastActivityAt, string? LastMessageExcerpt, bool Unread);

/// <summary>One organization an individual deals with, and everything between them the individual can see.</summary>
public sealed record MyVendorDto(PartyRef Vendor, DateTime LatestActivityAt, IReadOnlyList<RelationshipDto> Relationships,
    IReadOnlyList<VendorConversation> Conversations, IReadOnlyList<ConsentDto> Consents);

/// <summary>
/// "My vendors": every organization the individual deals with — through a relationship, a conversation or a consent —
/// with those records, most recently active first. Each source is read newest first and capped, so the view stays
/// bounded however long someone has used Mutual; an organization only seen in very old records drops off the end.
/// </summary>
public sealed class MyVendors(MutualDbContext db, TimeProvider clock)
{
    public const int RecentConversations = 100;
    public const int RecentConsents = 100;
    public const int RecentRelationships = 200;

    public async Task<Outcome<IReadOnlyList<MyVendorDto>>> ListAsync(CancellationToken ct = default)
    {
        if (!db.Actor.IsIndividual()) return Outcome<IReadOnlyList<MyVendorDto>>.Unprocessable("Only an individual acting for themself has vendors here; you act for an organization.");
        var me = db.Actor.PartyId;
        var now = clock.GetUtcNow().UtcDateTime;

        var relationships = await db.Relationships.AsNoTracking().Where(r => r.FromPartyId == me || r.ToPartyId == me)
            .OrderByDescending(r => r.Id).Take(RecentRelationships).ToListAsync(ct);
        var conversations = await new ConversationQueries(db).ListAsync(RecentConversations, null, ct);
        var consents = await new Consents(db).ListAsync(null, RecentConsents, null, ct);

        var names = await PartyNames.LoadAsync(db, relationships.SelectMany(r => new[] { r.FromPartyId, r.ToPartyId }), ct);
        var byVendor = new Dictionary<Guid, (PartyRef Vendor, List<RelationshipDto> Rels, List<VendorConversation> Convs, List<ConsentDto> Consents)>();
        (PartyRef Vendor, List<RelationshipDto> Rels, List<VendorConversation> Convs, List<ConsentDto> Consents) Entry(PartyRef p)
        {
            if (!byVendor.TryGetValue(p.Id, out var e)) byVendor[p.Id] = e = (p, [], [], []);
            return e;
        }

        foreach (var r in relationships)
        {
            var dto = RelationshipDto.From(r, names, now, me);
            if (dto.OtherParty is { Kind: "organization" } other) Entry(other).Rels.Add(dto);
        }
        foreach (var c in conversations.Value?.Items ?? [])
        {
            foreach (var p in c.Participants.Where(p => p.Kind == "organization" && p.Id != me))
                Entry(p).Convs.Add(new VendorConversation(c.Id, c.Subject, c.LastActivityAt, c.LastMessageExcerpt, c.Unread));
        }
        foreach (var c in consents.Value?.Items ?? []) Entry(c.Grantee).Consents.Add(c);

        return Outcome<IReadOnlyList<MyVendorDto>>.Ok(byVendor.Values
            .Select(e => new MyVendorDto(e.Vendor, Latest(e.Rels, e.Convs, e.Consents), e.Rels, e.Convs, e.Consents))
            .OrderByDescending(v => v.LatestActivityAt).ThenBy(v => v.Vendor.Name, StringComparer.CurrentCultureIgnoreCase).ToList());
    }

    private static DateTime Latest(List<RelationshipDto> rels, List<VendorConversation> convs, List<ConsentDto> consents) =>
        rels.Select(r => r.Since)
            .Concat(convs.Select(c => c.LastActivityAt))
            .Concat(consents.Select(c => c.RevokedAt ?? c.Terms?.Decision?.At ?? c.CreatedAt))
            .DefaultIfEmpty(DateTime.MinValue).Max();
}
