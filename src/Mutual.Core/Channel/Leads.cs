using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;
using Mutual.Core.Parties;

namespace Mutual.Core.Channel;

public sealed record CreateLeadRequest(string? Title, string? ContactName, string? Country, string? Region, string? RequiredCertification, decimal? Value);

/// <summary>What happens to a lead: it is created and routed at once, accepted or declined by its partner, and progressed to a close.</summary>
public sealed class Leads(MutualDbContext db, LeadRouter router, LeadQueries queries, TimeProvider clock)
{
    private DateTime Now => clock.StoredNow();

    /// <summary>Whom the leads are created for: the owner of every lead <see cref="New"/> makes.</summary>
    public Actor Actor => db.Actor;

    public async Task<Outcome<LeadDto>> CreateAsync(CreateLeadRequest r, string source, CancellationToken ct = default)
    {
        var lead = New(r, source);
        if (!lead.IsOk) return lead.As<LeadDto>();
        await SaveAllAsync([lead.Value!], ct);
        return Outcome<LeadDto>.Ok((await queries.DescribeCreatedAsync([lead.Value!], ct))[0]);
    }

    /// <summary>A valid new lead of the acting party, not yet routed or saved, or the fields that are wrong.</summary>
    public Outcome<Lead> New(CreateLeadRequest r, string source)
    {
        var v = new Validation();
        v.Require("title", r.Title, ChannelRules.TitleMax);
        v.Require("contactName", r.ContactName, ChannelRules.NameMax);
        var country = r.Country is null ? null : ChannelRules.Normalize(r.Country);
        var region = r.Region is null ? null : ChannelRules.Normalize(r.Region);
        if (region is not null && country is not null && region.StartsWith(country + "-", StringComparison.Ordinal)) region = region[(country.Length + 1)..];
        if (!ChannelRules.IsCountry(country)) v.Add("country", "'country' is an ISO 3166-1 alpha-2 code such as \"DE\".");
        if (region is not null && !ChannelRules.IsRegion(region)) v.Add("region", "'region' is an ISO 3166-2 subdivision code such as \"CA\" (or \"US-CA\").");
        var cert = string.IsNullOrWhiteSpace(r.RequiredCertification) ? null : r.RequiredCertification.Trim().ToLowerInvariant();
        if (cert is not null && !ChannelRules.IsCertification(cert)) v.Add("requiredCertification", "A certification name is lowercase letters, digits, dots and dashes.");
        if (r.Value is < 0 or > 1_000_000_000_000m) v.Add("value", "'value' must be between 0 and 10^12.");
        if (!v.IsValid) return v.Fail<Lead>();

        var now = Now;
        return Outcome<Lead>.Ok(new Lead
        {
            OwnerPartyId = db.ActingPartyId, Title = r.Title!.Trim(), ContactName = r.ContactName!.Trim(), Country = country!, Region = region,
            RequiredCertification = cert, Value = r.Value is { } value ? Math.Round(value, 2) : null, Source = source, CreatedAt = now, UpdatedAt = now,
        });
    }

