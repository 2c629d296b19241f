using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Parties;

namespace Mutual.Core.Channel;

public sealed record LeadHopDto(Guid PartnerPartyId, PartyRef Partner, DateTime AssignedAt, DateTime AcceptBy, string Outcome,
    DateTime? AnsweredAt, string Reason, string? DeclineReason);

public sealed record LeadStatusDto(string Status, decimal? Value, DateTime At, Guid? PartnerPartyId);

/// <summary>A lead as its owner or its partner sees it. Hops and history come with a single lead, not with lists.</summary>
public sealed record LeadDto(Guid Id, Guid OwnerPartyId, PartyRef Owner, string Title, string ContactName, string Country, string? Region,
    string? RequiredCertification, decimal? Value, string Source, string Status, Guid? AssignedPartnerPartyId, PartyRef? AssignedPartner,
    DateTime? AssignedAt, DateTime? AcceptBy, DateTime? AcceptedAt, string RoutingReason, decimal? WonValue,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? ClosedAt, long Version,
    IReadOnlyList<LeadHopDto>? Hops, IReadOnlyList<LeadStatusDto>? History);

/// <summary>The leads one request created (<c>POST /leads/batch</c>), in the order they were sent.</summary>
public sealed record LeadBatchDto(IReadOnlyList<LeadDto> Items);

public sealed record PipelineRow(Guid PartnerPartyId, PartyRef Partner, IReadOnlyDictionary<string, int> Counts, decimal OpenValue, decimal WonValue);

public sealed record PipelineDto(IReadOnlyList<PipelineRow> Partners, int Unassigned, decimal UnassignedValue);

public sealed class LeadQueries(MutualDbContext db)
{
    public const string ViewInbox = "inbox";
    public const string ViewBook = "book";

