using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Parties;

namespace Mutual.Core.Conversations;

public sealed class ConversationQueries(MutualDbContext db)
{
    public async Task<Outcome<ConversationDto>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var c = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Outcome<ConversationDto>.NotFound("No such conversation.");
        var list = await DescribeAsync([c], ct);
        return Outcome<ConversationDto>.Ok(list[0]);
    }

    /// <summary>The actor's inbox, most recently active first: one index range per party the actor speaks as.</summary>
    public async Task<Outcome<Page<ConversationDto>>> ListAsync(int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "tg");
        if (!v.IsValid) return v.Fail<Page<ConversationDto>>();

        var actor = db.Actor;
        var speakers = new[] { actor.PartyId, actor.PersonPartyId }.Where(id => id != Guid.Empty).Distinct().ToList();
        var afterAt = page.AfterTime(0);
        var afterId = page.AfterGuid(1);
        var rows = new List<(Guid Id, DateTime At)>();
        foreach (var partyId in speakers)
        {
            var q = db.ConversationParticipants.Where(p => p.PartyId == partyId);
            if (afterAt is { } at && afterId is { } aid)
                q = q.Where(p => p.LastActivityAt < at || (p.LastActivityAt == at && p.ConversationId.CompareTo(aid) < 0));
            var part = await q.OrderByDescending(p => p.LastActivityAt).ThenByDescending(p => p.ConversationId)
                .Take(page.Limit + 1).Select(p => new { p.ConversationId, p.LastActivityAt }).ToListAsync(ct);
            rows.AddRange(part.Select(p => (p.ConversationId, p.LastActivityAt)));
        }
        var merged = rows.DistinctBy(r => r.Id).OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(page.Limit + 1).ToList();
        var cut = page.ToPage(merged, r => PageRequest.Encode(PageRequest.Ticks(r.At), r.Id.ToString()));
        var ids = cut.Items.Select(r => r.Id).ToList();
        var conversations = await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var described = await DescribeAsync(conversations, ct);
        var byId = described.ToDictionary(d => d.Id);
        return Outcome<Page<ConversationDto>>.Ok(new Page<ConversationDto>(
            ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList(), cut.NextCursor));
    }

    /// <summary>Messages oldest first, by when they happened.</summary>
    public async Task<Outcome<Page<MessageDto>>> MessagesAsync(Guid conversationId, int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "tg");
        if (!v.IsValid) return v.Fail<Page<MessageDto>>();
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId, ct)) return Outcome<Page<MessageDto>>.NotFound("No such conversation.");

        var q = db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId);
        if (page.AfterTime(0) is { } at && page.AfterGuid(1) is { } aid)
            q = q.Where(m => m.OccurredAt > at || (m.OccurredAt == at && m.Id.CompareTo(aid) > 0));
        var rows = await q.OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).Take(page.Limit + 1).ToListAsync(ct);
        var cut = page.ToPage(rows, m => PageRequest.Encode(PageRequest.Ticks(m.OccurredAt), m.Id.ToString()));
        var names = await PartyNames.LoadAsync(db, cut.Items.SelectMany(m => new[] { m.AuthorPartyId, m.OnBehalfOfPartyId }), ct);
        return Outcome<Page<MessageDto>>.Ok(new Page<MessageDto>(cut.Items.Select(m => MessageDto.From(m, names)).ToList(), cut.NextCursor));
    }

    public async Task<Outcome<MessageDto>> MessageAsync(Guid conversationId, Guid messageId, CancellationToken ct = default)
    {
        var m = await db.Messages.AsNoTracking().FirstOrDefaultAsync(x => x.Id == messageId && x.ConversationId == conversationId, ct);
        if (m is null) return Outcome<MessageDto>.NotFound("No such message.");
        var names = await PartyNames.LoadAsync(db, [m.AuthorPartyId, m.OnBehalfOfPartyId], ct);
        return Outcome<MessageDto>.Ok(MessageDto.From(m, names));
    }

    public async Task<Outcome<bool>> MarkReadAsync(Guid conversationId, DateTime now, CancellationToken ct = default)
    {
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId, ct)) return Outcome<bool>.NotFound("No such conversation.");
        if (db.Actor.AccountId == Guid.Empty) return Outcome<bool>.Ok(false);
        await PostMessageHandler.MarkReadAsync(db, conversationId, db.Actor.AccountId, now, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>Adds participants (past the own-rows filter: these conversations are visible), names and unread state, in three queries.</summary>
    private async Task<List<ConversationDto>> DescribeAsync(IReadOnlyList<Conversation> conversations, CancellationToken ct)
    {
        var ids = conversations.Select(c => c.Id).ToList();
        var participants = await db.ConversationParticipants.IgnoreQueryFilters([AccessRules.OwnParticipantRows]).AsNoTracking()
            .Where(p => ids.Contains(p.ConversationId))
            .OrderBy(p => p.AddedAt).Select(p => new { p.ConversationId, p.PartyId }).ToListAsync(ct);
        var names = await PartyNames.LoadAsync(db, participants.Select(p => p.PartyId), ct);
        var accountId = db.Actor.AccountId;
        var reads = await db.ConversationReads.AsNoTracking().Where(r => r.AccountId == accountId && ids.Contains(r.ConversationId))
            .ToDictionaryAsync(r => r.ConversationId, r => r.ReadAt, ct);
        var byConversation = participants.ToLookup(p => p.ConversationId, p => p.PartyId);
        return conversations.Select(c =>
        {
            var partyIds = byConversation[c.Id].ToList();
            var unread = c.MessageCount > 0 && (!reads.TryGetValue(c.Id, out var readAt) || readAt < c.LastActivityAt);
            return new ConversationDto(c.Id, c.Subject, c.Channel, c.OwnerPartyId, partyIds, partyIds.Select(names.Get).ToList(),
                c.CreatedAt, c.LastActivityAt, c.MessageCount, c.LastMessageExcerpt, unread, c.Version);
        }).ToList();
    }
}
