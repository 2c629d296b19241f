namespace Mutual.Core.Parties;

/// <summary>A party's name and kind: what taking part in a shared record discloses about the other parties in it.</summary>
public sealed record PartyRef(Guid Id, string Name, string Kind);

/// <summary>
/// A party as one actor sees it. <c>view</c> says how much: <c>owner</c> (the record is in the actor's
/// book: everything), <c>self</c> (the party itself: its card, but not the owner's tags), or <c>member</c>
/// (another member of the network: name, kind, website and public profile only).
/// </summary>
public sealed record PartyDto(
    Guid Id,
    string Kind,
    string Name,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Phones,
    string? Website,
    IReadOnlyList<string> Tags,
    string? PublicProfile,
    bool IsMember,
    bool IsHost,
    Guid? OwnerPartyId,
    IReadOnlyList<string> Roles,
    string View,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long Version)
{
    public static PartyDto From(Party p, Access.Actor actor, IReadOnlyList<string>? roles = null)
    {
        var view = PartyViews.Of(p, actor);
        var card = view != PartyViews.Member;
        return new PartyDto(
            p.Id, PartyRules.KindName(p.Kind), p.Name,
            card ? p.Emails : [], card ? p.Phones : [], p.Website,
            view == PartyViews.Owner ? p.Tags : [],
            p.PublicProfile, p.IsMember, p.IsHost,
            view == PartyViews.Owner ? p.OwnerPartyId : null,
            roles ?? [], view, p.CreatedAt, p.UpdatedAt, p.Version);
    }
}

public static class PartyViews
{
    public const string Owner = "owner";
    public const string Self = "self";
    public const string Member = "member";

    public static string Of(Party p, Access.Actor actor) =>
        actor.IsSystem || p.OwnerPartyId == actor.PartyId ? Owner
        : actor.Is(p.Id) ? Self
        : Member;
}
