using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Idempotency;

/// <summary>The first response to a creating POST, replayed when the same account repeats its Idempotency-Key.</summary>
public sealed class IdempotencyRecord
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid AccountId { get; set; }
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public int StatusCode { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public string ResponseBody { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("IdempotencyRecords");
        b.Property(r => r.Key).HasMaxLength(200);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.HasIndex(r => new { r.AccountId, r.Key }).IsUnique();
        b.HasIndex(r => r.CreatedAt);
    }
}
