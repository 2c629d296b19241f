using System.Text;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Import;
using Mutual.Core.Parties;
using Mutual.Core.Relationships;

namespace Mutual.Core.Tests;

/// <summary>CSV import: same rules as the API, line-numbered issues that never stop the good rows, duplicates by email, no row cap.</summary>
public sealed class ImportTests(CoreDatabase database) : IClassFixture<CoreDatabase>
{
    private async Task<Actor> NewOrganizationAsync(string name)
    {
        await using var db = database.Open(Actor.System);
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var org = new Party { Kind = PartyKind.Organization, Name = name, IsMember = true, CreatedAt = now, UpdatedAt = now };
        org.OwnerPartyId = org.Id;
        org.RefreshSearchText();
        db.Parties.Add(org);
        await db.SaveChangesAsync();
        return new Actor(org.Id, Guid.Empty, Guid.CreateVersion7());
    }

    private Task<ImportResult> PartiesAsync(string csv, ImportOptions options) =>
        new PartyImport(database.Factory, database.Clock).RunAsync(new StringReader(csv), options, TestContext.Current.CancellationToken);

    private Task<ImportResult> RelationshipsAsync(string csv, ImportOptions options) =>
        new RelationshipImport(database.Factory, database.Clock).RunAsync(new StringReader(csv), options, TestContext.Current.CancellationToken);

    private async Task<List<Party>> BookAsync(Guid owner)
    {
        await using var db = database.Open(Actor.System);
        return await db.Parties.Where(p => p.OwnerPartyId == owner && p.Id != owner).OrderBy(p => p.Name).ToListAsync();
    }

