using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Matching;

/// <summary>
/// A person's answers to the <see cref="Questionnaire"/>, one row per person party (an individual, or a rep acting
/// for an organization). Only that person reads the row; matching reads it as the system and lets out nothing but
/// the items two people share (<see cref="Similarity"/>). The answers are a JSON object of question id to option
/// ids: read whole, never queried by field.
/// </summary>
public sealed class StatedValues
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid PersonPartyId { get; set; }

    /// <summary>JSON object: question id → array of option ids (ranked ones in order).</summary>
    public string Answers { get; set; } = "{}";

    /// <summary>False when the person opted out: their answers stay theirs and are never compared.</summary>
    public bool UseForMatching { get; set; } = true;
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; } = 1;
}

internal sealed class StatedValuesConfiguration : IEntityTypeConfiguration<StatedValues>
{
    public void Configure(EntityTypeBuilder<StatedValues> b)
    {
        b.ToTable("StatedValues");
        b.Property(v => v.Answers).HasMaxLength(ValueRules.AnswersJsonMax);
        b.Property(v => v.Version).IsConcurrencyToken();
        b.HasIndex(v => v.PersonPartyId).IsUnique();
    }
}

/// <summary>
/// An organization's contact person for a buyer: one row per (organization, buyer), the organization's own record.
/// The rep is one of its people (<see cref="Reps"/>).
/// </summary>
public sealed class ContactAssignment
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid OrganizationPartyId { get; set; }
    public Guid BuyerPartyId { get; set; }
    public Guid RepPartyId { get; set; }
    public Guid AssignedByPersonPartyId { get; set; }
    public DateTime AssignedAt { get; set; }
    public long Version { get; set; } = 1;
}

internal sealed class ContactAssignmentConfiguration : IEntityTypeConfiguration<ContactAssignment>
{
    public void Configure(EntityTypeBuilder<ContactAssignment> b)
    {
        b.ToTable("ContactAssignments");
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.OrganizationPartyId, a.BuyerPartyId }).IsUnique();
    }
}
