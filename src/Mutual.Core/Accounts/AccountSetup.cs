using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Parties;
using Mutual.Core.Relationships;

namespace Mutual.Core.Accounts;

public sealed record SetupRequest(string? OrganizationName, string? AdminName, string? AdminEmail, string? AdminPassword);

public sealed record MeDto(Guid AccountId, string Email, Guid PersonPartyId, Guid ActingPartyId, string PersonName, string ActingPartyName, bool IsAdmin);

/// <summary>
/// Creating accounts outside invitations: the first run (host organization and its first admin) and the
/// command line's <c>user create</c>. Runs as the system.
/// </summary>
public sealed class AccountSetup(IDbContextFactory<MutualDbContext> factory, TimeProvider clock, AuthOptions options)
{
    public async Task<bool> IsSetUpAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateSystemAsync(ct);
        return await db.Accounts.AnyAsync(ct);
    }

    /// <summary>Creates the host organization and its first admin; refused once any account exists.</summary>
    public async Task<Outcome<Account>> BootstrapAsync(SetupRequest request, CancellationToken ct = default)
    {
        var v = new Validation();
        v.Require("organizationName", request.OrganizationName, PartyRules.NameMax);
        ValidatePerson(v, request.AdminEmail, request.AdminPassword);
        if (!v.IsValid) return v.Fail<Account>();
        await using var db = await factory.CreateSystemAsync(ct);
        if (await db.Accounts.AnyAsync(ct)) return Outcome<Account>.Conflict("Mutual is already set up.");

        var now = clock.GetUtcNow().UtcDateTime;
        var host = NewParty(PartyKind.Organization, request.OrganizationName!.Trim(), null, Guid.Empty, now);
        host.OwnerPartyId = host.Id;
        host.IsHost = true;
        host.IsMember = true;
        host.RefreshSearchText();
        db.Parties.Add(host);
        var account = await AddPersonAccountAsync(db, host, request.AdminName, request.AdminEmail!, request.AdminPassword!, isAdmin: true, now, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<Account>.Ok(account);
    }

    /// <summary>A new person working for an organization (the host when none is named), with an account acting for it.</summary>
    public async Task<Outcome<Account>> CreateUserAsync(string? name, string? email, string? password, Guid? organizationId, bool isAdmin, CancellationToken ct = default)
    {
        var v = new Validation();
        ValidatePerson(v, email, password);
        if (!v.IsValid) return v.Fail<Account>();
        await using var db = await factory.CreateSystemAsync(ct);
        var normalized = email!.Trim().ToLowerInvariant();
        if (await db.Accounts.AnyAsync(a => a.Email == normalized, ct)) return Outcome<Account>.Conflict("An account with this email exists.");
        var org = organizationId is { } id
            ? await db.Parties.FirstOrDefaultAsync(p => p.Id == id && p.Kind == PartyKind.Organization, ct)
            : await db.Parties.FirstOrDefaultAsync(p => p.IsHost, ct);
        if (org is null) return Outcome<Account>.NotFound(organizationId is null ? "Mutual is not set up yet." : "No such organization.");
        var now = clock.GetUtcNow().UtcDateTime;
        var account = await AddPersonAccountAsync(db, org, name, normalized, password!, isAdmin, now, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<Account>.Ok(account);
    }

    public async Task<MeDto?> DescribeAsync(Guid accountId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateSystemAsync(ct);
        var a = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == accountId, ct);
        if (a is null) return null;
        var names = await PartyNames.LoadAsync(db, [a.PersonPartyId, a.ActingPartyId], ct);
        return new MeDto(a.Id, a.Email, a.PersonPartyId, a.ActingPartyId, names.Get(a.PersonPartyId).Name, names.Get(a.ActingPartyId).Name, a.IsAdmin);
    }

    private void ValidatePerson(Validation v, string? email, string? password)
    {
        if (!PartyRules.IsEmail((email ?? "").Trim().ToLowerInvariant())) v.Add("adminEmail", "An email address is required.");
        if ((password ?? "").Length < options.MinimumPasswordLength)
            v.Add("adminPassword", $"The password must be at least {options.MinimumPasswordLength} characters.");
    }

    private static async Task<Account> AddPersonAccountAsync(MutualDbContext db, Party org, string? name, string email, string password, bool isAdmin, DateTime now, CancellationToken ct)
    {
        email = email.Trim().ToLowerInvariant();
        var displayName = string.IsNullOrWhiteSpace(name) ? email.Split('@')[0] : name.Trim();
        var person = NewParty(PartyKind.Person, displayName, email, org.OwnerPartyId == Guid.Empty ? org.Id : org.OwnerPartyId, now);
        person.IsMember = true;
        db.Parties.Add(person);
        var employment = new Relationship { FromPartyId = person.Id, ToPartyId = org.Id, Kind = "works-for", Since = now, OwnerPartyId = person.OwnerPartyId, CreatedAt = now };
        db.Relationships.Add(employment);
        db.RelationshipEvents.Add(RelationshipEvent.Of(employment, RelationshipEvent.Started, now));
        var account = new Account { Email = email, PersonPartyId = person.Id, ActingPartyId = org.Id, IsAdmin = isAdmin, CreatedAt = now };
        account.PasswordHash = SignInService.HashPassword(account, password);
        db.Accounts.Add(account);
        await Membership.JoinAsync(db, [org.Id], now, ct);
        return account;
    }

    private static Party NewParty(PartyKind kind, string name, string? email, Guid owner, DateTime now)
    {
        var p = new Party { Kind = kind, Name = name, Emails = email is null ? [] : [email], OwnerPartyId = owner, CreatedAt = now, UpdatedAt = now };
        p.RefreshSearchText();
        return p;
    }
}
