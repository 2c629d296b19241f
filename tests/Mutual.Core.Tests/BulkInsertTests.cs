using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Conversations;
using Mutual.Core.Data;
using Mutual.Core.Parties;
using Mutual.Core.Relationships;

namespace Mutual.Core.Tests;

/// <summary>
/// Rows written by the bulk path (prepared statements on SQLite, binary COPY on PostgreSQL) are the same rows
/// SaveChanges would have written: they read back field for field, match by key and by time range, and are
/// found by the store's full-text search.
/// </summary>
public sealed class BulkInsertTests(CoreDatabase database) : IClassFixture<CoreDatabase>
{
    [Fact]
    public async Task BulkWrittenPartiesRelationshipsAndMessagesReadBackAsIfSaveChangesHadWrittenThem()
    {
        var ct = TestContext.Current.CancellationToken;
        var at = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1230); // microseconds: PostgreSQL keeps no finer;
        var owner = Guid.CreateVersion7();
        var word = "Zq" + Guid.NewGuid().ToString("N")[..8];
        var org = new Party { Id = owner, Kind = PartyKind.Organization, Name = $"{word} Holdings", OwnerPartyId = owner, Tags = ["hub", "bulk"], CreatedAt = at, UpdatedAt = at, IsMember = true };
        var person = new Party
        {
            Kind = PartyKind.Person, Name = "Åsa Ölund", Emails = ["asa@bulk.example"], Phones = ["+46 8 123"], Website = null,
            OwnerPartyId = owner, CreatedAt = at, UpdatedAt = at.AddDays(1),
        };
        foreach (var p in new[] { org, person }) p.RefreshSearchText();
        var works = new Relationship { FromPartyId = person.Id, ToPartyId = owner, Kind = "works-for", Since = at, OwnerPartyId = owner, CreatedAt = at };
        var conversation = new Conversation { Subject = "Bulk", OwnerPartyId = owner, CreatedAt = at, LastActivityAt = at, MessageCount = 1, LastMessageExcerpt = "Hi" };
        var participant = new ConversationParticipant { ConversationId = conversation.Id, PartyId = owner, AddedAt = at, LastActivityAt = at };
        var message = new Message { ConversationId = conversation.Id, Body = "Hi", BodyHtml = "<p>Hi</p>", OccurredAt = at, CreatedAt = at, AuthorPartyId = person.Id, OnBehalfOfPartyId = owner };

        await using (var db = database.Open(Actor.System))
        {
            Assert.Equal(2, await BulkInsert.InsertAsync(db, [org, person], ct));
            Assert.Equal(1, await BulkInsert.InsertAsync(db, [works], ct));
            Assert.Equal(1, await BulkInsert.InsertAsync(db, [conversation], ct));
            Assert.Equal(1, await BulkInsert.InsertAsync(db, [participant], ct));
            Assert.Equal(1, await BulkInsert.InsertAsync(db, [message], ct));
        }

        await using var read = database.Open(Actor.System);
        var back = await read.Parties.SingleAsync(p => p.Id == person.Id, ct);
        Assert.Equal((PartyKind.Person, "Åsa Ölund", owner, at, at.AddDays(1), 1L), (back.Kind, back.Name, back.OwnerPartyId, back.CreatedAt, back.UpdatedAt, back.Version));
        Assert.Equal(["asa@bulk.example"], back.Emails);
        Assert.Equal(["+46 8 123"], back.Phones);
        Assert.Null(back.Website);
        Assert.Equal(["hub", "bulk"], (await read.Parties.SingleAsync(p => p.Id == owner, ct)).Tags);
        Assert.Single(await read.Parties.Where(p => p.OwnerPartyId == owner && p.Tags.Contains("bulk")).ToListAsync(ct));
        Assert.Equal(2, await read.Parties.CountAsync(p => p.OwnerPartyId == owner && p.CreatedAt >= at && p.CreatedAt < at.AddTicks(10), ct));

        // The store's search index was fed too: the trigger on SQLite, the generated column on PostgreSQL.
        var found = await PartySearch.Match(read, PartySearch.Words(word), namesOnly: false).Select(p => p.Id).ToListAsync(ct);
        Assert.Equal([owner], found);

