using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Intents;

/// <summary>
/// What an individual wants to buy, cast to the vendors whose profile matches it. The owner stays pseudonymous to
/// vendors until they reveal themself or accept an offer (decision record 011).
/// </summary>
public sealed class Intent
{
    public Guid Id { get; set; } = Uuid7.NewId();

    /// <summary>The individual (a person acting for themself). Never leaves in a vendor's view before reveal.</summary>
    public Guid OwnerPartyId { get; set; }
    public string Title { get; set; } = "";
    public string Category { get; set; } = "";
    public string? Description { get; set; }
    public decimal? Budget { get; set; }
    public string? Currency { get; set; }

    /// <summary>An ISO 3166 territory ("ES" or "ES-MD"); null means anywhere (matches vendors of the category everywhere).</summary>
    public string? Location { get; set; }

    /// <summary>The country part of <see cref="Location"/>, kept so matching is two plain comparisons.</summary>
    public string? LocationCountry { get; set; }
    public DateOnly? NeededBy { get; set; }

    /// <summary>Ids from the consent terms roster; the accepted vendor's consent carries them.</summary>
    public List<string> Terms { get; set; } = [];

    /// <summary>The profile scopes the accepted vendor is granted.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>One of <see cref="IntentStatus"/>. Expiry is read against the clock; the expiry sweep stores it afterwards.</summary>
    public string Status { get; set; } = IntentStatus.Open;
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public bool Revealed { get; set; }
    public DateTime? RevealedAt { get; set; }
    public Guid? AcceptedOfferId { get; set; }

    /// <summary>What accepting an offer opened: the conversation with the vendor and the consent it holds.</summary>
    public Guid? ConversationId { get; set; }
    public Guid? ConsentId { get; set; }
    public DateTime? ClosedAt { get; set; }
    public long Version { get; set; } = 1;
}

public static class IntentStatus
{
    public const string Open = "open";
    public const string Accepted = "accepted";
    public const string Withdrawn = "withdrawn";

    /// <summary>Not stored: an open intent past its expiry reads as expired.</summary>
    public const string Expired = "expired";

    public static readonly string[] All = [Open, Accepted, Withdrawn, Expired];
}

internal sealed class IntentConfiguration : IEntityTypeConfiguration<Intent>
{
    public void Configure(EntityTypeBuilder<Intent> b)
    {
        b.ToTable("Intents");
        b.Property(i => i.Title).HasMaxLength(IntentRules.TitleMax);
        b.Property(i => i.Category).HasMaxLength(IntentRules.CategoryMax);
        b.Property(i => i.Description).HasMaxLength(IntentRules.DescriptionMax);
        b.Property(i => i.Budget).HasPrecision(18, 2);
        b.Property(i => i.Currency).HasMaxLength(3);
        b.Property(i => i.Location).HasMaxLength(6);
        b.Property(i => i.LocationCountry).HasMaxLength(2);
        b.Property(i => i.Status).HasMaxLength(16);
        b.Property(i => i.Version).IsConcurrencyToken();
        // The owner's list; a vendor's list (open intents of its categories, newest first).
        b.HasIndex(i => new { i.OwnerPartyId, i.Id });
        b.HasIndex(i => new { i.Status, i.Category, i.Id });
        b.HasIndex(i => new { i.Status, i.ExpiresAt });
    }
}
