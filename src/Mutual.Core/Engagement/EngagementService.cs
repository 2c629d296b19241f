using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Parties;

namespace Mutual.Core.Engagement;

/// <summary>Tiers and cadences of the acting party's book, tier assignments, and "needs attention".</summary>
public sealed class EngagementService(MutualDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<TierDto>> TiersAsync(CancellationToken ct = default)
    {
        var own = await db.EngagementTiers.AsNoTracking().Where(t => t.OwnerPartyId == db.Actor.PartyId).ToListAsync(ct);
        return own.Select(t => new TierDto(t.Name, t.CadenceDays, false))
            .Concat(EngagementRules.DefaultTiers.Where(d => own.All(t => t.Name != d.Key)).Select(d => new TierDto(d.Key, d.Value, true)))
            .OrderBy(t => t.CadenceDays).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Sets a tier's cadence (admins); every relationship in the tier gets its new due date, in batches.</summary>
    public async Task<Outcome<TierDto>> SetTierAsync(string name, SetTierRequest request, CancellationToken ct = default)
    {
        if (!db.Actor.IsAdmin) return Outcome<TierDto>.Unprocessable("Only an administrator can change engagement tiers.");
        var v = new Validation();
        name = name.Trim().ToLowerInvariant();
        if (!EngagementRules.IsTierName(name)) v.Add("name", "A tier name is lower-case letters, digits and dashes.");
        if (request.CadenceDays is not { } days || days < 1 || days > EngagementRules.MaxCadenceDays)
            v.Add("cadenceDays", $"'cadenceDays' must be between 1 and {EngagementRules.MaxCadenceDays}.");
        if (!v.IsValid) return v.Fail<TierDto>();

        var owner = db.ActingPartyId;
        var tier = await db.EngagementTiers.FirstOrDefaultAsync(t => t.OwnerPartyId == owner && t.Name == name, ct);
        if (tier is null) db.EngagementTiers.Add(tier = new EngagementTier { OwnerPartyId = owner, Name = name });
        tier.CadenceDays = request.CadenceDays!.Value;
        await db.SaveChangesAsync(ct);

        var after = Guid.Empty;
        while (true)
        {
            var batch = await db.EngagementLinks.Where(l => l.OwnerPartyId == owner && l.Tier == name && l.Id.CompareTo(after) > 0)
                .OrderBy(l => l.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var l in batch) l.Recompute(tier.CadenceDays);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            after = batch[^1].Id;
        }
        return Outcome<TierDto>.Ok(new TierDto(tier.Name, tier.CadenceDays, false));
    }

    public async Task<Outcome<EngagementDto>> GetAsync(Guid partyId, CancellationToken ct = default)
    {
        if (!await db.Parties.AnyAsync(p => p.Id == partyId, ct)) return Outcome<EngagementDto>.NotFound("No such party.");
        var link = await db.EngagementLinks.AsNoTracking().FirstOrDefaultAsync(l => l.OwnerPartyId == db.Actor.PartyId && l.CounterpartPartyId == partyId, ct);
        return Outcome<EngagementDto>.Ok(await DescribeAsync(link, partyId, ct));
    }

    /// <summary>Puts a party in one of the book's tiers (or takes it out with null).</summary>
    public async Task<Outcome<EngagementDto>> AssignAsync(Guid partyId, AssignTierRequest request, CancellationToken ct = default)
    {
        var owner = db.ActingPartyId;
        if (partyId == owner || !await db.Parties.AnyAsync(p => p.Id == partyId, ct)) return Outcome<EngagementDto>.NotFound("No such party.");
        var tier = request.Tier?.Trim().ToLowerInvariant();
        var cadences = await EngagementTracker.CadencesAsync(db, [owner], ct);
        if (tier is not null && !cadences[owner].ContainsKey(tier))
            return Outcome<EngagementDto>.Invalid("tier", $"'tier' must be one of: {string.Join(", ", cadences[owner].Keys.Order(StringComparer.Ordinal))}, or null.");

        var link = await db.EngagementLinks.FirstOrDefaultAsync(l => l.OwnerPartyId == owner && l.CounterpartPartyId == partyId, ct);
        if (link is null) db.EngagementLinks.Add(link = new EngagementLink { OwnerPartyId = owner, CounterpartPartyId = partyId });
        if (link.Tier != tier) link.TierAssignedAt = tier is null ? null : Now;
        link.Tier = tier;
        link.Version++;
        link.Recompute(EngagementTracker.Cadence(cadences, link));
        await db.SaveChangesAsync(ct);
        return Outcome<EngagementDto>.Ok(await DescribeAsync(link, partyId, ct));
    }

    /// <summary>The book's relationships whose dialogue is overdue under their tier, the longest overdue first.</summary>
    public async Task<Outcome<Page<AttentionItem>>> AttentionAsync(int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "tg");
        if (!v.IsValid) return v.Fail<Page<AttentionItem>>();
        var owner = db.Actor.PartyId;
        var now = Now;
        var q = db.EngagementLinks.AsNoTracking().Where(l => l.OwnerPartyId == owner && l.DueAt != null && l.DueAt <= now);
        if (page.AfterTime(0) is { } at && page.AfterGuid(1) is { } id)
            q = q.Where(l => l.DueAt > at || (l.DueAt == at && l.Id.CompareTo(id) > 0));
        var rows = await q.OrderBy(l => l.DueAt).ThenBy(l => l.Id).Take(page.Limit + 1).ToListAsync(ct);
        var cut = page.ToPage(rows, l => PageRequest.Encode(PageRequest.Ticks(l.DueAt!.Value), l.Id.ToString()));
        var names = await PartyNames.LoadAsync(db, cut.Items.Select(l => l.CounterpartPartyId), ct);
        var cadences = await EngagementTracker.CadencesAsync(db, [owner], ct);
        return Outcome<Page<AttentionItem>>.Ok(new Page<AttentionItem>(cut.Items.Select(l =>
        {
            var cadence = EngagementTracker.Cadence(cadences, l) ?? 0;
            return new AttentionItem(l.CounterpartPartyId, names.Get(l.CounterpartPartyId), l.Tier!, cadence, l.LastDialogueAt, l.DueAt!.Value,
                (int)(now - l.DueAt.Value).TotalDays, EngagementReasons.Explain(l, cadence, now)!);
        }).ToList(), cut.NextCursor));
    }

    private async Task<EngagementDto> DescribeAsync(EngagementLink? link, Guid partyId, CancellationToken ct)
    {
        var names = await PartyNames.LoadAsync(db, [partyId], ct);
        var cadence = link is null ? null : EngagementTracker.Cadence(await EngagementTracker.CadencesAsync(db, [link.OwnerPartyId], ct), link);
        return EngagementDto.From(link, partyId, names.Get(partyId), cadence, Now);
    }
}
