using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Consent;

/// <summary>
/// Settles the grants whose time ran out — live ones and ones whose terms were never answered — and announces each
/// once with <c>consent.expired</c> to grantor and grantee. Data stopped flowing at the expiry already (the access
/// rule compares with the clock); the sweep only stores the status and tells both sides.
/// </summary>
public sealed class ConsentExpirySweep(IDbContextFactory<MutualDbContext> factory, TimeProvider clock)
{
    public Task<int> RunAsync(CancellationToken ct = default) => Sweep.RunAsync(factory, async db =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Consents.Where(c => (c.Status == ConsentStatus.Active || c.Status == ConsentStatus.Proffered) && c.ExpiresAt != null && c.ExpiresAt <= now)
            .OrderBy(c => c.ExpiresAt).ThenBy(c => c.Id).Take(Sweep.BatchSize).ToListAsync(ct);
        var done = 0;
        foreach (var grant in due)
        {
            grant.Status = ConsentStatus.Expired;
            grant.Version++;
            db.Outbox.Add(Consents.Event("consent.expired", grant, now));
            // One by one: a revocation or an answer at this very moment wins; the rest wait for the next tick.
            try
            {
                await db.SaveChangesAsync(ct);
                done++;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return done;
            }
        }
        return done;
    }, ct);
}
