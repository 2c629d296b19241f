using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;

namespace Mutual.Core.Channel;

public sealed record RoutingRuleRequest(string? Name, int? Position, bool? Enabled, List<string?>? Countries, decimal? MinValue,
    string? RequiredCertification, int? AcceptWithinHours, bool? RespectCapacity);

public sealed record RoutingRuleDto(Guid Id, int Position, string Name, bool Enabled, IReadOnlyList<string> Countries, decimal? MinValue,
    string? RequiredCertification, int AcceptWithinHours, bool RespectCapacity, DateTime UpdatedAt, long Version);

/// <summary>The owner's ordered routing rules; administrators edit them, everyone in the organization reads them.</summary>
public sealed class RoutingRules(MutualDbContext db, TimeProvider clock)
{
    public const int MaxRules = 100;

    public async Task<IReadOnlyList<RoutingRuleDto>> ListAsync(CancellationToken ct = default) =>
        (await db.RoutingRules.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct)).Select(Describe).ToList();

    public async Task<Outcome<RoutingRuleDto>> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.RoutingRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } rule
            ? Outcome<RoutingRuleDto>.Ok(Describe(rule)) : Outcome<RoutingRuleDto>.NotFound("No such routing rule.");

    /// <summary>Adds a rule at a position (the end by default); the rules after it move down one.</summary>
    public async Task<Outcome<RoutingRuleDto>> CreateAsync(RoutingRuleRequest r, CancellationToken ct = default)
    {
        if (!db.Actor.IsAdmin) return Outcome<RoutingRuleDto>.Unprocessable("Only an administrator can change routing rules.");
        var v = Validate(r, creating: true);
        if (!v.IsValid) return v.Fail<RoutingRuleDto>();
        var rules = await db.RoutingRules.OrderBy(x => x.Position).ThenBy(x => x.Id).ToListAsync(ct);
        if (rules.Count >= MaxRules) return Outcome<RoutingRuleDto>.Unprocessable($"An organization has at most {MaxRules} routing rules.");
        var rule = new RoutingRule { OwnerPartyId = db.ActingPartyId, UpdatedAt = clock.GetUtcNow().UtcDateTime };
        Apply(rule, r);
        rules.Insert(Math.Clamp(r.Position ?? rules.Count, 0, rules.Count), rule);
        Renumber(rules);
        db.RoutingRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return Outcome<RoutingRuleDto>.Ok(Describe(rule));
    }

    /// <summary>Changes the fields sent (merge patch); a new position moves the rule and renumbers the rest.</summary>
    public async Task<Outcome<RoutingRuleDto>> UpdateAsync(Guid id, RoutingRuleRequest r, long? expectedVersion, CancellationToken ct = default)
    {
        var rules = await db.RoutingRules.OrderBy(x => x.Position).ThenBy(x => x.Id).ToListAsync(ct);
        var rule = rules.FirstOrDefault(x => x.Id == id);
        if (rule is null) return Outcome<RoutingRuleDto>.NotFound("No such routing rule.");
        if (!db.Actor.IsAdmin) return Outcome<RoutingRuleDto>.Unprocessable("Only an administrator can change routing rules.");
        if (expectedVersion is { } ev && ev != rule.Version) return Outcome<RoutingRuleDto>.Stale();
        var v = Validate(r, creating: false);
        if (!v.IsValid) return v.Fail<RoutingRuleDto>();
        Apply(rule, r);
        if (r.Position is { } position)
        {
            rules.Remove(rule);
            rules.Insert(Math.Clamp(position, 0, rules.Count), rule);
            Renumber(rules);
        }
        rule.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        rule.Version++;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Outcome<RoutingRuleDto>.Stale(); }
        return Outcome<RoutingRuleDto>.Ok(Describe(rule));
    }

    public async Task<Outcome<bool>> DeleteAsync(Guid id, long? expectedVersion, CancellationToken ct = default)
    {
        var rules = await db.RoutingRules.OrderBy(x => x.Position).ThenBy(x => x.Id).ToListAsync(ct);
        var rule = rules.FirstOrDefault(x => x.Id == id);
        if (rule is null) return Outcome<bool>.NotFound("No such routing rule.");
        if (!db.Actor.IsAdmin) return Outcome<bool>.Unprocessable("Only an administrator can change routing rules.");
        if (expectedVersion is { } ev && ev != rule.Version) return Outcome<bool>.Stale();
        rules.Remove(rule);
        db.RoutingRules.Remove(rule);
        Renumber(rules);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    private static void Renumber(List<RoutingRule> rules)
    {
        for (var i = 0; i < rules.Count; i++) rules[i].Position = i;
    }

    private static void Apply(RoutingRule rule, RoutingRuleRequest r)
    {
        if (r.Name is not null) rule.Name = r.Name.Trim();
        if (r.Enabled is { } enabled) rule.Enabled = enabled;
        if (r.Countries is not null) rule.Countries = r.Countries.Select(c => ChannelRules.Normalize(c!)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (r.MinValue is not null) rule.MinValue = r.MinValue == 0 ? null : r.MinValue;
        if (r.RequiredCertification is not null)
            rule.RequiredCertification = r.RequiredCertification.Length == 0 ? null : r.RequiredCertification.Trim().ToLowerInvariant();
        if (r.AcceptWithinHours is { } hours) rule.AcceptWithinHours = hours;
        if (r.RespectCapacity is { } respect) rule.RespectCapacity = respect;
    }

    private static Validation Validate(RoutingRuleRequest r, bool creating)
    {
        var v = new Validation();
        if (creating || r.Name is not null) v.Require("name", r.Name, ChannelRules.NameMax);
        if (r.Position is < 0) v.Add("position", "'position' must be 0 or more.");
        if (r.Countries is { } countries) ChannelRules.Territories(v, "countries", countries);
        if (r.MinValue is < 0) v.Add("minValue", "'minValue' must be 0 or more.");
        if (r.RequiredCertification is { Length: > 0 } cert && !ChannelRules.IsCertification(cert.Trim().ToLowerInvariant()))
            v.Add("requiredCertification", "A certification name is lowercase letters, digits, dots and dashes.");
        if (r.AcceptWithinHours is < 1 or > ChannelRules.MaxAcceptHours) v.Add("acceptWithinHours", $"'acceptWithinHours' must be between 1 and {ChannelRules.MaxAcceptHours}.");
        return v;
    }

    private static RoutingRuleDto Describe(RoutingRule r) =>
        new(r.Id, r.Position, r.Name, r.Enabled, r.Countries, r.MinValue, r.RequiredCertification, r.AcceptWithinHours, r.RespectCapacity, r.UpdatedAt, r.Version);
}
