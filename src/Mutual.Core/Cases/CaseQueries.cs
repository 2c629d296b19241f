using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Parties;

namespace Mutual.Core.Cases;

public sealed class CaseQueries(MutualDbContext db)
{
    public const string ViewHolding = "holding";
    public const string ViewCustomer = "customer";

    public async Task<Outcome<CaseDto>> GetAsync(Guid id, string? trackingCode = null, CancellationToken ct = default)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Outcome<CaseDto>.NotFound("No such case.");
        var names = await PartyNames.LoadAsync(db, [c.CustomerPartyId, c.HolderPartyId], ct);
        return Outcome<CaseDto>.Ok(Describe(c, names, trackingCode));
    }

    /// <summary>
    /// Cases newest first (UUIDv7 ids are time-ordered, so the id is the sort key): every case the actor takes part
    /// in; view=holding for those it holds now, view=customer for those where it (or the person behind the account)
    /// is the customer, across all vendors; optionally by stage (or 'open'), priority, and whether an SLA target was missed.
    /// </summary>
    public async Task<Outcome<Page<CaseDto>>> ListAsync(CaseListQuery query, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, query.Limit, query.Cursor, "g");
        var (view, stage, priority) = (query.View, query.Stage, query.Priority);
        if (view is not (null or ViewHolding or ViewCustomer)) v.Add("view", "'view' must be 'holding' or 'customer'.");
        if (stage is not null && stage != "open" && !CaseStage.All.Contains(stage)) v.Add("stage", $"'stage' must be 'open' or one of: {string.Join(", ", CaseStage.All)}.");
        if (priority is not null && !CasePriority.All.Contains(priority)) v.Add("priority", $"'priority' must be one of: {string.Join(", ", CasePriority.All)}.");
        if (!v.IsValid) return v.Fail<Page<CaseDto>>();
        var q = db.Cases.AsNoTracking();
        if (view == ViewHolding) q = q.Where(c => c.HolderPartyId == db.ActingPartyId);
        else if (view == ViewCustomer) q = q.Where(c => c.CustomerPartyId == db.ActorPartyId || c.CustomerPartyId == db.ActorPersonId);
        if (stage == "open") q = q.Where(c => c.Stage != CaseStage.Resolved && c.Stage != CaseStage.Closed);
        else if (stage is not null) q = q.Where(c => c.Stage == stage);
        if (priority is not null) q = q.Where(c => c.Priority == priority);
        if (query.Breached == true) q = q.Where(c => c.ResponseBreachedAt != null || c.ResolutionBreachedAt != null);
        else if (query.Breached == false) q = q.Where(c => c.ResponseBreachedAt == null && c.ResolutionBreachedAt == null);
        if (page.AfterGuid(0) is { } after) q = q.Where(c => c.Id.CompareTo(after) < 0);
        var rows = await q.OrderByDescending(c => c.Id).Take(page.Limit + 1).ToListAsync(ct);
        var cut = page.ToPage(rows, c => PageRequest.Encode(c.Id.ToString()));
        var names = await PartyNames.LoadAsync(db, cut.Items.SelectMany(c => new[] { c.CustomerPartyId, c.HolderPartyId }), ct);
        return Outcome<Page<CaseDto>>.Ok(new Page<CaseDto>(cut.Items.Select(c => Describe(c, names, null)).ToList(), cut.NextCursor));
    }

    /// <summary>The timeline oldest first (the API), or newest first (the case page, whose next page is older). The filter
    /// already drops other organizations' notes; the customer also does not read the note that goes with a hand-off (it is
    /// between the organizations).</summary>
    public async Task<Outcome<Page<CaseEntryDto>>> TimelineAsync(Guid id, int? limit, string? cursor, bool newestFirst = false, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "tg");
        var c = await db.Cases.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.CustomerPartyId }).FirstOrDefaultAsync(ct);
        if (c is null) return Outcome<Page<CaseEntryDto>>.NotFound("No such case.");
        if (!v.IsValid) return v.Fail<Page<CaseEntryDto>>();
        var q = db.CaseEntries.AsNoTracking().Where(e => e.CaseId == id);
        if (page.AfterTime(0) is { } at && page.AfterGuid(1) is { } after)
            q = newestFirst ? q.Where(e => e.At < at || (e.At == at && e.Id.CompareTo(after) < 0)) : q.Where(e => e.At > at || (e.At == at && e.Id.CompareTo(after) > 0));
        var ordered = newestFirst ? q.OrderByDescending(e => e.At).ThenByDescending(e => e.Id) : q.OrderBy(e => e.At).ThenBy(e => e.Id);
        var rows = await ordered.Take(page.Limit + 1).ToListAsync(ct);
        var cut = page.ToPage(rows, e => PageRequest.Encode(PageRequest.Ticks(e.At), e.Id.ToString()));
        var names = await PartyNames.LoadAsync(db, cut.Items.Select(e => e.AuthorPartyId), ct);
        // The page's attachment lines get their files in one query.
        var fileEntries = cut.Items.Where(e => e.Kind == CaseEntryKind.Attachment).Select(e => e.Id).ToList();
        var files = fileEntries.Count == 0 ? [] : await CaseFileMeta(db.CaseFiles.Where(f => f.CaseId == id && fileEntries.Contains(f.EntryId)))
            .ToDictionaryAsync(f => f.EntryId, ct);
        var customer = db.Actor.Is(c.CustomerPartyId);
        return Outcome<Page<CaseEntryDto>>.Ok(new Page<CaseEntryDto>(
            cut.Items.Select(e => Describe(e, names, customer, files.GetValueOrDefault(e.Id))).ToList(), cut.NextCursor));
    }

    /// <summary>
    /// The organizations that hold or held a visible case, by name: who can read it besides the customer. Reading the
    /// participants of a case the actor sees is in bounds, past their own-rows filter, as in <see cref="Cases"/>.
    /// </summary>
    public async Task<IReadOnlyList<PartyRef>> OrganizationsAsync(Guid id, CancellationToken ct = default)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == id, ct)) return [];
        var ids = await db.CaseParticipants.IgnoreQueryFilters([AccessRules.OwnCaseParticipantRows])
            .Where(p => p.CaseId == id && p.Role == CaseRoles.Organization).OrderBy(p => p.JoinedAt).Select(p => p.PartyId).ToListAsync(ct);
        var names = await PartyNames.LoadAsync(db, ids, ct);
        return ids.Select(names.Get).ToList();
    }

    /// <summary>The metadata of files, projected in SQL so that their bytes are never read.</summary>
    internal static IQueryable<CaseFileDto> CaseFileMeta(IQueryable<CaseFile> files) =>
        files.Select(f => new CaseFileDto(f.Id, f.CaseId, f.EntryId, f.FileName, f.ContentType, f.Size, Convert.ToHexStringLower(f.Sha256), f.UploadedByPartyId, f.At));

    internal static CaseFileDto CaseFileMeta(CaseFile f) =>
        new(f.Id, f.CaseId, f.EntryId, f.FileName, f.ContentType, f.Size, Convert.ToHexStringLower(f.Sha256), f.UploadedByPartyId, f.At);

    internal static CaseEntryDto Describe(CaseEntry e, Dictionary<Guid, PartyRef> names, bool customer, CaseFileDto? file = null) =>
        new(e.Id, e.Kind, e.AuthorPartyId, names.Get(e.AuthorPartyId), e.Stage, e.FromPartyId, e.ToPartyId,
            customer && e.Kind == CaseEntryKind.Handoff ? null : e.Text, e.PrivateToPartyId is not null, e.At, file);

    internal static CaseDto Describe(ServiceCase c, Dictionary<Guid, PartyRef> names, string? trackingCode) =>
        new(c.Id, c.Title, c.Description, c.Reference, c.Priority, c.Stage, c.CustomerPartyId, names.Get(c.CustomerPartyId),
            c.HolderPartyId, names.Get(c.HolderPartyId), c.OpenedByPartyId, c.VendorPartyId, c.RespondBy, c.ResolveBy,
            c.ResponseBreachedAt is not null, c.ResolutionBreachedAt is not null, c.CreatedAt, c.UpdatedAt, c.ResolvedAt, c.Version, trackingCode);
}
