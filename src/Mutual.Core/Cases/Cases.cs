using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Parties;

namespace Mutual.Core.Cases;

/// <summary>What happens to a case: it is opened for a customer, handed between organizations, moved through its stages and answered.</summary>
public sealed class Cases(MutualDbContext db, CaseQueries queries, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<CaseDto>> OpenAsync(OpenCaseRequest r, CancellationToken ct = default)
    {
        var v = new Validation();
        v.Require("title", r.Title, CaseRules.TitleMax);
        v.Require("description", r.Description, CaseRules.TextMax);
        v.MaxLength("reference", r.Reference, CaseRules.ReferenceMax);
        var priority = string.IsNullOrWhiteSpace(r.Priority) ? CasePriority.Normal : r.Priority.Trim().ToLowerInvariant();
        if (!CasePriority.All.Contains(priority)) v.Add("priority", $"'priority' must be one of: {string.Join(", ", CasePriority.All)}.");
        var me = db.ActingPartyId;
        var holder = me;
        if (r.CustomerPartyId is not { } customerId) v.Add("customerPartyId", "'customerPartyId' is required.");
        else if (db.Actor.Is(customerId))
        {
            // The customer's own people (or the individual) open it with a vendor, which then holds and works it.
            if (r.VendorPartyId is not { } vendor)
                v.Add("vendorPartyId", "You are the customer: name the organization that should work the case in 'vendorPartyId'.");
            else if (db.Actor.Is(vendor) || !await IsMemberOrganizationAsync(vendor, ct))
                v.Add("vendorPartyId", "'vendorPartyId' must be a member organization other than yourself.");
            else holder = vendor;
        }
        else
        {
            if (!await db.Parties.AnyAsync(p => p.Id == customerId, ct))
                v.Add("customerPartyId", "'customerPartyId' must be a party in your book or the network, other than yourself.");
            if (r.VendorPartyId is { } vendor && vendor != me)
                v.Add("vendorPartyId", "Opened for a customer, the case is your organization's: leave 'vendorPartyId' out.");
        }
        if (!v.IsValid) return v.Fail<CaseDto>();

        var now = Now;
        var code = CaseRules.NewSecret();
        var (respond, resolve) = CasePriority.Targets(priority);
        var c = new ServiceCase
        {
            OpenedByPartyId = me, VendorPartyId = holder, CustomerPartyId = r.CustomerPartyId!.Value, HolderPartyId = holder, Title = r.Title!.Trim(),
            Description = r.Description!.Trim(), Reference = string.IsNullOrWhiteSpace(r.Reference) ? null : r.Reference.Trim(), Priority = priority,
            TrackingCodeHash = CaseRules.Hash(code), RespondBy = now + respond, ResolveBy = now + resolve, CreatedAt = now, UpdatedAt = now,
        };
        c.Participants.Add(new CaseParticipant { CaseId = c.Id, PartyId = holder, Role = CaseRoles.Organization, JoinedAt = now });
        c.Participants.Add(new CaseParticipant { CaseId = c.Id, PartyId = c.CustomerPartyId, Role = CaseRoles.Customer, JoinedAt = now });
        db.Cases.Add(c);
        // The opened line names the first holder, which the SLA report charges with the first response.
        Entry(c, CaseEntryKind.Opened, now, stage: CaseStage.Received, toPartyId: holder);
        Emit("case.opened", c, now, [holder, c.CustomerPartyId]);
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(c.Id, code, ct);
    }

    /// <summary>The holder passes the case to another member organization, which then holds it and answers to its own response clock.</summary>
    public async Task<Outcome<CaseDto>> HandOffAsync(Guid id, Guid? toPartyId, string? note, CancellationToken ct = default)
    {
        var (c, audience, problem) = await LoadAsync(id, ct);
        if (problem is not null) return problem;
        var v = new Validation().MaxLength("note", note, CaseRules.TextMax);
        if (toPartyId is not { } to) v.Add("toPartyId", "'toPartyId' is required.");
        else if (to == c!.HolderPartyId || to == c.CustomerPartyId
            || !await IsMemberOrganizationAsync(to, ct))
            v.Add("toPartyId", "'toPartyId' must be another member organization, not the holder or the customer.");
        if (!v.IsValid) return v.Fail<CaseDto>();
        if (c!.HolderPartyId != db.ActingPartyId) return Outcome<CaseDto>.Unprocessable("Only the organization holding the case hands it off.");
        if (!CaseStage.IsOpen(c.Stage)) return Outcome<CaseDto>.Unprocessable($"A {c.Stage} case cannot be handed off.");

        var now = Now;
        var from = c.HolderPartyId;
        if (!audience.Contains(toPartyId!.Value))
        {
            db.CaseParticipants.Add(new CaseParticipant { CaseId = c.Id, PartyId = toPartyId.Value, Role = CaseRoles.Organization, JoinedAt = now });
            audience.Add(toPartyId.Value);
        }
        c.HolderPartyId = toPartyId.Value;
        c.Stage = toPartyId == c.VendorPartyId ? CaseStage.Triage : CaseStage.WithPartner;
        // The new holder's response clock starts now, with a fresh flag; the previous holder's breach was already announced.
        c.RespondBy = now + CasePriority.Targets(c.Priority).Response;
        c.ResponseBreachedAt = null;
        Entry(c, CaseEntryKind.Handoff, now, stage: c.Stage, text: string.IsNullOrWhiteSpace(note) ? null : note.Trim(), fromPartyId: from, toPartyId: toPartyId);
        Emit("case.handed_off", c, now, audience, new { fromPartyId = from, toPartyId });
        return await SaveAsync(c, ct);
    }

    /// <summary>The holder moves the case to a stage; resolving it stops the clocks and tells every participant.</summary>
    public async Task<Outcome<CaseDto>> MoveAsync(Guid id, string? stage, long? expectedVersion, CancellationToken ct = default)
    {
        var (c, audience, problem) = await LoadAsync(id, ct);
        if (problem is not null) return problem;
        if (stage is null || !CaseStage.Settable.Contains(stage))
            return Outcome<CaseDto>.Invalid("stage", $"'stage' must be one of: {string.Join(", ", CaseStage.Settable)} (with_partner comes with a hand-off).");
        if (expectedVersion is { } ev && ev != c!.Version) return Outcome<CaseDto>.Stale();
        if (c!.HolderPartyId != db.ActingPartyId) return Outcome<CaseDto>.Unprocessable("Only the organization holding the case moves it.");
        if (c.Stage == stage) return Outcome<CaseDto>.Unprocessable($"The case is already {stage}.");
        if (c.Stage == CaseStage.Closed) return Outcome<CaseDto>.Unprocessable("A closed case stays closed.");
        var now = Now;
        Move(c, stage, now, audience);
        c.RespondBy = null;
        return await SaveAsync(c, ct);
    }

    /// <summary>A public reply on the shared thread, by the holder or the customer (rules: <see cref="CaseSteps.Reply"/>).</summary>
    public async Task<Outcome<CaseEntryDto>> ReplyAsync(Guid id, string? text, CancellationToken ct = default)
    {
        var (c, audience, problem) = await LoadAsync(id, ct);
        if (problem is not null) return problem.As<CaseEntryDto>();
        var customer = db.Actor.Is(c!.CustomerPartyId);
        if (!customer && c.HolderPartyId != db.ActingPartyId) return Outcome<CaseEntryDto>.Unprocessable("Only the organization holding the case and the customer reply.");
        var reply = CaseSteps.Reply(db, c, audience, customer, customer ? c.CustomerPartyId : db.ActingPartyId, db.Actor.PersonPartyId, text, Now);
        return reply.IsOk ? await SaveEntryAsync(c, reply.Value!, ct) : reply.As<CaseEntryDto>();
    }

    /// <summary>The customer confirms the resolution: a resolved case closes. Only the customer, only from resolved.</summary>
    public async Task<Outcome<CaseDto>> ConfirmAsync(Guid id, CancellationToken ct = default)
    {
        var (c, audience, problem) = await LoadAsync(id, ct);
        if (problem is not null) return problem;
        if (!db.Actor.Is(c!.CustomerPartyId)) return Outcome<CaseDto>.Unprocessable("Only the customer confirms that a case is resolved.");
        var confirmed = CaseSteps.Confirm(db, c, audience, c.CustomerPartyId, db.Actor.PersonPartyId, Now);
        return confirmed.IsOk ? await SaveAsync(c, ct) : confirmed.As<CaseDto>();
    }

    /// <summary>An internal note: the writing organization's alone, and no event (others may not hear of it).</summary>
    public async Task<Outcome<CaseEntryDto>> NoteAsync(Guid id, string? text, CancellationToken ct = default)
    {
        var (c, _, problem) = await LoadAsync(id, ct);
        if (problem is not null) return problem.As<CaseEntryDto>();
        if (new Validation().Require("text", text, CaseRules.TextMax) is { IsValid: false } v) return v.Fail<CaseEntryDto>();
        if (db.Actor.Is(c!.CustomerPartyId)) return Outcome<CaseEntryDto>.Unprocessable("Internal notes are for the organizations working the case.");
        // Added on its own: the case's version and updatedAt stay as they were, so no one else can tell a note was written
        // (nor does it make the holder's If-Match stale).
        var entry = new CaseEntry { CaseId = c.Id, Kind = CaseEntryKind.Note, AuthorPartyId = db.ActingPartyId, AuthorPersonId = db.Actor.PersonPartyId,
            Text = text!.Trim(), At = Now, PrivateToPartyId = db.ActingPartyId };
        db.CaseEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        var names = await PartyNames.LoadAsync(db, [entry.AuthorPartyId], ct);
        return Outcome<CaseEntryDto>.Ok(CaseQueries.Describe(entry, names, customer: false));
    }

    /// <summary>
    /// A new tracking code for the case, shown in this answer only; the old one stops working at once. For the holder or
    /// the customer, who pass the code on: it is how a lost code (or one that leaked) is replaced.
    /// </summary>
    public async Task<Outcome<CaseDto>> RotateTrackingCodeAsync(Guid id, CancellationToken ct = default)
    {
        var (c, _, problem) = await LoadAsync(id, ct);
        if (problem is not null) return problem;
        if (!db.Actor.Is(c!.CustomerPartyId) && c.HolderPartyId != db.ActingPartyId)
            return Outcome<CaseDto>.Unprocessable("Only the organization holding the case and the customer issue a new tracking code.");
        var code = CaseRules.NewSecret();
        c.TrackingCodeHash = CaseRules.Hash(code);
        c.Version++;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Outcome<CaseDto>.Stale(); }
        return await queries.GetAsync(c.Id, code, ct);
    }

    internal async Task<(ServiceCase?, List<Guid>, Outcome<CaseDto>?)> LoadAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return (null, [], Outcome<CaseDto>.NotFound("No such case."));
        // The case is visible (it was just found through the filter), so reading all of its participants is in bounds.
        var audience = await db.CaseParticipants.IgnoreQueryFilters([AccessRules.OwnCaseParticipantRows]).Where(p => p.CaseId == id).Select(p => p.PartyId).ToListAsync(ct);
        return (c, audience, null);
    }

    private void Move(ServiceCase c, string stage, DateTime now, List<Guid> audience) =>
        CaseSteps.Move(db, c, stage, now, audience, db.ActingPartyId, db.Actor.PersonPartyId);

    private CaseEntry Entry(ServiceCase c, string kind, DateTime now, string? stage = null, string? text = null, Guid? fromPartyId = null, Guid? toPartyId = null) =>
        CaseSteps.Entry(db, c, kind, now, db.ActingPartyId, db.Actor.PersonPartyId, stage, text, fromPartyId, toPartyId);

    private void Emit(string type, ServiceCase c, DateTime now, IEnumerable<Guid> audience, object? extra = null) => CaseSteps.Emit(db, type, c, now, audience, extra);

    private async Task<Outcome<CaseDto>> SaveAsync(ServiceCase c, CancellationToken ct)
    {
        c.Version++;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Outcome<CaseDto>.Stale(); }
        return await queries.GetAsync(c.Id, null, ct);
    }

    internal async Task<Outcome<CaseEntryDto>> SaveEntryAsync(ServiceCase c, CaseEntry e, CancellationToken ct)
    {
        var saved = await SaveAsync(c, ct);
        if (!saved.IsOk) return saved.As<CaseEntryDto>();
        var names = await PartyNames.LoadAsync(db, [e.AuthorPartyId], ct);
        return Outcome<CaseEntryDto>.Ok(CaseQueries.Describe(e, names, db.Actor.Is(c.CustomerPartyId)));
    }

    /// <summary>Cases are worked by member organizations: they can sign in and hold them.</summary>
    private Task<bool> IsMemberOrganizationAsync(Guid id, CancellationToken ct) =>
        db.Parties.AnyAsync(p => p.Id == id && p.Kind == PartyKind.Organization && p.IsMember, ct);
}
