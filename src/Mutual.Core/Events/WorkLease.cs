using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;

namespace Mutual.Core.Events;

/// <summary>
/// A named lease in the database, so that periodic work runs on one app node at a time: a node holds it while it
/// renews it in time, and another takes it over once it lapses (a node that stopped or hangs).
/// </summary>
public sealed class WorkLease
{
    public string Name { get; set; } = "";
    public Guid Holder { get; set; }
    public DateTime ExpiresAt { get; set; }
}

public sealed class WorkLeases(IDbContextFactory<MutualDbContext> factory, TimeProvider clock)
{
    /// <summary>
    /// Takes or renews the lease for <paramref name="holder"/> until now + <paramref name="duration"/>; false while
    /// another holder's lease runs. One conditional UPDATE decides between nodes; the first ever use inserts the row,
    /// and of two first inserts the primary key lets one win.
    /// </summary>
    public async Task<bool> TryAcquireAsync(string name, Guid holder, TimeSpan duration, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        await using var db = await factory.CreateSystemAsync(ct);
        var taken = await db.WorkLeases.Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), ct);
        if (taken == 1) return true;
        if (await db.WorkLeases.AnyAsync(l => l.Name == name, ct)) return false;
        db.WorkLeases.Add(new WorkLease { Name = name, Holder = holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// <summary>Whether anyone holds the lease now.</summary>
    public async Task<bool> IsHeldAsync(string name, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateSystemAsync(ct);
        return await db.WorkLeases.AnyAsync(l => l.Name == name && l.ExpiresAt > now, ct);
    }

    /// <summary>
    /// Holds the lease for <paramref name="holder"/> until <paramref name="until"/>, whoever held it: how work done once a
    /// period is marked done (a lease to the period's end that nobody renews), by the node holding the work's own lease.
    /// </summary>
    public async Task HoldUntilAsync(string name, Guid holder, DateTime until, CancellationToken ct = default)
    {
        await using var db = await factory.CreateSystemAsync(ct);
        if (await db.WorkLeases.Where(l => l.Name == name)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), ct) == 1) return;
        db.WorkLeases.Add(new WorkLease { Name = name, Holder = holder, ExpiresAt = until });
        await db.SaveChangesAsync(ct);
    }
}

internal sealed class WorkLeaseConfiguration : IEntityTypeConfiguration<WorkLease>
{
    public void Configure(EntityTypeBuilder<WorkLease> b)
    {
        b.ToTable("WorkLeases");
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(64);
    }
}
