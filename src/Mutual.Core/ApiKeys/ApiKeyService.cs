using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Accounts;
using Mutual.Core.Data;

namespace Mutual.Core.ApiKeys;

public sealed record CreateApiKeyRequest(string? Name, List<string?>? Scopes, DateTime? ExpiresAt);

/// <summary>A key as its organization sees it; <see cref="Key"/> is present only in the answer to create.</summary>
public sealed record ApiKeyDto(Guid Id, string Name, string Hint, string Last4, IReadOnlyList<string> Scopes, Guid CreatedByAccountId,
    DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt, bool Active,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Key = null)
{
    public static ApiKeyDto From(ApiKey k, DateTime now, string? key = null) =>
        new(k.Id, k.Name, ApiKey.Prefix + k.Hint + "…", k.Last4, k.Scopes, k.CreatedByAccountId, k.CreatedAt, k.ExpiresAt, k.LastUsedAt,
            k.RevokedAt, k.RevokedAt is null && (k.ExpiresAt is null || k.ExpiresAt > now), key);
}

/// <summary>An organization's API keys. Any account of the organization manages them (see decision 006); only the owner sees them.</summary>
public sealed class ApiKeyService(MutualDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<ApiKeyDto>> CreateAsync(CreateApiKeyRequest request, CancellationToken ct = default)
    {
        var v = new Validation();
        v.Require("name", request.Name, 200);
        if (request.Scopes is null || request.Scopes.Count == 0) v.Add("scopes", "'scopes' must name at least one scope, such as 'parties:read'.");
        else if (request.Scopes.Where(s => s is null || !ApiScopes.IsKnown(s)).ToList() is { Count: > 0 } unknown)
            v.Add("scopes", $"Unknown scope(s): {string.Join(", ", unknown)}. Scopes are <area>:read or <area>:write, areas: {string.Join(", ", ApiScopes.Areas)}.");
        if (request.ExpiresAt is { } exp && exp.ToUniversalTime() <= Now) v.Add("expiresAt", "'expiresAt' must be in the future.");
        if (!v.IsValid) return v.Fail<ApiKeyDto>();
        var key = Secrets.NewToken(ApiKey.Prefix);
        var apiKey = new ApiKey
        {
            OwnerPartyId = db.ActingPartyId, CreatedByAccountId = db.Actor.AccountId, Name = request.Name!.Trim(), KeyHash = Secrets.Hash(key),
            Hint = key.Substring(ApiKey.Prefix.Length, 6), Last4 = key[^4..], Scopes = request.Scopes!.Distinct().ToList()!,
            CreatedAt = Now, ExpiresAt = request.ExpiresAt?.ToUniversalTime(),
        };
        db.ApiKeys.Add(apiKey);
        await db.SaveChangesAsync(ct);
        return Outcome<ApiKeyDto>.Ok(ApiKeyDto.From(apiKey, Now, key));
    }

    public async Task<Outcome<Page<ApiKeyDto>>> ListAsync(int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "g");
        if (!v.IsValid) return v.Fail<Page<ApiKeyDto>>();
        var q = db.ApiKeys.AsNoTracking().Where(k => k.OwnerPartyId == db.Actor.PartyId);
        if (page.AfterGuid(0) is { } after) q = q.Where(k => k.Id.CompareTo(after) < 0);
        var rows = await q.OrderByDescending(k => k.Id).Take(page.Limit + 1).ToListAsync(ct);
        var cut = page.ToPage(rows, k => PageRequest.Encode(k.Id.ToString()));
        var now = Now;
        return Outcome<Page<ApiKeyDto>>.Ok(new(cut.Items.Select(k => ApiKeyDto.From(k, now)).ToList(), cut.NextCursor));
    }

    public async Task<Outcome<ApiKeyDto>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var k = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return k is null ? Outcome<ApiKeyDto>.NotFound("No such API key.") : Outcome<ApiKeyDto>.Ok(ApiKeyDto.From(k, Now));
    }

    /// <summary>Revokes at once: the next request with the key is refused. Revoking twice is fine.</summary>
    public async Task<Outcome<bool>> RevokeAsync(Guid id, CancellationToken ct = default)
    {
        var k = await db.ApiKeys.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (k is null) return Outcome<bool>.NotFound("No such API key.");
        k.RevokedAt ??= Now;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }
}

/// <summary>Authenticates <c>mk_…</c> keys: the key's organization, acting as the account that created it.</summary>
public sealed class ApiKeySignIn(IDbContextFactory<MutualDbContext> factory, TimeProvider clock)
{
    /// <summary>Recording every use would write on every request; once a minute is enough to tell live keys from dead ones.</summary>
    private static readonly TimeSpan UseResolution = TimeSpan.FromMinutes(1);

    public async Task<(Account Account, ApiKey Key)?> AuthenticateAsync(string key, CancellationToken ct = default)
    {
        await using var db = await factory.CreateSystemAsync(ct);
        var hash = Secrets.Hash(key);
        var now = clock.GetUtcNow().UtcDateTime;
        var apiKey = await db.ApiKeys.FirstOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now), ct);
        if (apiKey is null) return null;
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == apiKey.CreatedByAccountId, ct);
        // A key never outlives its creator's standing: an account that no longer acts for the organization takes its keys with it.
        if (account is null || account.ActingPartyId != apiKey.OwnerPartyId) return null;
        if (apiKey.LastUsedAt is null || apiKey.LastUsedAt < now - UseResolution)
        {
            apiKey.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return (account, apiKey);
    }
}
