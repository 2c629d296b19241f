using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Cases;

/// <summary>
/// The rules of a case that more than one door uses: the signed-in API and UI (<see cref="Cases"/>) and the one-time
/// customer link (<see cref="CaseCustomerLinks"/>). The caller has found the case and decided who acts; the author is
/// passed in, because a customer behind a link has no signed-in actor.
/// </summary>
internal static class CaseSteps
{
    public static CaseEntry Entry(MutualDbContext db, ServiceCase c, string kind, DateTime now, Guid author, Guid? authorPerson,
        string? stage = null, string? text = null, Guid? fromPartyId = null, Guid? toPartyId = null)
    {
        var e = new CaseEntry { CaseId = c.Id, Kind = kind, AuthorPartyId = author, AuthorPersonId = authorPerson,
            Stage = stage, Text = text, FromPartyId = fromPartyId, ToPartyId = toPartyId, At = now };
        db.CaseEntries.Add(e);
        c.UpdatedAt = now;
        return e;
    }

    public static void Emit(MutualDbContext db, string type, ServiceCase c, DateTime now, IEnumerable<Guid> audience, object? extra = null) =>
        db.Outbox.Add(OutboxMessage.Create(type, now, new { caseId = c.Id, stage = c.Stage, priority = c.Priority, holderPartyId = c.HolderPartyId, detail = extra }, audience));

    public static CaseEntry Move(MutualDbContext db, ServiceCase c, string stage, DateTime now, IEnumerable<Guid> audience, Guid author, Guid? authorPerson)
    {
        var previous = c.Stage;
        c.Stage = stage;
        if (stage == CaseStage.Resolved) c.ResolvedAt = now;
        else if (CaseStage.IsOpen(stage)) c.ResolvedAt = null;
        var entry = Entry(db, c, CaseEntryKind.Stage, now, author, authorPerson, stage: stage);
        Emit(db, stage == CaseStage.Resolved ? "case.resolved" : "case.updated", c, now, audience, new { previousStage = previous });
        return entry;
    }

    /// <summary>
    /// A public reply. A customer's answer to awaiting_customer, or to a resolved case, moves it back to triage and
    /// gives the holder a fresh response clock; the reply itself carries that stage, one timeline line rather than two
    /// that share a time (UUIDv7 ids would not keep their order within a millisecond). A holder's reply stops its clock.
    /// </summary>
    public static Outcome<CaseEntry> Reply(MutualDbContext db, ServiceCase c, IEnumerable<Guid> audience, bool customer, Guid author, Guid? authorPerson,
        string? text, DateTime now)
    {
        if (new Validation().Require("text", text, CaseRules.TextMax) is { IsValid: false } v) return v.Fail<CaseEntry>();
        if (c.Stage == CaseStage.Closed) return Outcome<CaseEntry>.Unprocessable("A closed case takes no more replies.");
        var previous = c.Stage;
        var reopens = customer && c.Stage is CaseStage.AwaitingCustomer or CaseStage.Resolved;
        if (reopens)
        {
            c.Stage = CaseStage.Triage;
            c.ResolvedAt = null;
            c.RespondBy = now + CasePriority.Targets(c.Priority).Response;
            c.ResponseBreachedAt = null;
        }
        else if (!customer) c.RespondBy = null;
        var entry = Entry(db, c, CaseEntryKind.Reply, now, author, authorPerson, stage: reopens ? CaseStage.Triage : null, text: text!.Trim());
        Emit(db, "case.updated", c, now, audience, new { entryId = entry.Id, kind = entry.Kind, previousStage = previous });
        return Outcome<CaseEntry>.Ok(entry);
    }

    /// <summary>The customer confirms a resolved case: it closes (the caller has checked that the customer acts).</summary>
    public static Outcome<CaseEntry> Confirm(MutualDbContext db, ServiceCase c, IEnumerable<Guid> audience, Guid author, Guid? authorPerson, DateTime now)
    {
        if (c.Stage != CaseStage.Resolved) return Outcome<CaseEntry>.Unprocessable("Only a resolved case can be confirmed and closed.");
        return Outcome<CaseEntry>.Ok(Move(db, c, CaseStage.Closed, now, audience, author, authorPerson));
    }
}
