using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Parties;

namespace Mutual.Core.Cases;

public sealed record SlaOrganizationDto(Guid PartyId, string Name, int Holdings, int ResponseBreaches, int ResolutionBreaches, double? ResponseMetRate);

public sealed record SlaReportDto(DateTime Since, IReadOnlyList<SlaOrganizationDto> Organizations);

/// <summary>
/// How organizations keep their SLA targets on the cases the actor takes part in. A holding starts with an
/// <c>opened</c> line (the opener holds) or a <c>handoff</c> line (its target holds); a <c>breach</c> line is charged to
/// its author, the holder at that moment. Counted with one grouped query over the timeline entries the access rule
/// lets the actor read, so a case the actor cannot see counts for no one.
/// </summary>
public sealed class CaseSlaReport(MutualDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(90);

    public async Task<SlaReportDto> GetAsync(DateTime? since = null, CancellationToken ct = default)
    {
        var from = since ?? clock.GetUtcNow().UtcDateTime - DefaultWindow;
        var rows = await db.CaseEntries.AsNoTracking()
            .Where(e => e.At >= from && (e.Kind == CaseEntryKind.Opened || e.Kind == CaseEntryKind.Handoff || e.Kind == CaseEntryKind.Breach))
            .Select(e => new { Holder = e.Kind == CaseEntryKind.Handoff ? e.ToPartyId!.Value : e.AuthorPartyId, e.Kind, e.Text })
            .GroupBy(e => e.Holder)
            .Select(g => new
            {
                PartyId = g.Key,
                Holdings = g.Count(e => e.Kind != CaseEntryKind.Breach),
                Response = g.Count(e => e.Kind == CaseEntryKind.Breach && e.Text == "response"),
                Resolution = g.Count(e => e.Kind == CaseEntryKind.Breach && e.Text == "resolution"),
            })
            .ToListAsync(ct);
        var names = await PartyNames.LoadAsync(db, rows.Select(r => r.PartyId), ct);
        // Holders are organizations (a hand-off goes to a member organization, never the customer); the check keeps it so.
        var organizations = rows.Where(r => names.TryGetValue(r.PartyId, out var n) && n.Kind == "organization")
            .Select(r => new SlaOrganizationDto(r.PartyId, names[r.PartyId].Name, r.Holdings, r.Response, r.Resolution,
                // A breach in the window may belong to a holding that began before it, so the rate is kept within 0..1.
                r.Holdings == 0 ? null : Math.Round(Math.Clamp((r.Holdings - r.Response) / (double)r.Holdings, 0, 1), 4)))
            .OrderByDescending(o => o.Holdings).ThenBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.PartyId)
            .ToList();
        return new SlaReportDto(from, organizations);
    }
}
