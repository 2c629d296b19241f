using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Cases;

/// <summary>
/// A file attached to a case, with the timeline entry that announced it. <see cref="ContentType"/> is what the bytes
/// are (detected from their magic numbers), never what the client claimed. Lists project the metadata; only a
/// download reads <see cref="Content"/>.
/// </summary>
public sealed class CaseFile
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid CaseId { get; set; }
    public ServiceCase? Case { get; set; }
    public Guid EntryId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public byte[] Sha256 { get; set; } = [];
    public Guid UploadedByPartyId { get; set; }
    public DateTime At { get; set; }
    public byte[] Content { get; set; } = [];
}

/// <summary>
/// A one-time link for a customer who is not signed in: it lets the holder of the token reply once or confirm
/// the resolution once. Only the token's SHA-256 is stored; <see cref="UsedAt"/> is a concurrency token, so of two
/// concurrent uses only one save succeeds.
/// </summary>
public sealed class CaseLink
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid CaseId { get; set; }
    public ServiceCase? Case { get; set; }
    public byte[] TokenHash { get; set; } = [];
    public Guid IssuedByPartyId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

internal sealed class CaseFileConfiguration : IEntityTypeConfiguration<CaseFile>
{
    public void Configure(EntityTypeBuilder<CaseFile> b)
    {
        b.ToTable("CaseFiles");
        b.Property(f => f.FileName).HasMaxLength(CaseRules.FileNameMax);
        b.Property(f => f.ContentType).HasMaxLength(64);
        b.Property(f => f.Sha256).HasMaxLength(32);
        // The list pages by (At, Id) within a case; the timeline fetches a page's files by entry.
        b.HasIndex(f => new { f.CaseId, f.At, f.Id });
        b.HasIndex(f => f.EntryId);
        b.HasOne(f => f.Case).WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseLinkConfiguration : IEntityTypeConfiguration<CaseLink>
{
    public void Configure(EntityTypeBuilder<CaseLink> b)
    {
        b.ToTable("CaseLinks");
        b.Property(l => l.TokenHash).HasMaxLength(32);
        b.Property(l => l.UsedAt).IsConcurrencyToken();
        b.HasIndex(l => l.TokenHash).IsUnique();
        b.HasIndex(l => l.CaseId);
        b.HasOne(l => l.Case).WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
