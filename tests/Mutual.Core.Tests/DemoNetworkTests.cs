using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Accounts;
using Mutual.Core.Channel;
using Mutual.Core.Commerce;
using Mutual.Core.Conversations;
using Mutual.Core.Data;
using Mutual.Core.Demo;
using Mutual.Core.Parties;

namespace Mutual.Core.Tests;

/// <summary>A migrated database with the demo network loaded once, on the fixture's fake clock.</summary>
public sealed class DemoDatabase : IAsyncLifetime
{
    public CoreDatabase Database { get; } = new();
    public DemoResult Result { get; private set; } = DemoResult.Refused("not loaded");
    public IDbContextFactory<MutualDbContext> Factory => Database.Factory;

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        Result = await LoadAsync(Database);
    }

    public static Task<DemoResult> LoadAsync(CoreDatabase database) =>
        DemoNetwork.LoadAsync(database.Factory, database.Clock, new AuthOptions(), TestContext.Current.CancellationToken);

    public async Task<Actor> ActorAsync(string email)
    {
        await using var db = Database.Open(Actor.System);
        return SignInService.ToActor(await db.Accounts.SingleAsync(a => a.Email == email));
    }

    public async Task<Guid> PartyAsync(string name)
    {
        await using var db = Database.Open(Actor.System);
        return await db.Parties.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    public async Task<Guid> ConversationAsync(string subject)
    {
        await using var db = Database.Open(Actor.System);
        return await db.Conversations.Where(c => c.Subject == subject).Select(c => c.Id).SingleAsync();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

public sealed partial class DemoNetworkTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private static readonly string[] InvitedEmails =
    [
        "ana@globex.example", "jonas@baltic-automation.example", "carmen@iberia-industrial.example",
        "petr@steelworks-ostrava.example", "joanna@initech.example", "tom.becker@mail.example", "maria.santos@mail.example",
    ];

    [Fact]
    public async Task DemoIsARealisticTwoWayNetwork()
    {
        Assert.True(demo.Result.Loaded);
        await using var db = demo.Database.Open(Actor.System);
        var host = await db.Parties.SingleAsync(p => p.IsHost);
        Assert.Equal(DemoNetwork.HostName, host.Name);
        Assert.Equal(12, await db.Accounts.CountAsync()); // four staff, seven invited, one who signed up
        Assert.Equal(12, demo.Result.Accounts.Count);
        Assert.Equal(demo.Result.Parties, await db.Parties.CountAsync());
        Assert.True(await db.Parties.CountAsync(p => p.Kind == PartyKind.Organization) >= 11);

        var relationships = await db.Relationships.ToListAsync();
        Assert.Equal(demo.Result.Relationships, relationships.Count);
        foreach (var kind in new[] { "customer-of", "supplier-of", "partner-of", "reseller-of", "competitor-of", "knows", "referred", "works-for" })
            Assert.Contains(relationships, r => r.Kind == kind);
        Assert.True(relationships.Count(r => r.Until is not null) >= 2, "Ended relationships are kept as history.");

        var tags = (await db.Parties.Select(p => p.Tags).ToListAsync()).SelectMany(t => t).ToHashSet();
        Assert.Superset(new HashSet<string> { "key-account", "at-risk", "eu", "automotive" }, tags);

        var conversations = await db.Conversations.ToListAsync();
        var messages = await db.Messages.ToListAsync();
        Assert.True(conversations.Count >= 30);
        Assert.Equal(demo.Result.Messages, messages.Count);
        Assert.All(conversations, c => Assert.InRange(c.MessageCount, 2, 6));
        Assert.Equal(Channels.All.Order(), messages.Select(m => m.Channel).Concat(conversations.Select(c => c.Channel)).Distinct().Order());

        // Both sides speak: every invited account wrote in its own name, for its organization or itself.
        var invited = await db.Accounts.Where(a => InvitedEmails.Contains(a.Email)).ToListAsync();
        Assert.Equal(InvitedEmails.Length, invited.Count);
        Assert.All(invited, a => Assert.Contains(messages, m => m.AuthorAccountId == a.Id && m.OnBehalfOfPartyId == a.ActingPartyId));
        Assert.True(messages.Count(m => m.OnBehalfOfPartyId != host.Id) >= 30);

        // Spread over the last four months, and each inbox ordered by its latest message.
        var now = demo.Database.Clock.GetUtcNow().UtcDateTime;
        Assert.All(messages, m => Assert.InRange(m.OccurredAt, now.AddDays(-130), now));
        Assert.True(messages.Max(m => m.OccurredAt) - messages.Min(m => m.OccurredAt) > TimeSpan.FromDays(90));
        var latest = messages.GroupBy(m => m.ConversationId).ToDictionary(g => g.Key, g => g.Max(m => m.OccurredAt));
        Assert.All(conversations, c => Assert.Equal(latest[c.Id], c.LastActivityAt));
    }

    [Fact]
    public async Task PartnerSeesOnlyConversationsItsOrganizationTakesPartIn()
    {
        var jonas = await demo.ActorAsync("jonas@baltic-automation.example");
        List<Guid> expected;
        await using (var system = demo.Database.Open(Actor.System))
            expected = await system.ConversationParticipants.Where(p => p.PartyId == jonas.PartyId || p.PartyId == jonas.PersonPartyId)
                .Select(p => p.ConversationId).Distinct().ToListAsync();

        await using var db = demo.Database.Open(jonas);
        var inbox = (await new ConversationQueries(db).ListAsync(200, null)).Value!.Items;
        Assert.True(expected.Count >= 6);
        Assert.Equal(expected.Order(), inbox.Select(c => c.Id).Order());

        var prospect = await demo.PartyAsync("Vandelay Imports");
        Assert.False(await db.Parties.AnyAsync(p => p.Id == prospect));
        Assert.DoesNotContain(inbox, c => c.ParticipantPartyIds.Contains(prospect));
        foreach (var subject in new[] { "Vandelay Imports — first contact", "Apex Motion — competitive notes", "Quote Q-2291: 40 SD-400 servo drives for Line 3" })
            Assert.Equal(OutcomeKind.NotFound, (await new ConversationQueries(db).GetAsync(await demo.ConversationAsync(subject))).Kind);
    }

    [Fact]
    public async Task HostDoesNotSeeThePartnersOwnLeadOrItsTalksWithACustomer()
    {
        var hannah = await demo.ActorAsync("hannah@northwind.example");
        var ana = await demo.ActorAsync("ana@globex.example");
        var partnerAndCustomer = await demo.ConversationAsync("Commissioning support for Globex in Poznań");
        var lead = await demo.PartyAsync("Riga Dairy Cooperative");

        await using (var db = demo.Database.Open(hannah))
        {
            Assert.False(await db.Parties.AnyAsync(p => p.Id == lead));
            Assert.Equal(OutcomeKind.NotFound, (await new ConversationQueries(db).GetAsync(partnerAndCustomer)).Kind);
            Assert.Equal(OutcomeKind.NotFound, (await new ConversationQueries(db).GetAsync(await demo.ConversationAsync("Lead: Riga Dairy Cooperative"))).Kind);
        }
        await using (var db = demo.Database.Open(ana))
        {
            var messages = (await new ConversationQueries(db).MessagesAsync(partnerAndCustomer, null, null)).Value!.Items;
            Assert.Equal(["Jonas Petrauskas", "Ana Lima", "Jonas Petrauskas", "Ana Lima"], messages.Select(m => m.Author.Name));
        }
    }

    [Fact]
    public async Task DemoHasALivelyPipelineAcrossBothPartners()
    {
        var hannah = await demo.ActorAsync("hannah@northwind.example");
        var jonas = await demo.ActorAsync("jonas@baltic-automation.example");
        var now = demo.Database.Clock.GetUtcNow().UtcDateTime;
        await using (var db = demo.Database.Open(hannah))
        {
            Assert.Equal(2, (await new PartnerProfiles(db, demo.Database.Clock).ListAsync(50, null)).Value!.Items.Count);
            Assert.Equal(["Large projects in Iberia", "Baltics fast lane"], (await new RoutingRules(db, demo.Database.Clock).ListAsync()).Select(r => r.Name));
            var leads = (await new LeadQueries(db).ListAsync(LeadQueries.ViewBook, null, null, 50, null)).Value!.Items;
            Assert.Equal(12, leads.Count);
            foreach (var status in new[] { LeadStatus.Won, LeadStatus.Lost, LeadStatus.Accepted, LeadStatus.Contacted, LeadStatus.Qualified })
                Assert.Contains(leads, l => l.Status == status);
            var waiting = Assert.Single(leads, l => l.Status == LeadStatus.Assigned);
            Assert.InRange(waiting.AcceptBy!.Value, now.AddHours(1), now.AddHours(24)); // still open for a while after loading

            var pipeline = await new LeadQueries(db).PipelineAsync();
            Assert.Equal(["Baltic Automation", "Iberia Industrial Services"], pipeline.Partners.Select(p => p.Partner.Name));
            Assert.All(pipeline.Partners, p => Assert.True(p.WonValue > 0 && p.OpenValue > 0));
            Assert.Equal(1, pipeline.Unassigned);
            var queued = await new LeadQueries(db).GetAsync(leads.Single(l => l.Status == LeadStatus.Unassigned).Id);
            Assert.Equal(HopOutcome.Declined, Assert.Single(queued.Value!.Hops!).Outcome);
        }
        await using (var db = demo.Database.Open(jonas))
        {
            var inbox = (await new LeadQueries(db).ListAsync(LeadQueries.ViewInbox, null, null, 50, null)).Value!.Items;
            Assert.NotEmpty(inbox);
            Assert.All(inbox, l => Assert.Equal(jonas.PartyId, l.AssignedPartnerPartyId));
        }
    }

    [Fact]
    public async Task LoadingIntoADatabaseWithAccountsIsRefused()
    {
        var again = await DemoDatabase.LoadAsync(demo.Database);
        Assert.False(again.Loaded);
        Assert.Equal(DemoNetwork.AlreadySetUp, again.Refusal);
        await using var db = demo.Database.Open(Actor.System);
        Assert.Equal(demo.Result.Parties, await db.Parties.CountAsync());
        Assert.Equal(demo.Result.Messages, await db.Messages.CountAsync());
    }

    [Fact]
    public async Task DemoIsTheSameNetworkEveryTime()
    {
        Assert.Equal("hannah@northwind.example", demo.Result.Accounts[0].Email);
        Assert.True(demo.Result.Accounts[0].IsAdmin);
        Assert.Contains(new DemoAccount("ana@globex.example", "Ana Lima", "Globex Manufacturing", false), demo.Result.Accounts);
        Assert.Contains(new DemoAccount("maria.santos@mail.example", "Maria Santos", "Maria Santos", false), demo.Result.Accounts);

        var other = new CoreDatabase();
        await other.InitializeAsync();
        try
        {
            var second = await DemoDatabase.LoadAsync(other);
            // Tracking codes are random; the showcase case is the same one.
            Assert.Equal(demo.Result, second with { Accounts = demo.Result.Accounts, Track = demo.Result.Track });
            Assert.Equal(demo.Result.Track!.Title, second.Track!.Title);
            Assert.Equal(demo.Result.Accounts, second.Accounts);
            Assert.Equal(await ShapeAsync(demo.Database), await ShapeAsync(other));
        }
        finally
        {
            await other.DisposeAsync();
        }
    }

    [Fact]
    public async Task ACustomerBrowsesTheHostsCataloguePricedForTheirCountry()
    {
        var ana = await demo.ActorAsync("ana@globex.example");
        var host = await demo.PartyAsync(DemoNetwork.HostName);
        await using var db = demo.Database.Open(ana);
        var products = (await new CatalogueService(db, TimeProvider.System).ListAsync(null, host, 50, null)).Value!.Items;
        Assert.InRange(products.Count, 5, 8);
        Assert.All(products, p => Assert.True(p.Active));
        Assert.All(products, p => Assert.NotNull(CommerceRules.PriceFor(p.Prices, x => x.Region, "DE")));
        Assert.Contains(products, p => p.Prices.Any(x => x.Region == "US" && x.Currency == "USD"));
    }

    [Fact]
    public async Task OrdersWentToThePartnerCoveringTheDeliveryCountryAndEachSideSeesItsOwn()
    {
        var host = await demo.PartyAsync(DemoNetwork.HostName);
        await using (var db = demo.Database.Open(await demo.ActorAsync("hannah@northwind.example")))
        {
            var sales = (await new OrderService(db, TimeProvider.System).ListAsync("seller", null, 50, null)).Value!.Items;
            Assert.Equal(["delivered", "handed_off", "shipped"], sales.Select(o => o.Status).Order(StringComparer.Ordinal));
            Assert.All(sales, o => Assert.Equal(host, o.SellerPartyId));
            Assert.Equal(("Baltic Automation", "LT"), sales.Where(o => o.Status == "delivered").Select(o => (o.Partner.Name, o.Country)).Single());
            Assert.Equal("Iberia Industrial Services", sales.Single(o => o.Status == "shipped").Partner.Name);
        }
        await using (var db = demo.Database.Open(await demo.ActorAsync("jonas@baltic-automation.example")))
        {
            var toDeliver = (await new OrderService(db, TimeProvider.System).ListAsync("partner", null, 50, null)).Value!.Items;
            Assert.Equal(["delivered", "handed_off"], toDeliver.Select(o => o.Status).Order(StringComparer.Ordinal));
        }
        await using (var db = demo.Database.Open(await demo.ActorAsync("ana@globex.example")))
            Assert.Equal("delivered", Assert.Single((await new OrderService(db, TimeProvider.System).ListAsync("customer", null, 50, null)).Value!.Items).Status);
    }

    /// <summary>Everything but ids: names, edges, conversation subjects with their authors, leads, and cases with their timelines.</summary>
    private static async Task<List<string>> ShapeAsync(CoreDatabase database)
    {
        await using var db = database.Open(Actor.System);
        var names = await db.Parties.ToDictionaryAsync(p => p.Id, p => p.Name);
        var shape = names.Values.Select(n => "party " + n).ToList();
        shape.AddRange((await db.Relationships.ToListAsync()).Select(r => $"{names[r.FromPartyId]} {r.Kind} {names[r.ToPartyId]} {r.Since:O} {r.Until:O}"));
        var subjects = await db.Conversations.ToDictionaryAsync(c => c.Id, c => c.Subject);
        shape.AddRange((await db.Messages.ToListAsync()).Select(m => $"{subjects[m.ConversationId]} {names[m.AuthorPartyId]} {m.OccurredAt:O} {m.Body.Length}"));
        shape.AddRange((await db.Leads.ToListAsync()).Select(l => $"lead {l.Title} {l.Status} {(l.AssignedPartnerPartyId is { } p ? names[p] : "-")} {l.WonValue} {l.RoutingReason}"));
        var titles = await db.Cases.ToDictionaryAsync(c => c.Id, c => c.Title);
        shape.AddRange((await db.Cases.ToListAsync()).Select(c => $"case {c.Title} {c.Stage} {c.Priority} {names[c.HolderPartyId]} {c.ResponseBreachedAt:O} {c.ResolutionBreachedAt:O}"));
        shape.AddRange((await db.CaseEntries.ToListAsync()).Select(e => $"case {titles[e.CaseId]} {e.Kind} {names[e.AuthorPartyId]} {e.At:O} {e.Stage} {e.Text?.Length}"));
        shape.Sort(StringComparer.Ordinal);
        return shape;
    }
}
