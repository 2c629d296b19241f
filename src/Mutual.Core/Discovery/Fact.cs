using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Discovery;

/// <summary>
/// Something a party learned about another party (its subject), with where it came from and a shelf
/// life: customer information is perishable. It belongs to the party that recorded it; the subject sees
/// it only when it is shared with the subject, and may then confirm or correct it.
/// </summary>
public sealed class Fact
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid SubjectPartyId { get; set; }
    public Guid OwnerPartyId { get; set; }
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public string Source { get; set; } = "";
    public Guid? SourceMessageId { get; set; }
    public DateTime LearnedAt { get; set; }
    public DateTime ConfirmedAt { get; set; }
    public Guid ConfirmedByPartyId { get; set; }
    public int ShelfLifeDays { get; set; }

    /// <summary>ConfirmedAt plus the shelf life; stored so the stale queue is one index range.</summary>
    public DateTime ExpiresAt { get; set; }
    public bool SharedWithSubject { get; set; }

    /// <summary>When the fact.stale event went out for the current confirmation; cleared by a confirmation.</summary>
    public DateTime? StaleNotifiedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public long Version { get; set; } = 1;

    public void Confirm(DateTime at, Guid byPartyId)
    {
        ConfirmedAt = at;
        ConfirmedByPartyId = byPartyId;
        ExpiresAt = at.AddDays(ShelfLifeDays);
        StaleNotifiedAt = null;
    }
}

/// <summary>One step in a fact's life: recorded, confirmed, or corrected to a new value.</summary>
public sealed class FactRevision
{
    public const string Recorded = "recorded";
    public const string Confirmed = "confirmed";
    public const string Corrected = "corrected";

    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid FactId { get; set; }
    public string Kind { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime At { get; set; }
    public Guid ByPartyId { get; set; }
    public Guid? ByPersonPartyId { get; set; }
    public Fact? Fact { get; set; }
}

/// <summary>How long facts under a key stay fresh in one party's book, set by its admins.</summary>
public sealed class ShelfLifeRule
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid OwnerPartyId { get; set; }

    /// <summary>A full key (<c>budget.total</c>) or a prefix ending in <c>.*</c> (<c>need.*</c>).</summary>
    public string Pattern { get; set; } = "";
    public int Days { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class FactConfiguration : IEntityTypeConfiguration<Fact>
{
    public void Configure(EntityTypeBuilder<Fact> b)
    {
        b.ToTable("Facts");
        b.Property(f => f.Key).HasMaxLength(FactRules.KeyMax);
        b.Property(f => f.Value).HasMaxLength(FactRules.ValueMax);
        b.Property(f => f.Source).HasMaxLength(FactRules.SourceMax);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasIndex(f => new { f.SubjectPartyId, f.Key });
        b.HasIndex(f => new { f.OwnerPartyId, f.ExpiresAt, f.Id });
        b.HasIndex(f => new { f.StaleNotifiedAt, f.ExpiresAt });
    }
}

internal sealed class FactRevisionConfiguration : IEntityTypeConfiguration<FactRevision>
{
    public void Configure(EntityTypeBuilder<FactRevision> b)
    {
        b.ToTable("FactRevisions");
        b.Property(r => r.Kind).HasMaxLength(16);
        b.Property(r => r.Value).HasMaxLength(FactRules.ValueMax);
        b.HasOne(r => r.Fact).WithMany().HasForeignKey(r => r.FactId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.FactId, r.At });
    }
}

internal sealed class ShelfLifeRuleConfiguration : IEntityTypeConfiguration<ShelfLifeRule>
{
    public void Configure(EntityTypeBuilder<ShelfLifeRule> b)
    {
        b.ToTable("ShelfLifeRules");
        b.Property(r => r.Pattern).HasMaxLength(FactRules.KeyMax + 2);
        b.HasIndex(r => new { r.OwnerPartyId, r.Pattern }).IsUnique();
    }
}
