using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Accounts;
using Mutual.Core.Conversations;
using Mutual.Core.Data;
using Mutual.Core.Parties;
using Mutual.Core.Relationships;

namespace Mutual.Core.Demo;

/// <summary>
/// Plays the demo script: every step runs in a fresh context bound to the actor who would take it
/// (staff for the host, invited people for their organizations), so the access rule and the
/// handlers' validation apply exactly as they do for API calls. Parties and actors are named by short keys.
/// </summary>
internal sealed partial class DemoLoader(IDbContextFactory<MutualDbContext> factory, DemoClock clock, AuthOptions auth, CancellationToken ct)
{
    private readonly Dictionary<string, Guid> _parties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Actor> _actors = new(StringComparer.Ordinal);
    private readonly List<DemoAccount> _accounts = [];

    public IReadOnlyList<DemoAccount> Accounts => _accounts;

    public async Task PlayAsync(DemoThread thread)
    {
        var start = clock.Set(thread.DaysAgo, thread.Hour);
        var opening = thread.Lines[0];
        Guid conversationId;
        await using (var db = await AsAsync(opening.Who))
        {
            var request = new StartConversationRequest(thread.Subject, thread.With.Select(k => _parties[k]).ToList(), thread.Channel, opening.Body);
            conversationId = Check(await new StartConversationHandler(db, clock).HandleAsync(request, ct), thread.Subject).Id;
        }
        foreach (var line in thread.Lines.Skip(1))
        {
            var at = clock.Now = start.AddHours(line.AfterHours);
            await using var db = await AsAsync(line.Who);
            var request = new PostMessageRequest(line.Body, line.Channel, at.UtcDateTime);
            Check(await new PostMessageHandler(db, clock).HandleAsync(conversationId, request, ct), thread.Subject);
        }
    }

    private async Task<MutualDbContext> AsAsync(string who)
    {
        var db = await factory.CreateDbContextAsync(ct);
        db.Actor = _actors[who];
        db.Clock = clock; // services that read the request clock (db.Now) see the story's moment
        return db;
    }

    private async Task OrganizationAsync(string by, string key, string name, string website, string[] tags, string? profile = null, int daysAgo = BookDay)
    {
        clock.Set(daysAgo, 10);
        await using var db = await AsAsync(by);
        var request = new CreatePartyRequest("organization", name, ["info@" + website], null, "https://" + website, [.. tags], profile);
        _parties[key] = Check(await new CreatePartyHandler(db, clock).HandleAsync(request, ct), name).Id;
    }

    /// <summary>A person in the book of <paramref name="by"/>'s party, working for <paramref name="employer"/> since the given day.</summary>
    private async Task PersonAsync(string by, string key, string name, string? email, string[] tags,
        string? employer = null, int worksSinceDaysAgo = 0, int daysAgo = BookDay)
    {
        clock.Set(daysAgo, 10.5);
        await using (var db = await AsAsync(by))
        {
            var request = new CreatePartyRequest("person", name, email is null ? null : [email], null, null, [.. tags]);
            _parties[key] = Check(await new CreatePartyHandler(db, clock).HandleAsync(request, ct), name).Id;
        }
        if (employer is not null) await RelateAsync(by, key, "works-for", employer, worksSinceDaysAgo, daysAgo);
    }

    /// <summary>Records "from kind to" as of <paramref name="sinceDaysAgo"/>; the record is written when it began, or when it was first noted.</summary>
    private async Task<Guid> RelateAsync(string by, string from, string kind, string to, int sinceDaysAgo, int recordedDaysAgo = BookDay)
    {
        var since = clock.At(sinceDaysAgo, 9);
        var recorded = clock.At(recordedDaysAgo, 11);
        clock.Now = since > recorded ? since : recorded;
        await using var db = await AsAsync(by);
        var request = new CreateRelationshipRequest(_parties[from], _parties[to], kind, since.UtcDateTime);
        return Check(await new CreateRelationshipHandler(db, clock).HandleAsync(request, ct), $"{from} {kind} {to}").Id;
    }

    private async Task EndAsync(string by, Guid relationshipId, int untilDaysAgo, int recordedDaysAgo = BookDay)
    {
        var until = clock.At(untilDaysAgo, 17);
        var recorded = clock.At(recordedDaysAgo, 11.5);
        clock.Now = until > recorded ? until : recorded;
        await using var db = await AsAsync(by);
        Check(await new EndRelationshipHandler(db, clock).HandleAsync(relationshipId, new EndRelationshipRequest(until.UtcDateTime), null, ct), "end relationship");
    }

    /// <summary>A staff member of the host, the way the command line's <c>user create</c> adds one.</summary>
    private async Task StaffAsync(string key, string name, string email)
    {
        var account = Check(await new AccountSetup(factory, clock, auth).CreateUserAsync(name, email, DemoNetwork.Password, null, false, ct), email);
        _parties[key] = account.PersonPartyId;
        await AddAccountAsync(key, account);
    }

    /// <summary><paramref name="by"/> invites a person in the host's book; they accept the next morning and act for their employer (or themselves).</summary>
    private async Task InviteAsync(string by, string person, string email, int daysAgo)
    {
        clock.Set(daysAgo, 14);
        InvitationDto invitation;
        await using (var db = await AsAsync(by))
            invitation = Check(await new InvitationService(db, factory, clock, auth).InviteAsync(_parties[person], new InviteRequest(email), ct), "invite " + email);
        clock.Set(daysAgo - 1, 8.5);
        await using (var anonymous = await factory.CreateDbContextAsync(ct))
            Check(await new InvitationService(anonymous, factory, clock, auth).AcceptAsync(new AcceptInvitationRequest(invitation.Token, DemoNetwork.Password), ct), "accept " + email);
        Account account;
        await using (var system = await factory.CreateSystemAsync(ct))
            account = await system.Accounts.AsNoTracking().FirstAsync(a => a.Email == email, ct);
        await AddAccountAsync(person, account);
    }

    private async Task AddAccountAsync(string key, Account account)
    {
        _actors[key] = SignInService.ToActor(account);
        await using var system = await factory.CreateSystemAsync(ct);
        var names = await PartyNames.LoadAsync(system, [account.PersonPartyId, account.ActingPartyId], ct);
        _accounts.Add(new DemoAccount(account.Email, names.Get(account.PersonPartyId).Name, names.Get(account.ActingPartyId).Name, account.IsAdmin));
    }

    /// <summary>The script is fixed, so a refusal here is a bug in it (or in a rule it relies on): stop loudly.</summary>
    private static T Check<T>(Outcome<T> outcome, string step) => outcome.IsOk ? outcome.Value!
        : throw new InvalidOperationException($"Demo step '{step}' failed: {outcome.Detail} "
            + string.Join("; ", outcome.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
}

/// <summary>One conversation of the script; the first line opens it, the others follow <c>AfterHours</c> later.</summary>
internal sealed record DemoThread(string Subject, string Channel, string[] With, int DaysAgo, double Hour, DemoLine[] Lines);

/// <summary>A message: who writes it (an actor key), when, and on which channel when it differs from the conversation's.</summary>
internal sealed record DemoLine(string Who, double AfterHours, string Body, string? Channel = null);