    /// <summary>
    /// Routes new leads of the acting party one after another, each as if the ones before it were saved (a
    /// <see cref="RoutingBatch"/>), and saves them in one transaction: <see cref="LeadIntake"/> gathers the leads
    /// that arrive together, so a busy owner's leads share the reads and the commit.
    /// </summary>
    public async Task SaveAllAsync(IReadOnlyList<Lead> leads, CancellationToken ct = default)
    {
        await RouteAllAsync(leads, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary><see cref="SaveAllAsync"/> up to the save: the leads are added and routed, for the caller to save.</summary>
    public async Task RouteAllAsync(IReadOnlyList<Lead> leads, CancellationToken ct = default)
    {
        if (leads.Any(l => l.OwnerPartyId != db.ActingPartyId)) throw new InvalidOperationException("A batch holds the acting party's own leads.");
        var batch = leads.Count > 1 ? new RoutingBatch() : null;
        foreach (var lead in leads)
        {
            db.Leads.Add(lead);
            await router.RouteAsync(lead, ct, batch);
        }
    }

    /// <summary>The assigned partner takes the lead on, before its deadline.</summary>
    public async Task<Outcome<LeadDto>> AcceptAsync(Guid id, CancellationToken ct = default)
    {
        var (lead, hop, problem) = await PendingOfferAsync(id, ct);
        if (problem is not null) return problem;
        var now = Now;
        hop!.Outcome = HopOutcome.Accepted;
        hop.AnsweredAt = now;
        hop.AcceptSeconds = (int)Math.Min(int.MaxValue, (now - hop.AssignedAt).TotalSeconds);
        lead!.AcceptedAt = now;
        Move(lead, LeadStatus.Accepted, null, now);
        return await SaveAsync(lead, ct);
    }

    /// <summary>The assigned partner turns the lead down; it goes to the next best partner at once.</summary>
    public async Task<Outcome<bool>> DeclineAsync(Guid id, string? reason, CancellationToken ct = default)
    {
        if (reason is { Length: > ChannelRules.ReasonMax }) return Outcome<bool>.Invalid("reason", $"'reason' must be at most {ChannelRules.ReasonMax} characters.");
        var (lead, hop, problem) = await PendingOfferAsync(id, ct);
        if (problem is not null) return problem.As<bool>();
        hop!.Outcome = HopOutcome.Declined;
        hop.AnsweredAt = Now;
        hop.DeclineReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        lead!.Version++;
        await router.RouteAsync(lead, ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Outcome<bool>.Stale(); }
        // The decliner no longer holds the lead, so there is nothing of it left to show.
        return Outcome<bool>.Ok(true);
    }

    /// <summary>The holding partner reports progress: contacted, qualified, won (with the value) or lost.</summary>
    /// <remarks><paramref name="valueIsNumber"/> is false when the client sent a value that is not a number: reported after the lookup, so an invisible lead stays a 404.</remarks>
    public async Task<Outcome<LeadDto>> ProgressAsync(Guid id, string? status, decimal? value, long? expectedVersion, bool valueIsNumber = true, CancellationToken ct = default)
    {
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null) return Outcome<LeadDto>.NotFound("No such lead.");
        if (status is null || !LeadStatus.Progress.Contains(status))
            return Outcome<LeadDto>.Invalid("status", $"'status' must be one of: {string.Join(", ", LeadStatus.Progress)}.");
        if (!valueIsNumber || value is < 0 or > 1_000_000_000_000m) return Outcome<LeadDto>.Invalid("value", "'value' must be a number between 0 and 10^12.");
        if (expectedVersion is { } ev && ev != lead.Version) return Outcome<LeadDto>.Stale();
        if (lead.AssignedPartnerPartyId != db.ActingPartyId) return Outcome<LeadDto>.Unprocessable("Only the partner holding the lead reports its progress.");
        if (!LeadStatus.CanMove(lead.Status, status))
            return Outcome<LeadDto>.Unprocessable(lead.Status == LeadStatus.Assigned ? "Accept the lead before reporting progress."
                : $"A lead that is {lead.Status} cannot move to {status}.");
        Move(lead, status, status == LeadStatus.Won ? value ?? lead.Value : value, Now);
        return await SaveAsync(lead, ct);
    }

    /// <summary>The owner offers a lead to a partner of its choice (from the queue, or taking it from a silent partner).</summary>
    public async Task<Outcome<LeadDto>> AssignAsync(Guid id, Guid? partnerPartyId, CancellationToken ct = default)
    {
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id && l.OwnerPartyId == db.ActingPartyId, ct);
        if (lead is null) return Outcome<LeadDto>.NotFound("No such lead.");
        if (partnerPartyId is null) return Outcome<LeadDto>.Invalid("partnerPartyId", "'partnerPartyId' is required.");
        if (lead.Status is not (LeadStatus.Unassigned or LeadStatus.Assigned))
            return Outcome<LeadDto>.Unprocessable("Only a lead that no partner has accepted yet can be assigned.");
        var profile = await db.PartnerProfiles.FirstOrDefaultAsync(p => p.PartnerPartyId == partnerPartyId, ct);
        if (profile is null) return Outcome<LeadDto>.Invalid("partnerPartyId", "That party has no partner profile with you.");
        if (lead.AssignedPartnerPartyId == partnerPartyId) return Outcome<LeadDto>.Unprocessable("The lead is already with that partner.");
        var now = Now;
        var pending = await db.LeadHops.Where(h => h.LeadId == id && h.Outcome == HopOutcome.Pending).ToListAsync(ct);
        foreach (var h in pending) { h.Outcome = HopOutcome.TimedOut; h.AnsweredAt = now; }
        var who = (await PartyNames.LoadAsync(db, [db.Actor.PersonPartyId], ct)).Get(db.Actor.PersonPartyId).Name;
        router.AssignByHand(lead, profile, who);
        return await SaveAsync(lead, ct);
    }

    private async Task<(Lead?, LeadHop?, Outcome<LeadDto>?)> PendingOfferAsync(Guid id, CancellationToken ct)
    {
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null) return (null, null, Outcome<LeadDto>.NotFound("No such lead."));
        if (lead.AssignedPartnerPartyId != db.ActingPartyId) return (null, null, Outcome<LeadDto>.Unprocessable("Only the partner the lead is assigned to can answer it."));
        if (lead.Status != LeadStatus.Assigned) return (null, null, Outcome<LeadDto>.Unprocessable($"The lead is already {lead.Status}."));
        if (lead.AcceptBy <= Now) return (null, null, Outcome<LeadDto>.Unprocessable("The time to answer this lead ran out; it is being offered to another partner."));
        var hop = await db.LeadHops.FirstAsync(h => h.LeadId == id && h.PartnerPartyId == lead.AssignedPartnerPartyId && h.Outcome == HopOutcome.Pending, ct);
        return (lead, hop, null);
    }

    private void Move(Lead lead, string status, decimal? value, DateTime now)
    {
        // Kept to the cent as the lead's own value is: PostgreSQL's column would round it, SQLite's text would not.
        value = value is { } v ? Math.Round(v, 2) : null;
        var previous = lead.Status;
        lead.Status = status;
        lead.UpdatedAt = now;
        if (status == LeadStatus.Won) lead.WonValue = value;
        if (LeadStatus.IsClosed(status)) lead.ClosedAt = now;
        db.LeadStatusChanges.Add(new LeadStatusChange { LeadId = lead.Id, PartnerPartyId = lead.AssignedPartnerPartyId, Status = status, Value = value, At = now });
        db.Outbox.Add(OutboxMessage.Create("lead.status_changed", now,
            new { leadId = lead.Id, status, previousStatus = previous, value, partnerPartyId = lead.AssignedPartnerPartyId },
            [lead.OwnerPartyId, .. lead.AssignedPartnerPartyId is { } p ? new[] { p } : []]));
    }

    private async Task<Outcome<LeadDto>> SaveAsync(Lead lead, CancellationToken ct)
    {
        lead.Version++;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Outcome<LeadDto>.Stale(); }
        return await queries.GetAsync(lead.Id, ct);
    }
}
