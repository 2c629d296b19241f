using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;

namespace Mutual.Core.Discovery;

public sealed record ShelfLifeDto(string Pattern, int Days, bool IsDefault);

public sealed record SetShelfLifeRequest(int? Days);

/// <summary>The shelf lives of the acting party's book: its own rules over the built-in defaults. Admins change them.</summary>
public sealed class ShelfLives(MutualDbContext db, TimeProvider clock)
{
    public static async Task<Dictionary<string, int>> RulesAsync(MutualDbContext db, CancellationToken ct) =>
        await db.ShelfLifeRules.AsNoTracking().Where(r => r.OwnerPartyId == db.Actor.PartyId)
            .ToDictionaryAsync(r => r.Pattern, r => r.Days, StringComparer.Ordinal, ct);

    /// <summary>Every rule in effect, the book's own first; a book has few rules, so this is one short list.</summary>
    public async Task<IReadOnlyList<ShelfLifeDto>> ListAsync(CancellationToken ct = default)
    {
        var own = await RulesAsync(db, ct);
        return own.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new ShelfLifeDto(r.Key, r.Value, false))
            .Concat(FactRules.Defaults.Where(d => !own.ContainsKey(d.Key)).Select(d => new ShelfLifeDto(d.Key, d.Value, true)))
            .ToList();
    }

    public async Task<Outcome<ShelfLifeDto>> SetAsync(string pattern, SetShelfLifeRequest request, CancellationToken ct = default)
    {
        if (!db.Actor.IsAdmin) return Outcome<ShelfLifeDto>.Unprocessable("Only an administrator can change shelf lives.");
        var v = new Validation();
        pattern = pattern.Trim().ToLowerInvariant();
        if (!FactRules.IsPattern(pattern)) v.Add("pattern", "A key ('budget.total'), a prefix ('need.*') or '*'.");
        if (request.Days is not { } days || days < 1 || days > FactRules.MaxShelfLifeDays)
            v.Add("days", $"'days' must be between 1 and {FactRules.MaxShelfLifeDays}.");
        if (!v.IsValid) return v.Fail<ShelfLifeDto>();

        var owner = db.ActingPartyId;
        var rule = await db.ShelfLifeRules.FirstOrDefaultAsync(r => r.OwnerPartyId == owner && r.Pattern == pattern, ct);
        if (rule is null) db.ShelfLifeRules.Add(rule = new ShelfLifeRule { OwnerPartyId = owner, Pattern = pattern });
        rule.Days = request.Days!.Value;
        rule.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<ShelfLifeDto>.Ok(new ShelfLifeDto(rule.Pattern, rule.Days, false));
    }

    public async Task<Outcome<bool>> RemoveAsync(string pattern, CancellationToken ct = default)
    {
        if (!db.Actor.IsAdmin) return Outcome<bool>.Unprocessable("Only an administrator can change shelf lives.");
        var owner = db.ActingPartyId;
        var normalized = pattern.Trim().ToLowerInvariant();
        var removed = await db.ShelfLifeRules.Where(r => r.OwnerPartyId == owner && r.Pattern == normalized).ExecuteDeleteAsync(ct);
        return removed == 0 ? Outcome<bool>.NotFound("No such rule in your book.") : Outcome<bool>.Ok(true);
    }
}
