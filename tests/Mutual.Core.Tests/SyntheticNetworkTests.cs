using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Accounts;
using Mutual.Core.Conversations;
using Mutual.Core.Data;
using Mutual.Core.Demo.Synthetic;
using Mutual.Core.Parties;

namespace Mutual.Core.Tests;

/// <summary>A migrated database with a 2,000-party synthetic network loaded once (seed 42), on the fixture's fake clock.</summary>
public sealed class SyntheticDatabase : IAsyncLifetime
{
    public const int Parties = 2_000;
    public CoreDatabase Database { get; } = new();
    public SyntheticResult Result { get; private set; } = SyntheticResult.Refused("not loaded");

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        Result = await LoadAsync(Database, 42);
    }

    public static Task<SyntheticResult> LoadAsync(CoreDatabase database, int seed) =>
        SyntheticNetwork.LoadAsync(database.Factory, database.Clock, new AuthOptions(), new SyntheticSize(Parties), seed, null, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

public sealed class SyntheticNetworkTests(SyntheticDatabase synthetic) : IClassFixture<SyntheticDatabase>
{
    private const int Accounts = 8; // each adds a person and an employment

    private MutualDbContext System() => synthetic.Database.Open(Actor.System);

    [Fact]
    public async Task TheCountsAreTheRequestedSize()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.True(synthetic.Result.Loaded);
        await using var db = System();
        Assert.Equal(SyntheticDatabase.Parties + Accounts, await db.Parties.CountAsync(ct));
        Assert.Equal(5 * SyntheticDatabase.Parties + Accounts, await db.Relationships.CountAsync(ct));
        Assert.Equal(SyntheticDatabase.Parties / 5, await db.Conversations.CountAsync(ct));
        Assert.Equal(10 * SyntheticDatabase.Parties, await db.Messages.CountAsync(ct));
        Assert.Equal(Accounts, await db.Accounts.CountAsync(ct));
        Assert.Equal(4, await db.Parties.CountAsync(p => p.IsMember && p.Kind == PartyKind.Organization, ct));
        Assert.Equal(1, await db.Parties.CountAsync(p => p.IsHost, ct));
        // Every relationship has its "started" event, for timelines.
        Assert.Equal(await db.Relationships.CountAsync(ct), await db.RelationshipEvents.CountAsync(e => e.Type == "relationship.started", ct));
        Assert.Equal(await db.Relationships.CountAsync(r => r.Until != null, ct), await db.RelationshipEvents.CountAsync(e => e.Type == "relationship.ended", ct));
        Assert.Equal(["parties", "relationships", "relationship events", "conversations", "participants", "messages"], synthetic.Result.Tables.Select(t => t.Name));
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameNetworkAndAnotherSeedAnotherOne()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await SnapshotAsync(synthetic.Database, ct);
        await using var again = new CoreDatabase();
        await again.InitializeAsync();
        Assert.True((await SyntheticDatabase.LoadAsync(again, 42)).Loaded);
        Assert.Equal(first, await SnapshotAsync(again, ct));
        await using var other = new CoreDatabase();
        await other.InitializeAsync();
        Assert.True((await SyntheticDatabase.LoadAsync(other, 7)).Loaded);
        var third = await SnapshotAsync(other, ct);
        Assert.NotEqual(first.Parties, third.Parties);
        Assert.NotEqual(first.Messages, third.Messages);
    }

    private sealed record Snapshot(string Parties, string Relationships, string Messages);

    /// <summary>Generated rows only: the benchmark accounts' people are made by the normal set-up, with fresh ids.</summary>
    private static async Task<Snapshot> SnapshotAsync(CoreDatabase database, CancellationToken ct)
    {
        await using var db = database.Open(Actor.System);
        var people = await db.Accounts.Select(a => a.PersonPartyId).ToListAsync(ct);
        var parties = await db.Parties.Where(p => !people.Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.Id + " " + p.Name + " " + p.CreatedAt.Ticks).ToListAsync(ct);
        var relationships = await db.Relationships.Where(r => !people.Contains(r.FromPartyId)).OrderBy(r => r.Id)
            .Select(r => r.Id + " " + r.Kind + " " + r.FromPartyId + " " + r.ToPartyId).ToListAsync(ct);
        var messages = await db.Messages.OrderBy(m => m.Id).Select(m => m.Id + " " + m.AuthorPartyId + " " + m.Body).ToListAsync(ct);
        Assert.Equal(SyntheticDatabase.Parties, parties.Count);
        return new Snapshot(string.Join('\n', parties), string.Join('\n', relationships), string.Join('\n', messages));
    }

    [Fact]
    public async Task TheDegreeDistributionHasHubsAndManyLeaves()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = System();
        var ends = await db.Relationships.Select(r => new { r.FromPartyId, r.ToPartyId }).ToListAsync(ct);
        var degrees = ends.SelectMany(e => new[] { e.FromPartyId, e.ToPartyId }).CountBy(id => id).Select(p => p.Value).OrderBy(d => d).ToList();
        var median = degrees[degrees.Count / 2];
        Assert.True(degrees[^1] >= 20 * median, $"max degree {degrees[^1]}, median {median}");
        Assert.True(degrees.Count(d => d <= median) > degrees.Count / 2);
    }

    [Fact]
    public async Task EveryMessageIsWrittenForAParticipantByItselfOrItsPerson()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = System();
        var outsiders = await db.Messages.CountAsync(m => !db.ConversationParticipants.Any(p => p.ConversationId == m.ConversationId && p.PartyId == m.OnBehalfOfPartyId), ct);
        Assert.Equal(0, outsiders);
        var strangers = await db.Messages.CountAsync(m => m.AuthorPartyId != m.OnBehalfOfPartyId
            && !db.Relationships.Any(r => r.Kind == "works-for" && r.FromPartyId == m.AuthorPartyId && r.ToPartyId == m.OnBehalfOfPartyId), ct);
        Assert.Equal(0, strangers);
        // Each conversation's counters are its messages'.
        var wrong = await db.Conversations.CountAsync(c => c.MessageCount != db.Messages.Count(m => m.ConversationId == c.Id)
            || c.LastActivityAt != db.Messages.Where(m => m.ConversationId == c.Id).Max(m => m.OccurredAt)
            || c.Participants.Any(p => p.LastActivityAt != c.LastActivityAt), ct);
        Assert.Equal(0, wrong);
        Assert.True(await db.Messages.MaxAsync(m => m.OccurredAt, ct) <= synthetic.Database.Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task MessageHtmlIsWhatTheRendererMakesOfTheBody()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = System();
        foreach (var m in await db.Messages.OrderBy(m => m.Id).Take(300).ToListAsync(ct))
            Assert.Equal(ConversationRules.RenderBody(m.Body), m.BodyHtml);
    }

    [Fact]
    public async Task ATenantAdminFindsItsPartiesByNameAndReadsTheirTimelines()
    {
        var ct = TestContext.Current.CancellationToken;
        Actor actor;
        Party sample;
        await using (var db = System())
        {
            var account = await db.Accounts.SingleAsync(a => a.Email == "bench-admin@tenant1.example", ct);
            actor = SignInService.ToActor(account);
            var people = await db.Accounts.Select(a => a.PersonPartyId).ToListAsync(ct);
            // The busiest person in the tenant's book: it has relationships and messages.
            var busiest = await db.Messages.Where(m => m.AuthorPartyId == m.OnBehalfOfPartyId && m.OnBehalfOfPartyId != actor.PartyId)
                .Join(db.Parties.Where(p => p.OwnerPartyId == actor.PartyId && p.Kind == PartyKind.Person), m => m.AuthorPartyId, p => p.Id, (m, p) => p.Id)
                .GroupBy(id => id).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync(ct);
            sample = await db.Parties.SingleAsync(p => p.Id == busiest, ct);
        }

        await using var read = synthetic.Database.Open(actor);
        var clock = synthetic.Database.Clock;
        var listed = await new ListPartiesHandler(read, clock).HandleAsync(new ListPartiesRequest(sample.Name, null, null, null, 100, null), ct);
        Assert.True(listed.IsOk);
        Assert.Contains(listed.Value!.Items, p => p.Id == sample.Id);
        Assert.All(listed.Value.Items, p => Assert.Contains(sample.Name.Split(' ')[0], p.Name + " " + string.Join(' ', p.Emails)));
        var all = await new ListPartiesHandler(read, clock).HandleAsync(new ListPartiesRequest(null, null, null, null, 50, null), ct);
        Assert.Equal(50, all.Value!.Items.Count);

        // The whole timeline, page by page: the person's messages and the start of each of its relationships.
        var types = new HashSet<string>();
        string? cursor = null;
        do
        {
            var timeline = await new TimelineQuery(read).HandleAsync(sample.Id, 100, cursor, ct);
            Assert.True(timeline.IsOk);
            types.UnionWith(timeline.Value!.Items.Select(i => i.Type));
            cursor = timeline.Value.NextCursor;
        }
        while (cursor is not null);
        Assert.Contains(TimelineQuery.MessageType, types);
        Assert.Contains("relationship.started", types);
    }

    [Fact]
    public async Task ANonEmptyDatabaseIsRefused()
    {
        var again = await SyntheticDatabase.LoadAsync(synthetic.Database, 42);
        Assert.False(again.Loaded);
        Assert.Equal(SyntheticNetwork.NotEmpty, again.Refusal);
        await using var db = System();
        Assert.Equal(SyntheticDatabase.Parties + Accounts, await db.Parties.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("2000", 2_000)]
    [InlineData("100k", 100_000)]
    [InlineData("1M", 1_000_000)]
    [InlineData("1_000_000", 1_000_000)]
    public void SizesParse(string text, int parties) => Assert.Equal(parties, SyntheticSize.Parse(text)!.Parties);

    [Theory]
    [InlineData("")]
    [InlineData("ten")]
    [InlineData("5")]
    [InlineData("-100k")]
    [InlineData("100g")]
    public void NonsenseSizesAreRejected(string text) => Assert.Null(SyntheticSize.Parse(text));
}
