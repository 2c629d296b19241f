using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Accounts;
using Mutual.Core.Data;
using Mutual.Core.Events;
using Mutual.Core.Parties;

namespace Mutual.Core.Individuals;

public sealed record RegisterRequest(string? Email, string? Password, string? Name);

/// <summary>
/// Self sign-up: a new individual, that is a person party in its own book that acts for itself and is a member
/// of the network, with an account and an empty profile. Runs as the system: no actor exists before sign-up.
/// </summary>
public sealed class Registration(IDbContextFactory<MutualDbContext> factory, TimeProvider clock, AuthOptions options)
{
    /// <summary>Long enough for a passphrase; short enough that hashing it is never the expensive part of a request.</summary>
    public const int PasswordMax = 256;

    public async Task<Outcome<TokenResponse>> RegisterAsync(RegisterRequest request, CancellationToken ct = default)
    {
        var v = new Validation();
        var email = (request.Email ?? "").Trim().ToLowerInvariant();
        if (!PartyRules.IsEmail(email) || email.Length > 254) v.Add("email", "'email' must be an email address.");
        var password = request.Password ?? "";
        if (password.Length < options.MinimumPasswordLength) v.Add("password", $"'password' must be at least {options.MinimumPasswordLength} characters.");
        else if (password.Length > PasswordMax) v.Add("password", $"'password' must be at most {PasswordMax} characters.");
        v.Require("name", request.Name, PartyRules.NameMax);
        if (!v.IsValid) return v.Fail<TokenResponse>();

        await using var db = await factory.CreateSystemAsync(ct);
        if (await db.Accounts.AnyAsync(a => a.Email == email, ct)) return Outcome<TokenResponse>.Conflict("An account with this email exists; sign in instead.");
        var now = clock.GetUtcNow().UtcDateTime;
        var person = new Party { Kind = PartyKind.Person, Name = request.Name!.Trim(), Emails = [email], IsMember = true, CreatedAt = now, UpdatedAt = now };
        person.OwnerPartyId = person.Id; // the individual's record is in their own book, like an organization's
        person.RefreshSearchText();
        db.Parties.Add(person);
        var account = new Account { Email = email, PersonPartyId = person.Id, ActingPartyId = person.Id, CreatedAt = now };
        account.PasswordHash = SignInService.HashPassword(account, password);
        db.Accounts.Add(account);
        db.Set<IndividualProfile>().Add(new IndividualProfile { PartyId = person.Id, Emails = [email], UpdatedAt = now });
        db.Outbox.Add(OutboxMessage.Create("account.created", now, new { accountId = account.Id, personPartyId = person.Id, actingPartyId = person.Id }, [person.Id]));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two sign-ups with one email at once: the unique index lets one through.
            return Outcome<TokenResponse>.Conflict("An account with this email exists; sign in instead.");
        }
        return Outcome<TokenResponse>.Ok(await new SignInService(factory, clock, options).IssueTokenAsync(account, ct));
    }
}
