using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Conversations;
using Mutual.Core.Engagement;
using Mutual.Core.Parties;

namespace Mutual.Core.Tests;

/// <summary>Messages posted together (MessageIntake's batch) leave exactly what posting them one by one leaves.</summary>
public sealed class PostTogetherTests(CoreDatabase database) : IClassFixture<CoreDatabase>
{
    private sealed record Cast(Actor Ann, Actor Bob, Guid Private, Guid Shared, Guid Quiet, Dictionary<Guid, string> Names);

    [Fact]
    public async Task PostingsInOneBatchLeaveWhatPostingThemOneByOneLeaves()
    {
        var together = await CastAsync("Together");
        IReadOnlyList<Outcome<MessageDto>> outcomes;
        await using (var db = database.Open(Actor.Anonymous))
            outcomes = await new PostMessageHandler(db, database.Clock).PostAllAsync(Postings(together));

        var alone = await CastAsync("Alone");
        var one = new List<Outcome<MessageDto>>();
        foreach (var posting in Postings(alone))
        {
            await using var db = database.Open(posting.Actor);
            one.Add(await new PostMessageHandler(db, database.Clock).HandleAsync(posting.ConversationId, posting.Request));
        }

        OutcomeKind[] expected = [OutcomeKind.Ok, OutcomeKind.Ok, OutcomeKind.NotFound, OutcomeKind.Invalid, OutcomeKind.Ok, OutcomeKind.Ok, OutcomeKind.Ok, OutcomeKind.Ok];
        Assert.Equal(expected, outcomes.Select(o => o.Kind));
        Assert.Equal(expected, one.Select(o => o.Kind));
        Assert.Equal(one.Select(o => o.Value?.Body), outcomes.Select(o => o.Value?.Body));
        Assert.Equal(together.Bob.PartyId, outcomes[1].Value!.OnBehalfOfPartyId);

        var state = await StateAsync(together);
        Assert.Equal(await StateAsync(alone), state);
        Assert.Contains(state, s => s.StartsWith("Private: 3 messages [Start, one, four] v4 'four'", StringComparison.Ordinal));
        Assert.Contains(state, s => s.StartsWith("Shared: 3 messages [Start, two, three] v4 'three'", StringComparison.Ordinal));
        Assert.Contains(state, s => s.StartsWith("link Ann->Bob ours", StringComparison.Ordinal) && !s.Contains("call  ", StringComparison.Ordinal));
        Assert.Contains(state, s => s.StartsWith("Quiet: 2 messages [five, six] v3 'six'", StringComparison.Ordinal));
        Assert.Single(state, s => s.StartsWith("link Ann->Newcomer ours", StringComparison.Ordinal));
        Assert.Contains("message.posted x8", state);
    }

    // Ann writes in her private thread and the shared one; Bob in the shared one, and tries her private one (a 404
    // even though her post in the same batch has just read it); one post is empty (a 400). The quiet thread has no
    // message yet, so its first two make the same new engagement links.
    private static List<MessagePosting> Postings(Cast c) =>
    [
        new(c.Ann, c.Private, new("one", null, null)),
        new(c.Bob, c.Shared, new("two", null, null)),
        new(c.Bob, c.Private, new("sneaky", null, null)),
        new(c.Ann, c.Shared, new("", null, null)),
        new(c.Ann, c.Shared, new("three", "call", null)),
        new(c.Ann, c.Private, new("four", null, null)),
        new(c.Ann, c.Quiet, new("five", null, null)),
        new(c.Ann, c.Quiet, new("six", null, null)),
    ];

