using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Parties;

namespace Mutual.Core.Tests;

/// <summary>
/// A party search takes one of two plans (every match read first when the word is rare; the book walked by name and
/// each entry checked when it is common): on SQLite by the count of matches in the network, on PostgreSQL by whether a
/// bounded walk fills the page. Both give the same pages, in name order, with cursors that join without gaps, and never
/// a party of another book.
/// </summary>
public sealed class SearchPlanTests(CoreDatabase database) : IClassFixture<CoreDatabase>
{
    [Fact]
    public async Task CommonAndRareWordPlansGiveTheSamePages()
    {
        var word = "Qz" + Guid.NewGuid().ToString("N")[..8];
        var (actor, expected) = await SeedAsync(word);
        await using var db = database.Open(actor);
        var walked = await PagesAsync(new ListPartiesHandler(db, database.Clock) { SearchWalkAbove = 5 }, word);
        var matchedFirst = await PagesAsync(new ListPartiesHandler(db, database.Clock) { SearchWalkAbove = int.MaxValue }, word);
        Assert.Equal(expected.Order(), walked.Order());
        Assert.Equal(matchedFirst, walked);
        // On SQLite the low threshold really takes the walk (more than five matches in the network); PostgreSQL's
        // planner chooses for itself, so there the knob changes nothing.
        Assert.Equal(!db.IsPostgres(), await PartySearch.MatchesManyAsync(db, PartySearch.Words(word), 5, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ABoundedWalkThatFallsShortReadsTheMatchesAndGivesTheSamePages()
    {
        var word = "Qz" + Guid.NewGuid().ToString("N")[..8];
        var (actor, matching) = await SeedAsync(word);
        await using var db = database.Open(actor);
        var organization = matching[0];
        var expected = await NameOrderAsync(matching);
        // A walk of two entries never fills a page of three, so every page is read from the matches (PostgreSQL); a
        // walk longer than the book fills every page but the last; SQLite ignores the knob.
        foreach (var probe in new[] { 2, 20, int.MaxValue })
        {
            var handler = new ListPartiesHandler(db, database.Clock) { SearchWalkProbe = probe };
            Assert.Equal(expected, await PagesAsync(handler, word));
            Assert.Equal(expected.Where(id => id != organization), await PagesAsync(handler, word, "person"));
            Assert.Equal([organization], await PagesAsync(handler, word, "organization"));
            Assert.Empty(await PagesAsync(handler, "Qz" + Guid.NewGuid().ToString("N")[..8]));
        }
    }

    [Fact]
    public async Task TheActorsOwnProfileOutsideTheBookIsListedOnlyWhenItMatches()
    {
        var word = "Qz" + Guid.NewGuid().ToString("N")[..8];
        var (actor, _) = await SeedAsync(word);
        await using var db = database.Open(actor);
        // Both words match more than five parties in the network, so at 5 the book is walked (SQLite) and at
        // int.MaxValue the matches are read first; the own profile is checked on its own either way.
        foreach (var walkAbove in new[] { 5, int.MaxValue })
        {
            var handler = new ListPartiesHandler(db, database.Clock) { SearchWalkAbove = walkAbove };
            Assert.Contains(actor.PersonPartyId, await PagesAsync(handler, word));
            var plain = await PagesAsync(handler, "plain");
            Assert.NotEmpty(plain);
            Assert.DoesNotContain(actor.PersonPartyId, plain);
        }
    }

    private static async Task<List<Guid>> PagesAsync(ListPartiesHandler handler, string word, string? kind = null)
    {
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = (await handler.HandleAsync(new ListPartiesRequest(word, null, null, kind, 3, cursor))).Value!;
            seen.AddRange(page.Items.Select(p => p.Id));
            cursor = page.NextCursor;
        } while (cursor is not null);
        return seen;
    }

    private async Task<List<Guid>> NameOrderAsync(List<Guid> ids)
    {
        await using var db = database.Open(Actor.System);
        var parties = await db.Parties.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync();
        return parties.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p => p.Id).ToList();
    }

    /// <summary>
    /// A book of 40 parties, 14 of them matching the word (13 by name, spread through the name order, the first an
    /// organization; one by email), 20 matching parties in another book, which must never show, and the acting person's
    /// own profile, which matches.
    /// </summary>
    private async Task<(Actor Actor, List<Guid> Matching)> SeedAsync(string word)
    {
        await using var db = database.Open(Actor.System);
        var now = database.Clock.GetUtcNow().UtcDateTime;
        Party New(string name, Guid? owner, string? email = null)
        {
            var p = new Party { Kind = PartyKind.Person, Name = name, CreatedAt = now, UpdatedAt = now, IsMember = owner is null };
            p.OwnerPartyId = owner ?? p.Id;
            if (email is not null) p.Emails.Add(email);
            p.RefreshSearchText();
            db.Parties.Add(p);
            return p;
        }
        var org = New("Search Plan Org", null);
        var other = New("Other Plan Org", null);
        var matching = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            var hit = i % 3 == 0;
            var p = i == 39 ? New($"Zed {i:00}", org.Id, $"zed@{word}.example")
                : New(hit ? $"{(char)('A' + i % 26)}lex {word} {i:00}" : $"{(char)('A' + i % 26)}lex Plain {i:00}", org.Id);
            if (i == 0) p.Kind = PartyKind.Organization;
            if (hit || i == 39) matching.Add(p.Id);
        }
        for (var i = 0; i < 20; i++) New($"Elsewhere {word} {i:00}", other.Id);
        var me = New($"Mia {word} Self", null); // the acting person's own profile: in no book but its own
        matching.Add(me.Id);
        await db.SaveChangesAsync();
        return (new Actor(org.Id, me.Id, Guid.CreateVersion7()), matching);
    }
}
