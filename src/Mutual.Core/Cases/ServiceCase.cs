using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Cases;

/// <summary>
/// A service case for a customer, worked by one organization at a time (the holder) and handed between
/// organizations. Every organization that held it and the customer are <see cref="Participants"/>: that list
/// is the access rule (see AccessRules and docs/decisions/009-cases.md).
/// </summary>
public sealed class ServiceCase
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid OpenedByPartyId { get; set; }

    /// <summary>The organization the case was opened with, its first holder: a hand-off back to it resumes triage.</summary>
    public Guid VendorPartyId { get; set; }
    public Guid CustomerPartyId { get; set; }
    public Guid HolderPartyId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string? Reference { get; set; }
    public string Priority { get; set; } = CasePriority.Normal;
    public string Stage { get; set; } = CaseStage.Received;

    /// <summary>SHA-256 of the tracking code: the code itself is shown once, and a leaked table does not open /track.</summary>
    public byte[] TrackingCodeHash { get; set; } = [];

    /// <summary>When the current holder must first respond (a public reply or a stage move); null once it has.</summary>
    public DateTime? RespondBy { get; set; }
    public DateTime ResolveBy { get; set; }
    public DateTime? ResponseBreachedAt { get; set; }
    public DateTime? ResolutionBreachedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public long Version { get; set; } = 1;
    public List<CaseParticipant> Participants { get; set; } = [];
}

/// <summary>A party involved in a case: the customer, or an organization that holds or held it. Never removed.</summary>
public sealed class CaseParticipant
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid CaseId { get; set; }
    public ServiceCase? Case { get; set; }
    public Guid PartyId { get; set; }
    public string Role { get; set; } = CaseRoles.Organization;
    public DateTime JoinedAt { get; set; }
}

/// <summary>
/// One line of a case's timeline: opened, a stage change, a hand-off, a public reply, or an internal note.
/// An internal note carries <see cref="PrivateToPartyId"/>, its organization, and no one else ever reads it.
/// </summary>
public sealed class CaseEntry
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid CaseId { get; set; }
    public ServiceCase? Case { get; set; }
    public string Kind { get; set; } = CaseEntryKind.Opened;
    public Guid AuthorPartyId { get; set; }
    public Guid? AuthorPersonId { get; set; }
    public string? Stage { get; set; }
    public Guid? FromPartyId { get; set; }
    public Guid? ToPartyId { get; set; }
    public string? Text { get; set; }
    public Guid? PrivateToPartyId { get; set; }
    public DateTime At { get; set; }
}

internal sealed class ServiceCaseConfiguration : IEntityTypeConfiguration<ServiceCase>
{
    public void Configure(EntityTypeBuilder<ServiceCase> b)
    {
        b.ToTable("Cases");
        b.Property(c => c.Title).HasMaxLength(CaseRules.TitleMax);
        b.Property(c => c.Description).HasMaxLength(CaseRules.TextMax);
        b.Property(c => c.Reference).HasMaxLength(CaseRules.ReferenceMax);
        b.Property(c => c.Priority).HasMaxLength(16);
        b.Property(c => c.Stage).HasMaxLength(24);
        b.Property(c => c.TrackingCodeHash).HasMaxLength(32);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.TrackingCodeHash).IsUnique();
        // Lists sort by id (UUIDv7, time-ordered); the sweep looks for unflagged cases past a due time.
        b.HasIndex(c => new { c.HolderPartyId, c.Id });
        // view=customer: the cases of the actor or of the person behind the account, newest first.
        b.HasIndex(c => new { c.CustomerPartyId, c.Id });
        b.HasIndex(c => new { c.ResponseBreachedAt, c.RespondBy });
        b.HasIndex(c => new { c.ResolutionBreachedAt, c.ResolveBy });
        b.HasMany(c => c.Participants).WithOne(p => p.Case).HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseParticipantConfiguration : IEntityTypeConfiguration<CaseParticipant>
{
    public void Configure(EntityTypeBuilder<CaseParticipant> b)
    {
        b.ToTable("CaseParticipants");
        b.Property(p => p.Role).HasMaxLength(16);
        b.HasIndex(p => new { p.CaseId, p.PartyId }).IsUnique();
        // Lists start from the actor's participations, newest case first.
        b.HasIndex(p => new { p.PartyId, p.CaseId });
    }
}

internal sealed class CaseEntryConfiguration : IEntityTypeConfiguration<CaseEntry>
{
    public void Configure(EntityTypeBuilder<CaseEntry> b)
    {
        b.ToTable("CaseEntries");
        b.Property(e => e.Kind).HasMaxLength(16);
        b.Property(e => e.Stage).HasMaxLength(24);
        b.Property(e => e.Text).HasMaxLength(CaseRules.TextMax);
        b.HasIndex(e => new { e.CaseId, e.At, e.Id });
        b.HasOne(e => e.Case).WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