    public async Task<Outcome<LeadDto>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var lead = await db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null) return Outcome<LeadDto>.NotFound("No such lead.");
        var hops = await db.LeadHops.AsNoTracking().Where(h => h.LeadId == id).OrderBy(h => h.AssignedAt).ThenBy(h => h.Id).ToListAsync(ct);
        var history = await db.LeadStatusChanges.AsNoTracking().Where(s => s.LeadId == id).OrderBy(s => s.At).ThenBy(s => s.Id)
            .Select(s => new LeadStatusDto(s.Status, s.Value, s.At, s.PartnerPartyId)).ToListAsync(ct);
        var names = await PartyNames.LoadAsync(db, Involved([lead]).Concat(hops.Select(h => h.PartnerPartyId)), ct);
        return Outcome<LeadDto>.Ok(Describe(lead, names, hops.Select(h => Hop(h, names)).ToList(), history));
    }

    /// <summary>
    /// Leads their owner has just created and saved, described from memory as <see cref="GetAsync"/> would read them
    /// back: the owner sees every offer, and a new lead has no history yet. Only the parties' names are read, once.
    /// </summary>
    public async Task<IReadOnlyList<LeadDto>> DescribeCreatedAsync(IReadOnlyList<Lead> leads, CancellationToken ct = default)
    {
        var names = await PartyNames.LoadAsync(db, Involved(leads).Concat(leads.SelectMany(l => l.Hops).Select(h => h.PartnerPartyId)), ct);
        return leads.Select(lead => Describe(lead, names,
            lead.Hops.OrderBy(h => h.AssignedAt).ThenBy(h => h.Id).Select(h => Hop(h, names)).ToList(), [])).ToList();
    }

    /// <summary>
    /// Leads newest first: everything the actor sees, or only its inbox (routed to it as partner) or its book
    /// (its own leads as owner), optionally by status and by partner.
    /// </summary>
    public async Task<Outcome<Page<LeadDto>>> ListAsync(string? view, string? status, Guid? partnerPartyId, int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "tg");
        if (view is not (null or ViewInbox or ViewBook)) v.Add("view", "'view' must be 'inbox' or 'book'.");
        if (status is not null && !LeadStatus.All.Contains(status) && status != "open") v.Add("status", $"'status' must be 'open' or one of: {string.Join(", ", LeadStatus.All)}.");
        if (!v.IsValid) return v.Fail<Page<LeadDto>>();
        var me = db.ActingPartyId;
        var q = db.Leads.AsNoTracking();
        if (status == "open") q = q.Where(l => LeadStatus.Open.Contains(l.Status));
        else if (status is not null) q = q.Where(l => l.Status == status);
        if (partnerPartyId is { } p) q = q.Where(l => l.AssignedPartnerPartyId == p);
        if (page.AfterTime(0) is { } at && page.AfterGuid(1) is { } after)
            q = q.Where(l => l.CreatedAt < at || (l.CreatedAt == at && l.Id.CompareTo(after) < 0));
        // Each side is one newest-first range of an (Owner… / AssignedPartner…, CreatedAt, Id) index; the access filter's
        // OR alone would make the store read and sort every lead it can see. The sides are disjoint (owner first).
        var book = view == ViewInbox ? [] : await Newest(q.Where(l => l.OwnerPartyId == me), page.Limit + 1, ct);
        var inbox = view == ViewBook ? [] : await Newest(view == ViewInbox ? q.Where(l => l.AssignedPartnerPartyId == me)
            : q.Where(l => l.AssignedPartnerPartyId == me && l.OwnerPartyId != me), page.Limit + 1, ct);
        var rows = book.Concat(inbox).OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id).Take(page.Limit + 1).ToList();
        var cut = page.ToPage(rows, l => PageRequest.Encode(PageRequest.Ticks(l.CreatedAt), l.Id.ToString()));
        var names = await PartyNames.LoadAsync(db, Involved(cut.Items), ct);
        return Outcome<Page<LeadDto>>.Ok(new Page<LeadDto>(cut.Items.Select(l => Describe(l, names, null, null)).ToList(), cut.NextCursor));
    }

    /// <summary>The owner's pipeline across partners: leads by status and their value, read from the kept totals.</summary>
    public async Task<PipelineDto> PipelineAsync(CancellationToken ct = default)
    {
        var me = db.ActingPartyId;
        var groups = await db.PipelineTotals.AsNoTracking().Where(t => t.OwnerPartyId == me && t.Leads != 0).ToListAsync(ct);
        var partners = groups.Where(g => g.PartnerPartyId != PipelineTotal.Queue).Select(g => g.PartnerPartyId).Distinct().ToList();
        var names = await PartyNames.LoadAsync(db, partners, ct);
        var rows = partners.Select(p =>
        {
            var mine = groups.Where(g => g.PartnerPartyId == p).ToList();
            return new PipelineRow(p, names.Get(p), mine.ToDictionary(g => g.Status, g => g.Leads),
                Money(mine.Where(g => LeadStatus.Open.Contains(g.Status)).Sum(g => g.ValueCents)), Money(mine.Sum(g => g.WonCents)));
        }).OrderBy(r => r.Partner.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.PartnerPartyId).ToList();
        var queue = groups.Where(g => g.PartnerPartyId == PipelineTotal.Queue).ToList();
        return new PipelineDto(rows, queue.Sum(g => g.Leads), Money(queue.Sum(g => g.ValueCents)));
    }

    private static decimal Money(long cents) => cents / 100m;

    private static Task<List<Lead>> Newest(IQueryable<Lead> q, int take, CancellationToken ct) =>
        q.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id).Take(take).ToListAsync(ct);

    private static IEnumerable<Guid> Involved(IEnumerable<Lead> leads) =>
        leads.SelectMany(l => l.AssignedPartnerPartyId is { } p ? new[] { l.OwnerPartyId, p } : [l.OwnerPartyId]);

    private static LeadHopDto Hop(LeadHop h, Dictionary<Guid, PartyRef> names) =>
        new(h.PartnerPartyId, names.Get(h.PartnerPartyId), h.AssignedAt, h.AcceptBy, h.Outcome, h.AnsweredAt, h.Reason, h.DeclineReason);

    private static LeadDto Describe(Lead l, Dictionary<Guid, PartyRef> names, IReadOnlyList<LeadHopDto>? hops, IReadOnlyList<LeadStatusDto>? history) =>
        new(l.Id, l.OwnerPartyId, names.Get(l.OwnerPartyId), l.Title, l.ContactName, l.Country, l.Region, l.RequiredCertification, l.Value,
            l.Source, l.Status, l.AssignedPartnerPartyId, l.AssignedPartnerPartyId is { } p ? names.Get(p) : null,
            l.AssignedAt, l.AcceptBy, l.AcceptedAt, l.RoutingReason, l.WonValue, l.CreatedAt, l.UpdatedAt, l.ClosedAt, l.Version, hops, history);
}
