using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Consent;

/// <summary>
/// One read of an individual's shared profile by an organization, written in the same transaction as the read:
/// which organization, which of its people (or API key's account), which scopes, under which consents, when.
/// Only the individual sees these rows; they are never edited or deleted.
/// </summary>
public sealed class AccessLogEntry
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid SubjectPartyId { get; set; }
    public Guid ReaderPartyId { get; set; }
    public Guid ReaderPersonPartyId { get; set; }
    public Guid ReaderAccountId { get; set; }
    public List<string> Scopes { get; set; } = [];
    public List<Guid> ConsentIds { get; set; } = [];
    public DateTime At { get; set; }
}

internal sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> b)
    {
        b.ToTable("AccessLog");
        b.HasIndex(e => new { e.SubjectPartyId, e.At, e.Id });
    }
}
