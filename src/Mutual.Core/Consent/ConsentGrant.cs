using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Consent;

/// <summary>
/// An individual's grant to an organization: which scopes of the profile, for what purpose, until when, under
/// which proffered terms. The grant and both sides' sign-off (proffered by whom and when; accepted or declined
/// by whom and when) are one record that grantor and grantee read alike. Rows are never deleted: a revocation
/// is a state, so the record of what was agreed outlives the data flow.
/// </summary>
public sealed class ConsentGrant
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid GrantorPartyId { get; set; }
    public Guid GrantorAccountId { get; set; }
    public Guid GranteePartyId { get; set; }
    public List<string> Scopes { get; set; } = [];
    public string Purpose { get; set; } = "";

    /// <summary>Ids from <see cref="ConsentTerms.Roster"/>; empty when the individual proffered none.</summary>
    public List<string> Terms { get; set; } = [];

    /// <summary>One of <see cref="ConsentStatus"/>; expiry is not stored but read against the clock.</summary>
    public string Status { get; set; } = ConsentStatus.Proffered;
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }

    /// <summary>The grantee's answer to proffered terms ("accepted" or "declined"), the person who gave it and when.</summary>
    public string? Decision { get; set; }
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedByPersonPartyId { get; set; }
    public Guid? DecidedByAccountId { get; set; }
    public string? DeclineReason { get; set; }

    public DateTime? RevokedAt { get; set; }
    public long Version { get; set; } = 1;
}

internal sealed class ConsentGrantConfiguration : IEntityTypeConfiguration<ConsentGrant>
{
    public void Configure(EntityTypeBuilder<ConsentGrant> b)
    {
        b.ToTable("Consents");
        b.Property(c => c.Purpose).HasMaxLength(ConsentRules.PurposeMax);
        b.Property(c => c.Status).HasMaxLength(16);
        b.Property(c => c.Decision).HasMaxLength(16);
        b.Property(c => c.DeclineReason).HasMaxLength(ConsentRules.ReasonMax);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.GrantorPartyId, c.Id });
        b.HasIndex(c => new { c.GranteePartyId, c.Id });
        b.HasIndex(c => new { c.GrantorPartyId, c.GranteePartyId, c.Status });
    }
}