    [Fact]
    public async Task CustomHeadersAreMappedAndBadRowsAreReportedByLineWhileGoodRowsLand()
    {
        var org = await NewOrganizationAsync("Mapping Org");
        var issues = new List<ImportIssue>();
        var csv = "\uFEFFFull Name;Mail;Type;Labels;Site\n"                      // 1: a byte-order mark, ';' as delimiter
            + "Ana Lima;ANA@lima.example;Person;\"vip;Lisbon\";lima.example\n"   // 2
            + "\"Multi\nLine\nCo\";info@multi.example;organization;\"b2b;eu\";\n" // 3–5: a quoted field spanning lines
            + "Bad Kind;bad@kind.example;alien;;\n"                              // 6
            + "\n"                                                               // 7: blank, skipped
            + ";nameless@x.example;person;;\n"                                   // 8: no name
            + "Bad Mail;not-an-email;person;;ftp://x.example\n"                  // 9: two bad fields, one bad row
            + "Last;last@x.example;person;\"a;A;b\";\n";                         // 10
        var result = await PartiesAsync(csv, new ImportOptions
        {
            Owner = org.PartyId, Delimiter = ';', BatchSize = 2, OnIssue = issues.Add,
            Map = new Dictionary<string, string> { ["name"] = "full name", ["email"] = "Mail", ["tags"] = "Labels", ["website"] = "Site" },
        });

        Assert.Null(result.Refusal);
        Assert.Equal((6L, 3L, 0L, 3L), (result.Rows, result.Inserted, result.Duplicates, result.BadRows));
        Assert.Equal([(6L, "Type"), (8L, "Full Name"), (9L, "Mail"), (9L, "Site")], issues.Select(i => (i.Line, i.Field)).ToList());
        Assert.Equal(issues, result.Issues);
        var book = (await BookAsync(org.PartyId)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(["Ana Lima", "Last", "Multi\nLine\nCo"], book.Select(p => p.Name).ToList());
        var ana = book[0];
        Assert.Equal((PartyKind.Person, "https://lima.example", false), (ana.Kind, ana.Website, ana.IsMember));
        Assert.Equal(["ana@lima.example"], ana.Emails);
        Assert.Equal(["vip", "lisbon"], ana.Tags);
        Assert.Equal(["a", "b"], book[1].Tags);
        Assert.Equal(PartyKind.Organization, book[2].Kind);
        // The search text is the one the API's create path writes.
        Assert.All(book, p => Assert.Equal(PartySearch.IndexText(p), p.SearchText));
    }

    [Fact]
    public async Task DuplicateEmailsInTheFileAndInTheBookAreSkippedAndCounted()
    {
        var org = await NewOrganizationAsync("Dedupe Org");
        await using (var db = database.Open(org))
            await new CreatePartyHandler(db, database.Clock).HandleAsync(new CreatePartyRequest("person", "Known", ["known@dedupe.example"], [], null, []));
        var issues = new List<ImportIssue>();
        var result = await PartiesAsync("""
            name,kind,email
            First,person,first@dedupe.example
            Again,person,FIRST@dedupe.example
            Known Again,person,known@dedupe.example
            Two Mails,person,two@dedupe.example; first@dedupe.example
            No Mail,person,
            No Mail,person,
            """, new ImportOptions { Owner = org.PartyId, OnIssue = issues.Add });

        Assert.Equal((6L, 3L, 3L, 0L), (result.Rows, result.Inserted, result.Duplicates, result.BadRows));
        Assert.Equal([3L, 4L, 5L], issues.Select(i => i.Line).ToList());
        Assert.All(issues, i => Assert.True(i.Duplicate));
        Assert.Contains("already on line 2", issues[0].Message, StringComparison.Ordinal);
        Assert.Contains("already in the book", issues[1].Message, StringComparison.Ordinal);
        // Rows without an email cannot be matched, so both land.
        Assert.Equal(["First", "Known", "No Mail", "No Mail"], (await BookAsync(org.PartyId)).Select(p => p.Name).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task ADryRunChecksEverythingAndWritesNothing()
    {
        var org = await NewOrganizationAsync("Dry Org");
        var result = await PartiesAsync("name,email\nDry One,one@dry.example\nDry Two,one@dry.example\n,x@dry.example\n",
            new ImportOptions { Owner = org.PartyId, Kind = "organization", DryRun = true });

        Assert.Equal((3L, 1L, 1L, 1L, true), (result.Rows, result.Inserted, result.Duplicates, result.BadRows, result.DryRun));
        Assert.Empty(await BookAsync(org.PartyId));
        await using var db = database.Open(Actor.System);
        Assert.False(await db.Outbox.AnyAsync(o => o.Type == "import.completed" && o.Data.Contains(org.PartyId.ToString())));
    }

    [Fact]
    public async Task AMissingColumnOrUnknownMappingRefusesTheFile()
    {
        var org = await NewOrganizationAsync("Refusing Org");
        var noKind = await PartiesAsync("name,email\nA,a@x.example\n", new ImportOptions { Owner = org.PartyId });
        Assert.Contains("kind", noKind.Refusal, StringComparison.Ordinal);
        var badMap = await PartiesAsync("name,kind\nA,person\n", new ImportOptions { Owner = org.PartyId, Map = new Dictionary<string, string> { ["name"] = "Nom" } });
        Assert.Contains("no column 'Nom'", badMap.Refusal, StringComparison.Ordinal);
        Assert.Empty(await BookAsync(org.PartyId));
    }

    [Fact]
    public async Task ImportedPartiesAreTheOwnersAndNoOneElses()
    {
        var org = await NewOrganizationAsync("Visible Org");
        var other = await NewOrganizationAsync("Other Org");
        var word = "Qx" + Guid.NewGuid().ToString("N")[..8];
        var result = await PartiesAsync($"name,kind,email\n{word} Imported,organization,hello@{word}.example\n", new ImportOptions { Owner = org.PartyId });
        Assert.Equal(1L, result.Inserted);
        var id = (await BookAsync(org.PartyId)).Single().Id;

        await using (var mine = database.Open(org))
        {
            Assert.True((await new GetPartyHandler(mine, database.Clock).HandleAsync(id)).IsOk);
            var found = await new ListPartiesHandler(mine, database.Clock).HandleAsync(new ListPartiesRequest(word, null, null, null, null, null));
            Assert.Equal([id], found.Value!.Items.Select(p => p.Id).ToList());
            var byEmail = await new ListPartiesHandler(mine, database.Clock).HandleAsync(new ListPartiesRequest($"hello {word}", null, null, null, null, null));
            Assert.Single(byEmail.Value!.Items);
        }
        await using (var theirs = database.Open(other))
        {
            Assert.Equal(OutcomeKind.NotFound, (await new GetPartyHandler(theirs, database.Clock).HandleAsync(id)).Kind);
            var found = await new ListPartiesHandler(theirs, database.Clock).HandleAsync(new ListPartiesRequest(word, null, null, null, null, null));
            Assert.Empty(found.Value!.Items);
        }
        await using var system = database.Open(Actor.System);
        var completed = await system.Outbox.Where(o => o.Type == "import.completed" && o.AudiencePartyIds.Contains(org.PartyId)).ToListAsync();
        Assert.Single(completed);
        Assert.Contains("\"inserted\":1", completed[0].Data, StringComparison.Ordinal);
        Assert.False(await system.Outbox.AnyAsync(o => o.Type == "party.created" && o.Data.Contains(id.ToString())));
    }

    [Fact]
    public async Task RelationshipsResolveEndsByEmailOrIdAndRejectUnknownPartiesAndKinds()
    {
        var org = await NewOrganizationAsync("Linking Org");
        var stranger = await NewOrganizationAsync("Stranger Org");
        Guid hidden;
        await using (var db = database.Open(stranger))
            hidden = (await new CreatePartyHandler(db, database.Clock).HandleAsync(new CreatePartyRequest("person", "Hidden", ["hidden@link.example"], [], null, []))).Value!.Id;
        await PartiesAsync("name,kind,email\nAna,person,ana@link.example\nAcme,organization,acme@link.example\n", new ImportOptions { Owner = org.PartyId });
        var acme = (await BookAsync(org.PartyId)).Single(p => p.Name == "Acme").Id;
        var issues = new List<ImportIssue>();
        var result = await RelationshipsAsync($"""
            from,to,kind,since
            ana@link.example,{acme},works-for,2024-05-31
            ANA@link.example,{acme},works-for,
            {acme},{org.PartyId},customer-of,
            nobody@link.example,{acme},knows,
            hidden@link.example,{acme},knows,
            {hidden},{acme},knows,
            ana@link.example,acme@link.example,hates,yesterday
            {acme},{acme},knows,
            """, new ImportOptions { Owner = org.PartyId, OnIssue = issues.Add, BatchSize = 1 });

        Assert.Equal((8L, 2L, 1L, 5L), (result.Rows, result.Inserted, result.Duplicates, result.BadRows));
        Assert.Equal([(3L, "kind"), (5L, "from"), (6L, "from"), (7L, "from"), (8L, "kind"), (8L, "since"), (9L, "to")],
            issues.Select(i => (i.Line, i.Field)).Order().ToList());
        Assert.Contains("'kind' must be one of", issues.Single(i => i.Line == 8 && i.Field == "kind").Message, StringComparison.Ordinal);

        await using var mine = database.Open(org);
        var list = await new RelationshipQueries(mine, database.Clock).ForPartyAsync(acme, activeOnly: false, null, null);
        var works = list.Value!.Items.Single(r => r.Kind == "works-for");
        Assert.Equal((new DateTime(2024, 5, 31, 0, 0, 0, DateTimeKind.Utc), org.PartyId, "Ana"), (works.Since, works.OwnerPartyId, works.FromParty.Name));
        Assert.Equal(2, list.Value.Items.Count);
        Assert.Equal(2, await mine.RelationshipEvents.CountAsync(e => e.Relationship!.OwnerPartyId == org.PartyId && e.Type == RelationshipEvent.Started));
    }

    [Fact]
    public async Task TwentyThousandRowsImportInOneGo()
    {
        var org = await NewOrganizationAsync("Bulk Org");
        var csv = new StringBuilder("name,kind,email,tags\n");
        for (var i = 0; i < 20_000; i++) csv.Append("Person ").Append(i).Append(",person,p").Append(i).Append("@bulk.example,imported\n");
        long progress = 0;
        var result = await PartiesAsync(csv.ToString(), new ImportOptions { Owner = org.PartyId, Progress = new Progress(n => progress = n) });

        Assert.Equal((20_000L, 20_000L, 0L, 0L), (result.Rows, result.Inserted, result.Duplicates, result.BadRows));
        Assert.Equal(20_000L, progress);
        await using var db = database.Open(org);
        Assert.Equal(20_000, await db.Parties.CountAsync(p => p.OwnerPartyId == org.PartyId && p.Tags.Contains("imported")));
    }

    [Fact]
    public async Task EveryBatchIsSearchableAndPartiesMadeAfterTheImportAreIndexedAsBefore()
    {
        var org = await NewOrganizationAsync("Indexed Org");
        var words = Enumerable.Range(0, 7).Select(_ => "Zq" + Guid.NewGuid().ToString("N")[..8]).ToList();
        var csv = "name,kind,email\n" + string.Concat(words.Select(w => $"{w} Ltd,organization,hi@{w}.example\n"));
        Assert.Equal(7L, (await PartiesAsync(csv, new ImportOptions { Owner = org.PartyId, BatchSize = 3 })).Inserted);

        var later = "Zq" + Guid.NewGuid().ToString("N")[..8];
        await using (var db = database.Open(org))
        {
            var now = database.Clock.GetUtcNow().UtcDateTime;
            var party = new Party { Kind = PartyKind.Organization, Name = later + " Made Later", OwnerPartyId = org.PartyId, CreatedAt = now, UpdatedAt = now };
            party.RefreshSearchText();
            db.Parties.Add(party);
            await db.SaveChangesAsync();
        }
        await using var mine = database.Open(org);
        foreach (var word in words.Append(later))
        {
            var found = await new ListPartiesHandler(mine, database.Clock).HandleAsync(new ListPartiesRequest(word, null, null, null, null, null));
            Assert.Single(found.Value!.Items);
        }
        await AssertSearchIndexIntactAsync();
    }

    [Fact]
    public async Task ABatchThatFailsLeavesNeitherRowsNorIndexEntriesAndTheIndexKeepsWorking()
    {
        var org = await NewOrganizationAsync("Failing Batch Org");
        var word = "Zq" + Guid.NewGuid().ToString("N")[..8];
        var now = database.Clock.GetUtcNow().UtcDateTime;
        Party New(string name)
        {
            var p = new Party { Kind = PartyKind.Person, Name = name, OwnerPartyId = org.PartyId, CreatedAt = now, UpdatedAt = now };
            p.RefreshSearchText();
            return p;
        }
        var first = New(word + " First");
        var clash = New(word + " Clash");
        clash.Id = org.PartyId; // a key that exists: the batch's insert fails half-way
        await using (var db = database.Open(Actor.System))
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => SqliteSearchIndex.InsertPartiesAsync(db, [first, clash], TestContext.Current.CancellationToken));
        Assert.Empty(await BookAsync(org.PartyId));

        await using (var db = database.Open(Actor.System))
            Assert.Equal(1, await SqliteSearchIndex.InsertPartiesAsync(db, [New(word + " Second")], TestContext.Current.CancellationToken));
        await using var mine = database.Open(org);
        var found = await new ListPartiesHandler(mine, database.Clock).HandleAsync(new ListPartiesRequest(word, null, null, null, null, null));
        Assert.Equal([word + " Second"], found.Value!.Items.Select(p => p.Name).ToList());
        await AssertSearchIndexIntactAsync();
    }

    /// <summary>On SQLite: the insert trigger is back and FTS5's own check finds the index in step with the table.</summary>
    private async Task AssertSearchIndexIntactAsync()
    {
        await using var db = database.Open(Actor.System);
        if (db.IsPostgres()) return;
        Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name = 'Parties_search_ai'").SingleAsync());
        await db.Database.ExecuteSqlRawAsync("INSERT INTO \"PartySearch\"(\"PartySearch\", rank) VALUES ('integrity-check', 1)");
    }

    /// <summary>Synchronous, unlike System.Progress, so the last report is in before the assertion.</summary>
    private sealed class Progress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
