using Mutual.Core.Parties;

namespace Mutual.Core.Discovery;

public sealed record FactDto(
    Guid Id,
    Guid SubjectPartyId,
    Guid OwnerPartyId,
    PartyRef Subject,
    PartyRef Owner,
    string Key,
    string Value,
    string Source,
    Guid? SourceMessageId,
    DateTime LearnedAt,
    DateTime ConfirmedAt,
    Guid ConfirmedByPartyId,
    int ShelfLifeDays,
    DateTime AgingAt,
    DateTime ExpiresAt,
    string Freshness,
    bool SharedWithSubject,
    DateTime CreatedAt,
    long Version)
{
    public static FactDto From(Fact f, Dictionary<Guid, PartyRef> names, DateTime now) => new(
        f.Id, f.SubjectPartyId, f.OwnerPartyId, names.Get(f.SubjectPartyId), names.Get(f.OwnerPartyId),
        f.Key, f.Value, f.Source, f.SourceMessageId, f.LearnedAt, f.ConfirmedAt, f.ConfirmedByPartyId, f.ShelfLifeDays,
        Discovery.Freshness.AgingFrom(f), f.ExpiresAt, Discovery.Freshness.Of(f, now), f.SharedWithSubject, f.CreatedAt, f.Version);

    public static async Task<List<FactDto>> ManyAsync(Data.MutualDbContext db, IReadOnlyList<Fact> facts, DateTime now, CancellationToken ct)
    {
        var names = await PartyNames.LoadAsync(db, facts.SelectMany(f => new[] { f.SubjectPartyId, f.OwnerPartyId }), ct);
        return facts.Select(f => From(f, names, now)).ToList();
    }
}

public sealed record FactRevisionDto(Guid Id, string Kind, string Value, DateTime At, PartyRef By);
