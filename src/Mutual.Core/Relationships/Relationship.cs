using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;
using Mutual.Core.Parties;

namespace Mutual.Core.Relationships;

/// <summary>
/// A typed, dated edge of the network: "From {kind} To" (Ana works-for Globex). It is in the book of
/// the party that recorded it and is always visible to both ends. Ending one sets <see cref="Until"/>;
/// the row stays, so history is kept.
/// </summary>
public sealed class Relationship
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid FromPartyId { get; set; }
    public Guid ToPartyId { get; set; }
    public string Kind { get; set; } = "";
    public DateTime Since { get; set; }
    public DateTime? Until { get; set; }
    public Guid OwnerPartyId { get; set; }
    public DateTime CreatedAt { get; set; }
    public long Version { get; set; } = 1;

    public Party? FromParty { get; set; }
    public Party? ToParty { get; set; }

    public bool IsActiveAt(DateTime now) => Since <= now && (Until is null || Until > now);
}

/// <summary>
/// A dated change of a relationship, for timelines. It repeats the relationship's two ends so a party's newest events
/// are one index range per end: through the relationships, a hub's timeline sorted the events of all its
/// relationships (hundreds of thousands) for one page.
/// </summary>
public sealed class RelationshipEvent
{
    public const string Started = "relationship.started";
    public const string Ended = "relationship.ended";

    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid RelationshipId { get; set; }
    public Guid FromPartyId { get; set; }
    public Guid ToPartyId { get; set; }
    public string Type { get; set; } = "";
    public DateTime OccurredAt { get; set; }
    public Relationship? Relationship { get; set; }

    public static RelationshipEvent Of(Relationship r, string type, DateTime occurredAt) => new()
    {
        RelationshipId = r.Id, FromPartyId = r.FromPartyId, ToPartyId = r.ToPartyId, Type = type, OccurredAt = occurredAt,
    };
}

internal sealed class RelationshipConfiguration : IEntityTypeConfiguration<Relationship>
{
    public void Configure(EntityTypeBuilder<Relationship> b)
    {
        b.ToTable("Relationships");
        b.Property(r => r.Kind).HasMaxLength(32);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne(r => r.FromParty).WithMany().HasForeignKey(r => r.FromPartyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.ToParty).WithMany().HasForeignKey(r => r.ToPartyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.FromPartyId, r.Kind });
        b.HasIndex(r => new { r.ToPartyId, r.Kind });
        // A party's relationships list reads one Id-ordered range per end (RelationshipQueries.ForPartyAsync).
        b.HasIndex(r => new { r.FromPartyId, r.Id });
        b.HasIndex(r => new { r.ToPartyId, r.Id });
        b.HasIndex(r => new { r.OwnerPartyId, r.Kind });
    }
}

internal sealed class RelationshipEventConfiguration : IEntityTypeConfiguration<RelationshipEvent>
{
    public void Configure(EntityTypeBuilder<RelationshipEvent> b)
    {
        b.ToTable("RelationshipEvents");
        b.Property(e => e.Type).HasMaxLength(32);
        b.HasOne(e => e.Relationship).WithMany().HasForeignKey(e => e.RelationshipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.RelationshipId, e.OccurredAt });
        b.HasIndex(e => new { e.FromPartyId, e.OccurredAt, e.Id });
        b.HasIndex(e => new { e.ToPartyId, e.OccurredAt, e.Id });
    }
}
