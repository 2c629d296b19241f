using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Channel;

/// <summary>
/// One of an organization's ordered routing rules. The first enabled rule whose conditions a lead meets
/// decides how it is routed: which certification partners must hold, whether capacity counts, and how
/// long the chosen partner has to accept before the lead moves on.
/// </summary>
public sealed class RoutingRule
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid OwnerPartyId { get; set; }
    public int Position { get; set; }
    public string Name { get; set; } = "";
    public bool Enabled { get; set; } = true;

    /// <summary>Countries or subdivisions the rule applies to; empty means every lead.</summary>
    public List<string> Countries { get; set; } = [];

    /// <summary>Applies only to leads worth at least this much (same currency as the lead's value).</summary>
    public decimal? MinValue { get; set; }

    /// <summary>A certification every candidate must hold, on top of what the lead itself requires.</summary>
    public string? RequiredCertification { get; set; }
    public int AcceptWithinHours { get; set; } = ChannelRules.DefaultAcceptHours;
    public bool RespectCapacity { get; set; } = true;
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; } = 1;
}

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> b)
    {
        b.ToTable("RoutingRules");
        b.Property(r => r.Name).HasMaxLength(ChannelRules.NameMax);
        b.Property(r => r.RequiredCertification).HasMaxLength(ChannelRules.CertificationMax);
        b.Property(r => r.MinValue).HasPrecision(18, 2);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.OwnerPartyId, r.Position });
    }
}
