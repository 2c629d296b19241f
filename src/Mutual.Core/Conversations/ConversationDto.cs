using Mutual.Core.Parties;

namespace Mutual.Core.Conversations;

public sealed record ConversationDto(
    Guid Id,
    string Subject,
    string Channel,
    Guid OwnerPartyId,
    IReadOnlyList<Guid> ParticipantPartyIds,
    IReadOnlyList<PartyRef> Participants,
    DateTime CreatedAt,
    DateTime LastActivityAt,
    int MessageCount,
    string? LastMessageExcerpt,
    bool Unread,
    long Version);

public sealed record MessageDto(
    Guid Id,
    Guid ConversationId,
    string Body,
    string BodyHtml,
    string Channel,
    DateTime OccurredAt,
    DateTime CreatedAt,
    Guid AuthorPartyId,
    Guid OnBehalfOfPartyId,
    PartyRef Author,
    PartyRef OnBehalfOf)
{
    public static MessageDto From(Message m, Dictionary<Guid, PartyRef> names) => new(
        m.Id, m.ConversationId, m.Body, m.BodyHtml, m.Channel, m.OccurredAt, m.CreatedAt,
        m.AuthorPartyId, m.OnBehalfOfPartyId, names.Get(m.AuthorPartyId), names.Get(m.OnBehalfOfPartyId));
}