        var rel = await read.Relationships.SingleAsync(r => r.FromPartyId == person.Id, ct);
        Assert.Equal((works.Id, "works-for", at, (DateTime?)null), (rel.Id, rel.Kind, rel.Since, rel.Until));
        var inbox = await read.ConversationParticipants.Where(p => p.PartyId == owner).Select(p => p.Conversation!.Subject).ToListAsync(ct);
        Assert.Equal(["Bulk"], inbox);
        var thread = await read.Messages.Where(m => m.ConversationId == conversation.Id && m.OccurredAt <= at).SingleAsync(ct);
        Assert.Equal((message.Id, "<p>Hi</p>", (Guid?)null, Channels.Portal), (thread.Id, thread.BodyHtml, thread.AuthorAccountId, thread.Channel));
    }

    [Fact]
    public async Task OnSqliteEveryBulkWrittenTableStoresTheTextSaveChangesStores()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var probe = database.Open(Actor.System))
            if (probe.IsPostgres()) Assert.Skip("SQLite only: PostgreSQL's COPY takes typed values, not text.");
        var at = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1234567);
        var owner = new Party { Kind = PartyKind.Organization, Name = "Stored Text Org", IsMember = true, CreatedAt = at, UpdatedAt = at };
        owner.OwnerPartyId = owner.Id;
        owner.RefreshSearchText();
        await using (var db = database.Open(Actor.System))
        {
            db.Parties.Add(owner);
            await db.SaveChangesAsync(ct);
        }
        Party NewParty()
        {
            var p = new Party
            {
                Kind = PartyKind.Person, Name = "Zoë \"Quote\" O'Neil", Emails = ["zoe@text.example", "z@text.example"], Phones = [],
                Tags = ["ünïcode", "<b>&"], Website = null, PublicProfile = "Line\nbreak", OwnerPartyId = owner.Id, CreatedAt = at, UpdatedAt = at,
            };
            p.RefreshSearchText();
            return p;
        }
        var relationship = new Relationship { FromPartyId = owner.Id, ToPartyId = owner.Id, Kind = "partner", Since = at, OwnerPartyId = owner.Id, CreatedAt = at };
        Conversation NewConversation() => new() { Subject = "Stored", OwnerPartyId = owner.Id, CreatedAt = at, LastActivityAt = at, MessageCount = 3, LastMessageExcerpt = "€ 12,50" };
        var conversation = NewConversation();
        await using (var db = database.Open(Actor.System))
        {
            db.AddRange(relationship, conversation);
            await db.SaveChangesAsync(ct);
        }

        await AssertStoredAlikeAsync(NewParty);
        await AssertStoredAlikeAsync(() => new Relationship { FromPartyId = owner.Id, ToPartyId = owner.Id, Kind = "knows", Since = at, Until = at.AddDays(3), OwnerPartyId = owner.Id, CreatedAt = at });
        await AssertStoredAlikeAsync(() => new RelationshipEvent { RelationshipId = relationship.Id, Type = RelationshipEvent.Started, FromPartyId = owner.Id, ToPartyId = owner.Id, OccurredAt = at });
        await AssertStoredAlikeAsync(NewConversation);
        await AssertStoredAlikeAsync(() => new Message
        {
            ConversationId = conversation.Id, Body = "Hi", BodyHtml = "<p>Hi</p>", OccurredAt = at, CreatedAt = at, AuthorPartyId = owner.Id, OnBehalfOfPartyId = owner.Id,
        });
        // A participant's key is its conversation and party: each of the two rows joins a conversation of its own.
        await AssertStoredAlikeAsync(() =>
        {
            var joined = NewConversation();
            using var db = database.Open(Actor.System);
            db.Conversations.Add(joined);
            db.SaveChanges();
            return new ConversationParticipant { ConversationId = joined.Id, PartyId = owner.Id, AddedAt = at, LastActivityAt = at };
        });
    }

    /// <summary>Two rows made alike, one by SaveChanges and one by the bulk writer, store the same text in every non-key column.</summary>
    private async Task AssertStoredAlikeAsync<T>(Func<T> make) where T : class
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.Open(Actor.System);
        var table = BulkTable.For(db, typeof(T));
        var columns = table.Columns.Where(c => !c.Property.IsPrimaryKey()).Select(c => $"quote(\"{c.Name}\")");
        var select = $"SELECT {string.Join(" || '|' || ", columns)} AS \"Value\" FROM \"{table.Name}\" WHERE rowid = (SELECT max(rowid) FROM \"{table.Name}\")";
        db.Add(make());
        await db.SaveChangesAsync(ct);
        var saved = await db.Database.SqlQueryRaw<string>(select).SingleAsync(ct);
        Assert.Equal(1, await BulkInsert.InsertAsync(db, [make()], ct));
        var bulk = await db.Database.SqlQueryRaw<string>(select).SingleAsync(ct);
        Assert.Equal(saved, bulk);
    }

    [Fact]
    public async Task AFailingRowLeavesNothingOfItsBatch()
    {
        var ct = TestContext.Current.CancellationToken;
        var owner = Guid.CreateVersion7();
        var good = new Party { Kind = PartyKind.Person, Name = "Fine", OwnerPartyId = owner };
        var twin = new Party { Id = good.Id, Kind = PartyKind.Person, Name = "Same key", OwnerPartyId = owner };
        await using (var db = database.Open(Actor.System))
            await Assert.ThrowsAnyAsync<Exception>(() => BulkInsert.InsertAsync(db, [good, twin], ct));
        await using var read = database.Open(Actor.System);
        Assert.False(await read.Parties.AnyAsync(p => p.OwnerPartyId == owner, ct));
    }
}
