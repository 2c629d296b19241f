using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Cases;

/// <summary>
/// Flags open cases whose holder missed its response target, or whose resolution target passed, and announces each
/// breach once as <c>case.sla_breached</c> to the case's participants, with a <c>breach</c> line on the timeline whose
/// author is the holder at that moment (what the SLA report counts). The flag set in the same save is what makes it once.
/// </summary>
public sealed class CaseSlaSweep(IDbContextFactory<MutualDbContext> factory, TimeProvider clock)
{
    public Task<int> RunAsync(CancellationToken ct = default) => Sweep.RunAsync(factory, async db =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var response = await db.Cases.Where(c => c.RespondBy <= now && c.ResponseBreachedAt == null
                && c.Stage != CaseStage.Resolved && c.Stage != CaseStage.Closed)
            .OrderBy(c => c.RespondBy).ThenBy(c => c.Id).Take(Sweep.BatchSize).ToListAsync(ct);
        var resolution = await db.Cases.Where(c => c.ResolveBy <= now && c.ResolutionBreachedAt == null
                && c.Stage != CaseStage.Resolved && c.Stage != CaseStage.Closed)
            .OrderBy(c => c.ResolveBy).ThenBy(c => c.Id).Take(Sweep.BatchSize).ToListAsync(ct);
        if (response.Count + resolution.Count == 0) return 0;
        var ids = response.Concat(resolution).Select(c => c.Id).Distinct().ToList();
        var audience = (await db.CaseParticipants.Where(p => ids.Contains(p.CaseId)).Select(p => new { p.CaseId, p.PartyId }).ToListAsync(ct))
            .ToLookup(p => p.CaseId, p => p.PartyId);
        foreach (var c in response)
        {
            c.ResponseBreachedAt = now;
            Announce(db, c, "response", c.RespondBy!.Value, now, audience[c.Id]);
        }
        foreach (var c in resolution)
        {
            c.ResolutionBreachedAt = now;
            Announce(db, c, "resolution", c.ResolveBy, now, audience[c.Id]);
        }
        // The version moves with the flags, so a second node sweeping the same cases at once fails its save instead of
        // announcing the breach twice (and readers' ETags change with the flag).
        foreach (var c in response.Concat(resolution).Distinct()) c.Version++;
        return response.Count + resolution.Count;
    }, ct);

    private static void Announce(MutualDbContext db, ServiceCase c, string target, DateTime due, DateTime now, IEnumerable<Guid> audience)
    {
        CaseSteps.Entry(db, c, CaseEntryKind.Breach, now, c.HolderPartyId, null, text: target);
        db.Outbox.Add(OutboxMessage.Create("case.sla_breached", now,
            new { caseId = c.Id, target, due, priority = c.Priority, stage = c.Stage, holderPartyId = c.HolderPartyId }, audience));
    }
}
