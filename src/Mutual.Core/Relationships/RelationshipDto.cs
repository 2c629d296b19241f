using Mutual.Core.Parties;

namespace Mutual.Core.Relationships;

/// <summary>
/// A relationship as one actor sees it. When read from one party's page, <c>direction</c> says which end
/// that party is, <c>otherParty</c> who is at the other end, and <c>reading</c> how it reads from that
/// party ("works for Globex", "employs Ana").
/// </summary>
public sealed record RelationshipDto(
    Guid Id,
    Guid FromPartyId,
    Guid ToPartyId,
    string Kind,
    DateTime Since,
    DateTime? Until,
    bool Active,
    Guid OwnerPartyId,
    PartyRef FromParty,
    PartyRef ToParty,
    string Reading,
    string? Direction,
    PartyRef? OtherParty,
    long Version)
{
    public static RelationshipDto From(Relationship r, Dictionary<Guid, PartyRef> names, DateTime now, Guid? perspective = null)
    {
        var kind = RelationshipKinds.Get(r.Kind);
        var from = names.Get(r.FromPartyId);
        var to = names.Get(r.ToPartyId);
        string? direction = null;
        PartyRef? other = null;
        var reading = $"{from.Name} {kind.Forward} {to.Name}";
        if (perspective == r.FromPartyId) { direction = "outgoing"; other = to; reading = $"{kind.Forward} {to.Name}"; }
        else if (perspective == r.ToPartyId) { direction = "incoming"; other = from; reading = $"{kind.Reverse} {from.Name}"; }
        return new RelationshipDto(r.Id, r.FromPartyId, r.ToPartyId, r.Kind, r.Since, r.Until, r.IsActiveAt(now),
            r.OwnerPartyId, from, to, reading, direction, other, r.Version);
    }
}
