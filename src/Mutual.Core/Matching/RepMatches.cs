using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Individuals;
using Mutual.Core.Parties;

namespace Mutual.Core.Matching;

/// <summary>
/// One rep as the organization sees it for a buyer: <c>answered</c> false (and <c>score</c> null) when the rep has
/// not shared values for matching; <c>reason</c> names only what rep and buyer share.
/// </summary>
public sealed record RepMatchDto(Guid RepPartyId, PartyRef Rep, bool Answered, double? Score, IReadOnlyList<string> Shared, string Reason, bool Assigned);

/// <summary>
/// The ranking for one buyer. <c>buyerAnswered</c> false means there is nothing to compare (the buyer has not
/// answered, or keeps their values out of matching — deliberately one answer, so an opt-out does not show); then
/// <c>items</c> is empty and <c>reason</c> says why.
/// </summary>
public sealed record RepMatchesDto(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? BuyerPartyId, bool BuyerAnswered, string? Reason, IReadOnlyList<RepMatchDto> Items, string? NextCursor);

/// <summary>
/// Ranks an organization's reps by similarity of stated values with a buyer. Both sides' answers are read as the
/// system (each row is private to its person) and never leave: only the score and the shared items do.
/// </summary>
public sealed class RepMatches(MutualDbContext db, IDbContextFactory<MutualDbContext> factory, TimeProvider clock)
{
    public const string NothingToCompare = "The buyer has not shared stated values for matching, so there is nothing to rank by.";
    public const string NoAnswersYet = "No answers yet.";

    public async Task<Outcome<RepMatchesDto>> RankAsync(Guid buyerId, int? limit, string? cursor, CancellationToken ct = default)
    {
        var refused = await MatchingGuard.BuyerAsync(db, buyerId, ct);
        if (refused is not null) return refused.As<RepMatchesDto>();
        return await RankCoreAsync(buyerId, limit, cursor, ct);
    }

    /// <summary>
    /// The same ranking for the pseudonymous buyer of an intent the organization may see (it matches it, or offered on
    /// it), so the right person writes the offer. The buyer's id is not in the answer: <c>buyerPartyId</c> is absent
    /// until the owner reveals themself or accepts, as on the intent itself.
    /// </summary>
    public async Task<Outcome<RepMatchesDto>> RankForIntentAsync(Guid intentId, int? limit, string? cursor, CancellationToken ct = default)
    {
        var owner = await db.Intents.AsNoTracking().Where(i => i.Id == intentId).Select(i => (Guid?)i.OwnerPartyId).FirstOrDefaultAsync(ct);
        if (owner is null) return Outcome<RepMatchesDto>.NotFound("No such intent.");
        if (db.Actor.IsIndividual()) return Outcome<RepMatchesDto>.Unprocessable("Only an organization has reps to match; you act for yourself.");
        var ranked = await RankCoreAsync(owner.Value, limit, cursor, ct);
        // Nor whether one of the reps is already this buyer's contact person: that would tell who the buyer is.
        return ranked.IsOk
            ? Outcome<RepMatchesDto>.Ok(ranked.Value! with { BuyerPartyId = null, Items = ranked.Value.Items.Select(m => m with { Assigned = false }).ToList() })
            : ranked;
    }

