using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;

namespace Mutual.Core.Cases;

/// <summary>A link as issued: the token is shown this once; only its hash is stored.</summary>
public sealed record CaseLinkDto(string Token, string Path, DateTime ExpiresAt);

/// <summary>What a customer link opens: the public view of the case and what the link can still do.</summary>
public sealed record CustomerLinkView(TrackDto Case, bool CanReply, bool CanConfirm);

/// <summary>
/// One-time links for a customer who is not signed in: the holder issues one and sends it itself (there is no
/// e-mail transport); whoever holds the token may reply once or confirm the resolution once, as the customer.
/// Unknown, used and expired links all answer the same "not found". The rules are the signed-in ones (CaseSteps).
/// </summary>
public sealed class CaseCustomerLinks(MutualDbContext db, Cases cases, CaseTracking tracking, TimeProvider clock)
{
    public const string PathPrefix = "/track/reply/";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The holder issues a link for the case's customer, valid for <see cref="CaseRules.LinkLifetime"/>.</summary>
    public async Task<Outcome<CaseLinkDto>> IssueAsync(Guid caseId, CancellationToken ct = default)
    {
        var (c, _, problem) = await cases.LoadAsync(caseId, ct);
        if (problem is not null) return problem.As<CaseLinkDto>();
        if (c!.HolderPartyId != db.ActingPartyId) return Outcome<CaseLinkDto>.Unprocessable("Only the organization holding the case issues customer links.");
        if (c.Stage == CaseStage.Closed) return Outcome<CaseLinkDto>.Unprocessable("A closed case takes no more answers.");
        var token = CaseRules.NewSecret();
        var link = new CaseLink { CaseId = c.Id, TokenHash = CaseRules.Hash(token), IssuedByPartyId = db.ActingPartyId, CreatedAt = Now, ExpiresAt = Now + CaseRules.LinkLifetime };
        db.CaseLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return Outcome<CaseLinkDto>.Ok(new CaseLinkDto(token, PathPrefix + token, link.ExpiresAt));
    }

    /// <summary>The case behind a usable link, or null (unknown, used or expired: never which).</summary>
    public async Task<CustomerLinkView?> FindAsync(string? token, CancellationToken ct = default)
    {
        if (await LoadAsync(token, ct) is not (_, var c)) return null;
        return new CustomerLinkView(await tracking.DescribeAsync(c, ct), c.Stage != CaseStage.Closed, c.Stage == CaseStage.Resolved);
    }

    /// <summary>A reply as the customer; uses up the link.</summary>
    public Task<Outcome<TrackDto>> ReplyAsync(string? token, string? text, CancellationToken ct = default) =>
        UseAsync(token, (c, audience) => CaseSteps.Reply(db, c, audience, customer: true, c.CustomerPartyId, null, text, Now), ct);

    /// <summary>The customer confirms the resolution (resolved → closed); uses up the link.</summary>
    public Task<Outcome<TrackDto>> ConfirmAsync(string? token, CancellationToken ct = default) =>
        UseAsync(token, (c, audience) => CaseSteps.Confirm(db, c, audience, c.CustomerPartyId, null, Now), ct);

    private async Task<Outcome<TrackDto>> UseAsync(string? token, Func<ServiceCase, List<Guid>, Outcome<CaseEntry>> step, CancellationToken ct)
    {
        if (await LoadAsync(token, ct) is not (var link, var c)) return Outcome<TrackDto>.NotFound("No such link.");
        // The case was found by the link's secret, so its participants are the event's audience.
        var audience = await db.CaseParticipants.IgnoreQueryFilters().Where(p => p.CaseId == c.Id).Select(p => p.PartyId).ToListAsync(ct);
        var done = step(c, audience);
        if (!done.IsOk) return done.As<TrackDto>();
        // Used in the same save as the step. UsedAt is a concurrency token (UPDATE ... WHERE UsedAt IS NULL) and the
        // case's version is one too, so of two concurrent uses only one commits; the other is told to reload.
        link.UsedAt = Now;
        c.Version++;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Outcome<TrackDto>.Stale(); }
        return Outcome<TrackDto>.Ok(await tracking.DescribeAsync(c, ct));
    }

    /// <summary>
    /// The one read past the access rule for links: by the token's hash (a malformed token never reaches the
    /// database), and only a link that is unused and not expired, then its case.
    /// </summary>
    private async Task<(CaseLink, ServiceCase)?> LoadAsync(string? token, CancellationToken ct)
    {
        if (!CaseRules.LooksLikeCode(token)) return null;
        var hash = CaseRules.Hash(token!);
        var now = Now;
        var link = await db.CaseLinks.IgnoreQueryFilters().FirstOrDefaultAsync(l => l.TokenHash == hash && l.UsedAt == null && l.ExpiresAt > now, ct);
        if (link is null) return null;
        var c = await db.Cases.IgnoreQueryFilters().FirstAsync(x => x.Id == link.CaseId, ct);
        return (link, c);
    }
}
