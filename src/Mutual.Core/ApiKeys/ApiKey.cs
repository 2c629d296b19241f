using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.ApiKeys;

/// <summary>
/// A long-lived credential for another system, acting for the organization with the rights of the account
/// that created it, narrowed to its scopes. Only the SHA-256 of the key is stored; the plain key is shown once.
/// </summary>
public sealed class ApiKey
{
    public const string Prefix = "mk_";

    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid OwnerPartyId { get; set; }
    public Guid CreatedByAccountId { get; set; }
    public string Name { get; set; } = "";
    public string KeyHash { get; set; } = "";

    /// <summary>The first characters of the key (after <c>mk_</c>) and its last four, so people can tell keys apart.</summary>
    public string Hint { get; set; } = "";
    public string Last4 { get; set; } = "";
    public List<string> Scopes { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("ApiKeys");
        b.Property(k => k.Name).HasMaxLength(200);
        b.Property(k => k.KeyHash).HasMaxLength(64);
        b.Property(k => k.Hint).HasMaxLength(16);
        b.Property(k => k.Last4).HasMaxLength(4);
        b.HasIndex(k => k.KeyHash).IsUnique();
        b.HasIndex(k => new { k.OwnerPartyId, k.Id });
    }
}
