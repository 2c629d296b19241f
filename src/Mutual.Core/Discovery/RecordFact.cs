using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Discovery;

public sealed record RecordFactRequest(string? Key, string? Value, string? Source, DateTime? LearnedAt, int? ShelfLifeDays, bool? SharedWithSubject, Guid? SourceMessageId = null);

/// <summary>Records what the actor's party learned about a party it can see; the fact is in the actor's book.</summary>
public sealed class RecordFactHandler(MutualDbContext db, TimeProvider clock)
{
    public async Task<Outcome<FactDto>> HandleAsync(Guid subjectPartyId, RecordFactRequest request, CancellationToken ct = default)
    {
        if (!await db.Parties.AnyAsync(p => p.Id == subjectPartyId, ct)) return Outcome<FactDto>.NotFound("No such party.");
        var now = clock.GetUtcNow().UtcDateTime;
        var v = new Validation();
        var key = request.Key?.Trim().ToLowerInvariant();
        if (!FactRules.IsKey(key)) v.Add("key", "'key' must be dotted lower-case words, like 'need.seats' or 'contact.email'.");
        v.Require("value", request.Value, FactRules.ValueMax);
        v.Require("source", request.Source, FactRules.SourceMax);
        var learnedAt = request.LearnedAt?.ToUniversalTime() ?? now;
        if (learnedAt > now.AddMinutes(5)) v.Add("learnedAt", "'learnedAt' must not be in the future.");
        if (request.ShelfLifeDays is { } d && (d < 1 || d > FactRules.MaxShelfLifeDays))
            v.Add("shelfLifeDays", $"'shelfLifeDays' must be between 1 and {FactRules.MaxShelfLifeDays}.");
        if (!v.IsValid) return v.Fail<FactDto>();
        if (request.SourceMessageId is { } mid && !await db.Messages.AnyAsync(m => m.Id == mid, ct))
            return Outcome<FactDto>.NotFound("No such message: sourceMessageId.");

        var owner = db.ActingPartyId;
        var shelfLife = request.ShelfLifeDays ?? FactRules.ShelfLife(key!, await ShelfLives.RulesAsync(db, ct));
        var fact = new Fact
        {
            SubjectPartyId = subjectPartyId,
            OwnerPartyId = owner,
            Key = key!,
            Value = request.Value!.Trim(),
            Source = request.Source!.Trim(),
            SourceMessageId = request.SourceMessageId,
            LearnedAt = learnedAt,
            ShelfLifeDays = shelfLife,
            SharedWithSubject = request.SharedWithSubject ?? false,
            CreatedAt = now,
        };
        fact.Confirm(learnedAt, owner);
        db.Facts.Add(fact);
        db.FactRevisions.Add(new FactRevision
        {
            FactId = fact.Id, Kind = FactRevision.Recorded, Value = fact.Value, At = now, ByPartyId = owner, ByPersonPartyId = db.Actor.PersonPartyId,
        });
        db.Outbox.Add(OutboxMessage.Create("fact.recorded", now, new { factId = fact.Id, subjectPartyId, key = fact.Key },
            fact.SharedWithSubject ? [owner, subjectPartyId] : [owner]));
        await db.SaveChangesAsync(ct);
        return Outcome<FactDto>.Ok((await FactDto.ManyAsync(db, [fact], now, ct))[0]);
    }
}
