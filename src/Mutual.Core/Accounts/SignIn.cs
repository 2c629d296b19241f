using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;

namespace Mutual.Core.Accounts;

public sealed record LoginRequest(string? Email, string? Password);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

public sealed class AuthOptions
{
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);
    public int MinimumPasswordLength { get; set; } = 8;
}

/// <summary>Password sign-in and bearer tokens. Works in its own system context: no actor exists before sign-in.</summary>
/// <summary>A live bearer token's account, and when the token expires.</summary>
public sealed record TokenSession(Actor Actor, Account Account, DateTime ExpiresAt);

public sealed class SignInService(IDbContextFactory<MutualDbContext> factory, TimeProvider clock, AuthOptions options)
{
    private static readonly PasswordHasher<Account> Hasher = new();

    public static string HashPassword(Account account, string password) => Hasher.HashPassword(account, password);

    /// <summary>The account for these credentials, or null. Both paths hash, so timing does not tell whether an email exists.</summary>
    public async Task<Account?> VerifyAsync(string? email, string? password, CancellationToken ct = default)
    {
        await using var db = await factory.CreateSystemAsync(ct);
        var normalized = (email ?? "").Trim().ToLowerInvariant();
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Email == normalized, ct);
        if (account is null || string.IsNullOrEmpty(password))
        {
            Hasher.VerifyHashedPassword(new Account(), DummyHash, password ?? "");
            return null;
        }
        var result = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed) return null;
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = Hasher.HashPassword(account, password);
            await db.SaveChangesAsync(ct);
        }
        return account;
    }

    public async Task<TokenResponse> IssueTokenAsync(Account account, CancellationToken ct = default)
    {
        await using var db = await factory.CreateSystemAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Secrets.NewToken("mut_");
        db.AccessTokens.Add(new AccessToken
        {
            AccountId = account.Id,
            TokenHash = Secrets.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + options.TokenLifetime,
        });
        // Expired tokens are swept as new ones are issued, so the table stays the size of the active sessions.
        await db.AccessTokens.Where(t => t.ExpiresAt < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        return new TokenResponse(token, "Bearer", (int)options.TokenLifetime.TotalSeconds);
    }

    /// <summary>The actor behind a live bearer token, or null.</summary>
    public async Task<TokenSession?> AuthenticateTokenAsync(string token, CancellationToken ct = default)
    {
        await using var db = await factory.CreateSystemAsync(ct);
        var hash = Secrets.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await (from t in db.AccessTokens
                           join a in db.Accounts on t.AccountId equals a.Id
                           where t.TokenHash == hash && t.ExpiresAt > now
                           select new { Account = a, t.ExpiresAt }).AsNoTracking().FirstOrDefaultAsync(ct);
        return found is null ? null : new TokenSession(ToActor(found.Account), found.Account, found.ExpiresAt);
    }

    public static Actor ToActor(Account a) => new(a.ActingPartyId, a.PersonPartyId, a.Id) { IsAdmin = a.IsAdmin };

    private static readonly string DummyHash = Hasher.HashPassword(new Account(), Guid.NewGuid().ToString());
}
