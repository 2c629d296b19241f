using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Channel;

/// <summary>
/// Moves on every lead whose partner let the deadline pass: the offer is marked timed out and the lead is
/// routed to the next best partner (or queued), in batches, each saved with its events.
/// </summary>
public sealed class LeadDeadlineSweep(IDbContextFactory<MutualDbContext> factory, TimeProvider clock)
{
    public Task<int> RunAsync(CancellationToken ct = default) => Sweep.RunAsync(factory, async db =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Leads.Where(l => l.Status == LeadStatus.Assigned && l.AcceptBy <= now)
            .OrderBy(l => l.AcceptBy).ThenBy(l => l.Id).Take(Sweep.BatchSize).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var ids = due.Select(l => l.Id).ToList();
        var pending = await db.LeadHops.Where(h => ids.Contains(h.LeadId) && h.Outcome == HopOutcome.Pending).ToListAsync(ct);
        var router = new LeadRouter(db, clock);
        var done = 0;
        foreach (var lead in due)
        {
            foreach (var hop in pending.Where(h => h.LeadId == lead.Id))
            {
                hop.Outcome = HopOutcome.TimedOut;
                hop.AnsweredAt = now;
            }
            lead.Version++;
            await router.RouteAsync(lead, ct);
            // Saved lead by lead, so the next lead's routing counts this one against the partner's capacity.
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException)
            {
                // Another node (or the partner, just in time) moved this lead first; leave the rest to the next tick.
                db.ChangeTracker.Clear();
                return done;
            }
            done++;
        }
        return done;
    }, ct);
}