    private async Task<Cast> CastAsync(string run)
    {
        var names = new Dictionary<Guid, string>();
        var ann = await MemberAsync(run + " Ann Co", names, "Ann");
        var bob = await MemberAsync(run + " Bob Co", names, "Bob");
        await using var db = database.Open(ann);
        var prospect = (await new CreatePartyHandler(db, database.Clock).HandleAsync(new CreatePartyRequest("organization", run + " Prospect", [], [], null, []))).Value!;
        names[prospect.Id] = "Prospect";
        var start = new StartConversationHandler(db, database.Clock);
        var own = (await start.HandleAsync(new StartConversationRequest("Private", [prospect.Id], null, "Start"))).Value!;
        var shared = (await start.HandleAsync(new StartConversationRequest("Shared", [bob.PartyId], null, "Start"))).Value!;
        var newcomer = (await new CreatePartyHandler(db, database.Clock).HandleAsync(new CreatePartyRequest("organization", run + " Newcomer", [], [], null, []))).Value!;
        names[newcomer.Id] = "Newcomer";
        var quiet = (await start.HandleAsync(new StartConversationRequest("Quiet", [newcomer.Id], null, null))).Value!;
        return new(ann, bob, own.Id, shared.Id, quiet.Id, names);
    }

    private async Task<Actor> MemberAsync(string name, Dictionary<Guid, string> names, string role)
    {
        var actor = await database.NewMemberAsync(name);
        names[actor.PartyId] = role;
        names[actor.PersonPartyId] = role + "'s person";
        return actor;
    }

    /// <summary>Everything a post writes, with the run's ids replaced by roles so two runs compare.</summary>
    private async Task<List<string>> StateAsync(Cast c)
    {
        await using var db = database.Open(Actor.System);
        string N(Guid id) => c.Names.GetValueOrDefault(id, id == c.Private ? "Private" : id == c.Shared ? "Shared" : id == c.Quiet ? "Quiet" : "?");
        var state = new List<string>();
        foreach (var id in new[] { c.Private, c.Shared, c.Quiet })
        {
            var conversation = await db.Conversations.SingleAsync(x => x.Id == id);
            var bodies = await db.Messages.Where(m => m.ConversationId == id).OrderBy(m => m.Id).Select(m => m.Body).ToListAsync();
            state.Add($"{N(id)}: {conversation.MessageCount} messages [{string.Join(", ", bodies)}] v{conversation.Version} '{conversation.LastMessageExcerpt}' at {conversation.LastActivityAt:O}");
            var authors = await db.Messages.Where(m => m.ConversationId == id).OrderBy(m => m.Id).Select(m => new { m.AuthorPartyId, m.OnBehalfOfPartyId, m.Channel }).ToListAsync();
            state.AddRange(authors.Select(a => $"{N(id)} by {N(a.AuthorPartyId)} for {N(a.OnBehalfOfPartyId)} ({a.Channel})"));
            var participants = await db.ConversationParticipants.IgnoreQueryFilters().Where(p => p.ConversationId == id).ToListAsync();
            state.AddRange(participants.Select(p => $"{N(id)} participant {N(p.PartyId)} active {p.LastActivityAt:O}").Order());
            var reads = await db.ConversationReads.Where(r => r.ConversationId == id).ToListAsync();
            state.AddRange(reads.Select(r => $"{N(id)} read by {(r.AccountId == c.Ann.AccountId ? "Ann" : r.AccountId == c.Bob.AccountId ? "Bob" : "?")} at {r.ReadAt:O}").Order());
            var posted = await db.Outbox.CountAsync(o => o.Type == "message.posted" && o.Data.Contains(id.ToString()));
            state.Add($"{N(id)} message.posted x{posted}");
        }
        state.Add($"message.posted x{await db.Outbox.CountAsync(o => o.Type == "message.posted" && (o.Data.Contains(c.Private.ToString()) || o.Data.Contains(c.Shared.ToString()) || o.Data.Contains(c.Quiet.ToString())))}");
        var parties = c.Names.Keys.ToList();
        var links = await db.Set<EngagementLink>().Where(l => parties.Contains(l.OwnerPartyId)).ToListAsync();
        state.AddRange(links.Select(l => $"link {N(l.OwnerPartyId)}->{N(l.CounterpartPartyId)} ours {l.LastOursAt:O} theirs {l.LastTheirsAt:O} call {l.LastCallOrMeetingAt:O} dialogue {l.LastDialogueAt:O} v{l.Version}").Order());
        return state;
    }
}
