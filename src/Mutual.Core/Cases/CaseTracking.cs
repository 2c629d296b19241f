using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Parties;

namespace Mutual.Core.Cases;

/// <summary>
/// The public view behind a tracking code, for anyone who holds the code (no sign-in). This is the one place that
/// reads cases past the access rule: it finds the case by the hash of the code, and reads only its stages and public
/// replies, never notes, hand-off notes, contact details or party ids.
/// </summary>
public sealed class CaseTracking(MutualDbContext db)
{
    public async Task<TrackDto?> FindAsync(string? code, CancellationToken ct = default)
    {
        if (!CaseRules.LooksLikeCode(code)) return null;
        var hash = CaseRules.Hash(code!);
        var c = await db.Cases.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.TrackingCodeHash == hash, ct);
        return c is null ? null : await DescribeAsync(c, ct);
    }

    /// <summary>
    /// The public view of a case the caller found by a secret (tracking code or customer link). Only opened, stage,
    /// hand-off and reply lines are read: never notes, attachments or SLA breach lines.
    /// </summary>
    internal async Task<TrackDto> DescribeAsync(ServiceCase c, CancellationToken ct)
    {
        var entries = await db.CaseEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.CaseId == c.Id && e.PrivateToPartyId == null
                && (e.Kind == CaseEntryKind.Opened || e.Kind == CaseEntryKind.Stage || e.Kind == CaseEntryKind.Handoff || e.Kind == CaseEntryKind.Reply))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            // Only replies' text is public; a hand-off note is for the organizations and is not even read here.
            .Select(e => new { e.Kind, e.Stage, Text = e.Kind == CaseEntryKind.Reply ? e.Text : null, e.AuthorPartyId, e.At })
            .ToListAsync(ct);
        var replies = entries.Where(e => e.Kind == CaseEntryKind.Reply).ToList();
        var orgs = replies.Where(r => r.AuthorPartyId != c.CustomerPartyId).Select(r => r.AuthorPartyId).Append(c.HolderPartyId);
        var names = await PartyNames.LoadAsync(db, orgs, ct);
        var stages = entries.Where(e => e.Stage is not null).Select(e => new TrackStageDto(e.Stage!, e.At)).ToList();
        var status = CaseStage.IsOpen(c.Stage) ? "open" : c.Stage;
        return new TrackDto(c.Title, status, c.Stage, names.Get(c.HolderPartyId).Name, c.CreatedAt, c.ResolveBy, c.ResolvedAt, stages,
            replies.Select(r => new TrackReplyDto(r.AuthorPartyId == c.CustomerPartyId ? "customer" : names.Get(r.AuthorPartyId).Name, r.Text ?? "", r.At)).ToList());
    }
}
