using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;
using Mutual.Core.Parties;

namespace Mutual.Core.Accounts;

public sealed record InviteRequest(string? Email);

public sealed record InvitationDto(Guid Id, Guid PartyId, Guid ActingPartyId, string Email, string Token, string AcceptPath, DateTime CreatedAt, DateTime ExpiresAt);

/// <summary>An invitation as its inviter reads it later: the token is shown only once, when it is created.</summary>
public sealed record InvitationStatusDto(Guid Id, Guid PartyId, Guid ActingPartyId, string Email, DateTime CreatedAt, DateTime ExpiresAt, DateTime? AcceptedAt);

public sealed record AcceptInvitationRequest(string? Token, string? Password);

/// <summary>
/// Invites a person in the actor's book to join the network. On acceptance the new account acts for the
/// organization the person works for, when the inviter speaks for it (itself or an organization in its
/// book), or else for the person; both become member parties.
/// </summary>
public sealed class InvitationService(MutualDbContext db, IDbContextFactory<MutualDbContext> factory, TimeProvider clock, AuthOptions options)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public async Task<Outcome<InvitationDto>> InviteAsync(Guid partyId, InviteRequest request, CancellationToken ct = default)
    {
        var actor = db.Actor;
        var party = await db.Parties.FirstOrDefaultAsync(p => p.Id == partyId, ct);
        if (party is null || PartyViews.Of(party, actor) != PartyViews.Owner) return Outcome<InvitationDto>.NotFound("No such party.");
        var v = new Validation();
        var email = (request.Email ?? "").Trim().ToLowerInvariant();
        if (!PartyRules.IsEmail(email)) v.Add("email", "'email' must be an email address.");
        if (!v.IsValid) return v.Fail<InvitationDto>();
        if (party.Kind != PartyKind.Person) return Outcome<InvitationDto>.Unprocessable("Only a person can be invited; invite one of the organization's people.");

        bool taken;
        await using (var system = await factory.CreateSystemAsync(ct))
            taken = await system.Accounts.AnyAsync(x => x.Email == email || x.PersonPartyId == party.Id, ct);
        if (taken) return Outcome<InvitationDto>.Conflict("This person or email already has an account.");

        var now = clock.GetUtcNow().UtcDateTime;
        // The account may act only for an organization the inviter speaks for: itself, or one in its own
        // book, through a works-for it recorded. Anything else would let a party mint accounts for others.
        var employer = await db.Relationships
            .Where(r => r.FromPartyId == party.Id && r.Kind == "works-for" && r.OwnerPartyId == actor.PartyId
                && r.Since <= now && (r.Until == null || r.Until > now)
                && (r.ToPartyId == actor.PartyId || db.Parties.Any(o => o.Id == r.ToPartyId && o.OwnerPartyId == actor.PartyId)))
            .OrderByDescending(r => r.Since).Select(r => (Guid?)r.ToPartyId).FirstOrDefaultAsync(ct);
        var token = Secrets.NewToken("inv_");
        var invitation = new Invitation
        {
            PartyId = party.Id,
            Email = email,
            TokenHash = Secrets.Hash(token),
            InvitedByPartyId = actor.PartyId,
            InvitedByAccountId = actor.AccountId,
            ActingPartyId = employer ?? party.Id,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        db.Invitations.Add(invitation);
        db.Outbox.Add(OutboxMessage.Create("invitation.created", now, new { invitationId = invitation.Id, partyId = party.Id }, [actor.PartyId]));
        await db.SaveChangesAsync(ct);
        return Outcome<InvitationDto>.Ok(ToDto(invitation, token));
    }

    public async Task<Outcome<InvitationStatusDto>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var i = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return i is null
            ? Outcome<InvitationStatusDto>.NotFound("No such invitation.")
            : Outcome<InvitationStatusDto>.Ok(new InvitationStatusDto(i.Id, i.PartyId, i.ActingPartyId, i.Email, i.CreatedAt, i.ExpiresAt, i.AcceptedAt));
    }

    public async Task<Outcome<TokenResponse>> AcceptAsync(AcceptInvitationRequest request, CancellationToken ct = default)
    {
        var v = new Validation();
        if (string.IsNullOrWhiteSpace(request.Token)) v.Add("token", "'token' is required.");
        if ((request.Password ?? "").Length < options.MinimumPasswordLength)
            v.Add("password", $"'password' must be at least {options.MinimumPasswordLength} characters.");
        if (!v.IsValid) return v.Fail<TokenResponse>();

        await using var system = await factory.CreateSystemAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = Secrets.Hash(request.Token!.Trim());
        var invitation = await system.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null || invitation.AcceptedAt is not null || invitation.ExpiresAt <= now)
            return Outcome<TokenResponse>.NotFound("This invitation is unknown, used or expired.");
        if (await system.Accounts.AnyAsync(a => a.Email == invitation.Email || a.PersonPartyId == invitation.PartyId, ct))
            return Outcome<TokenResponse>.Conflict("This person or email already has an account.");

        var person = await system.Parties.FirstAsync(p => p.Id == invitation.PartyId, ct);
        var actingPartyId = invitation.ActingPartyId;
        var account = new Account { Email = invitation.Email, PersonPartyId = person.Id, ActingPartyId = actingPartyId, CreatedAt = now };
        account.PasswordHash = SignInService.HashPassword(account, request.Password!);
        system.Accounts.Add(account);
        invitation.AcceptedAt = now;
        await Membership.JoinAsync(system, [person.Id, actingPartyId], now, ct);
        if (!person.Emails.Contains(invitation.Email))
        {
            person.Emails = [.. person.Emails, invitation.Email];
            person.RefreshSearchText();
        }
        system.Outbox.Add(OutboxMessage.Create("account.created", now,
            new { accountId = account.Id, personPartyId = person.Id, actingPartyId }, [invitation.InvitedByPartyId, actingPartyId]));
        await system.SaveChangesAsync(ct);
        return Outcome<TokenResponse>.Ok(await new SignInService(factory, clock, options).IssueTokenAsync(account, ct));
    }

    private static InvitationDto ToDto(Invitation i, string token) =>
        new(i.Id, i.PartyId, i.ActingPartyId, i.Email, token, "/accept-invitation?token=" + Uri.EscapeDataString(token), i.CreatedAt, i.ExpiresAt);
}

/// <summary>Parties with an account join the network directory. Runs on the system contexts of sign-up and set-up.</summary>
public static class Membership
{
    public static async Task JoinAsync(MutualDbContext db, IEnumerable<Guid> partyIds, DateTime now, CancellationToken ct)
    {
        var ids = partyIds.Distinct().ToList();
        var parties = await db.Parties.Where(p => ids.Contains(p.Id) && !p.IsMember).ToListAsync(ct);
        foreach (var p in parties)
        {
            p.IsMember = true;
            p.UpdatedAt = now;
            p.Version++;
        }
    }
}
