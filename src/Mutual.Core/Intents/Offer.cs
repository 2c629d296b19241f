using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Intents;

/// <summary>A vendor's answer to an intent. Seen by its vendor and by the intent's owner, never by another vendor.</summary>
public sealed class Offer
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid IntentId { get; set; }

    /// <summary>Copied from the intent so the access filter needs no join (a filter through the intent would recurse).</summary>
    public Guid IntentOwnerPartyId { get; set; }
    public Guid VendorPartyId { get; set; }
    public string Summary { get; set; } = "";
    public decimal? Price { get; set; }
    public string? Currency { get; set; }
    public string Status { get; set; } = OfferStatus.Pending;
    public DateTime CreatedAt { get; set; }

    /// <summary>The person who made it for the vendor, and their account: who agreed to the intent's terms.</summary>
    public Guid MadeByPersonPartyId { get; set; }
    public Guid? MadeByAccountId { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DeclineReason { get; set; }
    public long Version { get; set; } = 1;
}

public static class OfferStatus
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string Withdrawn = "withdrawn";
}

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> b)
    {
        b.ToTable("Offers");
        b.Property(o => o.Summary).HasMaxLength(IntentRules.SummaryMax);
        b.Property(o => o.Price).HasPrecision(18, 2);
        b.Property(o => o.Currency).HasMaxLength(3);
        b.Property(o => o.Status).HasMaxLength(16);
        b.Property(o => o.DeclineReason).HasMaxLength(IntentRules.ReasonMax);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasOne<Intent>().WithMany().HasForeignKey(o => o.IntentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(o => new { o.IntentId, o.Id });
        b.HasIndex(o => new { o.VendorPartyId, o.IntentId });
        // One pending offer per vendor per intent, even when two of its people offer at the same moment.
        b.HasIndex(o => new { o.IntentId, o.VendorPartyId }).IsUnique().HasFilter("\"Status\" = 'pending'").HasDatabaseName("IX_Offers_OnePendingPerVendor");
    }
}
