using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Conversations;
using Mutual.Core.Parties;
using Mutual.Core.Relationships;

namespace Mutual.Core.Tests;

/// <summary>Use cases on a real database: events go out with the change, and lists cost the same few queries at any page size.</summary>
public sealed class UseCaseTests(CoreDatabase database) : IClassFixture<CoreDatabase>
{
    [Fact]
    public async Task ChangesWriteTheirOutboxEventsInTheSameSave()
    {
        var actor = await database.NewMemberAsync("Outbox Org");
        await using var db = database.Open(actor);
        var party = (await new CreatePartyHandler(db, database.Clock).HandleAsync(new CreatePartyRequest("organization", "Evented", [], [], null, []))).Value!;
        var rel = (await new CreateRelationshipHandler(db, database.Clock).HandleAsync(new CreateRelationshipRequest(party.Id, actor.PartyId, "customer-of", null))).Value!;
        var conv = (await new StartConversationHandler(db, database.Clock).HandleAsync(new StartConversationRequest("Hi", [party.Id], null, "First"))).Value!;

        await using var system = database.Open(Actor.System);
        var events = await system.Outbox.Where(o => o.Data.Contains(party.Id.ToString()) || o.Data.Contains(conv.Id.ToString()))
            .OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(["party.created", "relationship.created", "conversation.started", "message.posted"], events.Select(e => e.Type).ToList());
        Assert.All(events, e => Assert.Contains(actor.PartyId, e.AudiencePartyIds));
        Assert.Contains(party.Id, events.Single(e => e.Type == "relationship.created").AudiencePartyIds);
        Assert.All(events, e => Assert.Null(e.DispatchedAt));
        Assert.Contains(rel.Id.ToString(), events[1].Data, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public async Task ListingPartiesAndConversationsTakesAFixedNumberOfQueries(int rows)
    {
        var actor = await database.NewMemberAsync("Counted Org " + rows);
        await using (var db = database.Open(actor))
        {
            for (var i = 0; i < rows; i++)
            {
                var p = (await new CreatePartyHandler(db, database.Clock).HandleAsync(new CreatePartyRequest("organization", $"Org {i}", [], [], null, ["counted"]))).Value!;
                await new CreateRelationshipHandler(db, database.Clock).HandleAsync(new CreateRelationshipRequest(p.Id, actor.PartyId, "customer-of", null));
                await new StartConversationHandler(db, database.Clock).HandleAsync(new StartConversationRequest($"Thread {i}", [p.Id], null, "Hello"));
            }
        }
        var counter = new CommandCounter();
        await using (var db = database.OpenCounting(actor, counter))
        {
            var parties = await new ListPartiesHandler(db, database.Clock).HandleAsync(new ListPartiesRequest(null, "customer", "counted", null, 200, null));
            Assert.Equal(rows, parties.Value!.Items.Count);
            Assert.All(parties.Value.Items, p => Assert.Contains("customer", p.Roles));
            Assert.Equal(3, counter.Count);

            counter.Count = 0;
            var inbox = await new ConversationQueries(db).ListAsync(200, null);
            Assert.Equal(rows, inbox.Value!.Items.Count);
            Assert.All(inbox.Value.Items, c => Assert.Equal(2, c.Participants.Count));
            Assert.True(counter.Count <= 6, $"{counter.Count} queries");

            counter.Count = 0;
            var timeline = await new TimelineQuery(db).HandleAsync(actor.PartyId, 200, null);
            Assert.Equal(rows * 2, timeline.Value!.Items.Count);
            // The party check; its conversations, their newest message ids, those messages; its own writing; events at
            // either end; the names.
            Assert.True(counter.Count <= 8, $"{counter.Count} queries");
        }
    }
}
