using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Accounts;

/// <summary>A person's sign-in. It acts for exactly one party: their organization, or themself.</summary>
public sealed class Account
{
    public Guid Id { get; set; } = Uuid7.NewId();

    /// <summary>Lower-cased; unique.</summary>
    public string Email { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public Guid PersonPartyId { get; set; }
    public Guid ActingPartyId { get; set; }
    public bool IsAdmin { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>An opaque bearer token; only its SHA-256 is stored, so a database leak yields no usable token.</summary>
public sealed class AccessToken
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public string TokenHash { get; set; } = "";
    public Guid AccountId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}

/// <summary>An invitation for a person party to become an account.</summary>
public sealed class Invitation
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid PartyId { get; set; }
    public string Email { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public Guid InvitedByPartyId { get; set; }
    public Guid InvitedByAccountId { get; set; }

    /// <summary>The party the new account will act for, decided by the inviter's authority when inviting.</summary>
    public Guid ActingPartyId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.ToTable("Accounts");
        b.Property(a => a.Email).HasMaxLength(254);
        b.Property(a => a.PasswordHash).HasMaxLength(200);
        b.HasIndex(a => a.Email).IsUnique();
        b.HasIndex(a => a.PersonPartyId);
    }
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> b)
    {
        b.ToTable("AccessTokens");
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => t.ExpiresAt);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("Invitations");
        b.Property(i => i.Email).HasMaxLength(254);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => new { i.InvitedByPartyId, i.CreatedAt });
    }
}