    private async Task<Outcome<RepMatchesDto>> RankCoreAsync(Guid buyerId, int? limit, string? cursor, CancellationToken ct)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "s");
        var offset = 0;
        if (page.AfterString(0) is { } after && (!int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > 100_000))
            v.Add("cursor", "'cursor' is not a cursor this server issued for this list.");
        if (!v.IsValid) return v.Fail<RepMatchesDto>();

        var org = db.Actor.PartyId;
        await using var system = await factory.CreateSystemAsync(ct);
        var buyer = await ReadAsync(system, [buyerId], ct);
        if (!buyer.TryGetValue(buyerId, out var buyerAnswers))
            return Outcome<RepMatchesDto>.Ok(new RepMatchesDto(buyerId, false, NothingToCompare, [], null));

        var reps = await Reps.OfAsync(system, org, clock.GetUtcNow().UtcDateTime, ct);
        // Only a rep whose account acts for this organization answered as its rep; anyone else's values stay theirs.
        var answers = await ReadAsync(system, reps.Where(r => r.HasAccount && r.PartyId != buyerId).Select(r => r.PartyId).ToList(), ct);
        var names = await PartyNames.LoadAsync(db, reps.Select(r => r.PartyId), ct);
        var assigned = await db.Set<ContactAssignment>().AsNoTracking().Where(a => a.BuyerPartyId == buyerId && a.OrganizationPartyId == org)
            .Select(a => (Guid?)a.RepPartyId).FirstOrDefaultAsync(ct);

        var ranked = reps.Where(r => r.PartyId != buyerId).Select(r =>
            {
                var name = names.Get(r.PartyId);
                if (!answers.TryGetValue(r.PartyId, out var mine))
                    return new RepMatchDto(r.PartyId, name, false, null, [], NoAnswersYet, assigned == r.PartyId);
                var match = Similarity.Compare(mine, buyerAnswers);
                return new RepMatchDto(r.PartyId, name, true, match.Score, match.Shared, match.Reason, assigned == r.PartyId);
            })
            .OrderByDescending(m => m.Answered).ThenByDescending(m => m.Score ?? 0)
            .ThenBy(m => m.Rep.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(m => m.RepPartyId)
            .Skip(offset).Take(page.Limit + 1).ToList();
        var next = ranked.Count > page.Limit ? PageRequest.Encode((offset + page.Limit).ToString(CultureInfo.InvariantCulture)) : null;
        return Outcome<RepMatchesDto>.Ok(new RepMatchesDto(buyerId, true, null, ranked.Take(page.Limit).ToList(), next));
    }

    /// <summary>The acting organization's people by name, for picking a contact person when there is nothing to rank by.</summary>
    public async Task<IReadOnlyList<PartyRef>> PeopleAsync(CancellationToken ct = default)
    {
        if (db.Actor.IsIndividual()) return [];
        List<Rep> reps;
        await using (var system = await factory.CreateSystemAsync(ct))
            reps = await Reps.OfAsync(system, db.Actor.PartyId, clock.GetUtcNow().UtcDateTime, ct);
        var names = await PartyNames.LoadAsync(db, reps.Select(r => r.PartyId), ct);
        return reps.Select(r => names.Get(r.PartyId)).OrderBy(n => n.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>The answers of those people who answered and keep them in matching.</summary>
    private static async Task<Dictionary<Guid, Dictionary<string, List<string>>>> ReadAsync(MutualDbContext system, List<Guid> people, CancellationToken ct)
    {
        var rows = await system.Set<StatedValues>().AsNoTracking().Where(s => people.Contains(s.PersonPartyId) && s.UseForMatching)
            .Select(s => new { s.PersonPartyId, s.Answers }).ToListAsync(ct);
        return rows.Select(r => (r.PersonPartyId, Answers: ValueRules.Read(r.Answers)))
            .Where(r => r.Answers.Count > 0).ToDictionary(r => r.PersonPartyId, r => r.Answers);
    }
}

/// <summary>What every matching route checks first: an organization acts, and the buyer is a party it may see.</summary>
internal static class MatchingGuard
{
    public static async Task<Outcome<bool>?> BuyerAsync(MutualDbContext db, Guid buyerId, CancellationToken ct)
    {
        if (!await db.Parties.AnyAsync(p => p.Id == buyerId, ct)) return Outcome<bool>.NotFound("No such party.");
        if (db.Actor.IsIndividual()) return Outcome<bool>.Unprocessable("Only an organization has reps to match; you act for yourself.");
        if (buyerId == db.Actor.PartyId) return Outcome<bool>.Unprocessable("An organization is not its own buyer.");
        return null;
    }
}
