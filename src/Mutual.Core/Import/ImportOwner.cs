using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;

namespace Mutual.Core.Import;

/// <summary>Finds the book an import writes to: a member party by id, the party an account acts for by the account's email, or a member organization by name.</summary>
public static class ImportOwner
{
    public static async Task<(Guid? Owner, string? Error)> ResolveAsync(IDbContextFactory<MutualDbContext> factory, string? text, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, "--owner is required.");
        text = text.Trim();
        await using var db = await factory.CreateSystemAsync(ct);
        if (Guid.TryParse(text, out var id))
        {
            // Only a member has a book someone can read: an import into a non-member's "book" would be invisible to all.
            return await db.Parties.AnyAsync(p => p.Id == id && p.IsMember, ct) ? (id, null) : (null, $"No member party has the id {id}.");
        }
        if (text.Contains('@', StringComparison.Ordinal))
        {
            var email = text.ToLowerInvariant();
            var acting = await db.Accounts.Where(a => a.Email == email).Select(a => (Guid?)a.ActingPartyId).FirstOrDefaultAsync(ct);
            return acting is { } a ? (a, null) : (null, $"No account has the email {text}.");
        }
        // Member organizations are few (one per account-holding organization), so compare their names here.
        var members = await db.Parties.Where(p => p.IsMember && p.Kind == Parties.PartyKind.Organization).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var matches = members.Where(p => string.Equals(p.Name, text, StringComparison.OrdinalIgnoreCase)).Select(p => p.Id).ToList();
        return matches.Count switch
        {
            1 => (matches[0], null),
            0 => (null, $"No member organization is named '{text}'."),
            _ => (null, $"More than one member organization is named '{text}'; give its id."),
        };
    }
}
