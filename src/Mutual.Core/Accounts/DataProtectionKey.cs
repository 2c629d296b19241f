using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Accounts;

/// <summary>
/// One key of the web host's data-protection key ring (an XML element as ASP.NET Core writes it). Sign-in cookies and
/// antiforgery tokens are protected with these keys, so every app node reads the same ring from the database: a
/// cookie issued by one node is good on another and survives a restart. Only the system reads them.
/// </summary>
public sealed class DataProtectionKey
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("DataProtectionKeys");
        b.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}
