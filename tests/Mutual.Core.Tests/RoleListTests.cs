using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Parties;
using Mutual.Core.Relationships;

namespace Mutual.Core.Tests;

/// <summary>
/// The party list's role filter takes one of two plans (ids from the relationships' side when the role is rare, the book
/// walked by name when it is common): both give the same pages, in name order, with cursors that join without gaps.
/// </summary>
public sealed class RoleListTests(CoreDatabase database) : IClassFixture<CoreDatabase>
{
    [Fact]
    public async Task RareAndCommonRolePlansGiveTheSamePagesWhenTheRoleSortsLast()
    {
        var (actor, customers) = await SeedAsync();
        await using var db = database.Open(actor);
        var rare = await PagesAsync(new ListPartiesHandler(db, database.Clock));
        var common = await PagesAsync(new ListPartiesHandler(db, database.Clock) { RoleProbeLimit = 1 });
        Assert.Equal(customers, rare);
        Assert.Equal(customers, common);
    }

    private static async Task<List<Guid>> PagesAsync(ListPartiesHandler handler)
    {
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = (await handler.HandleAsync(new ListPartiesRequest(null, "customer", null, null, 2, cursor))).Value!;
            Assert.All(page.Items, p => Assert.Contains("customer", p.Roles));
            seen.AddRange(page.Items.Select(p => p.Id));
            cursor = page.NextCursor;
        } while (cursor is not null);
        return seen;
    }

    /// <summary>
    /// A book of 30 parties of which the five customers sort last; one more customer's relationship has ended, one is a
    /// supplier, and a customer in another book is not listed. The actor's own organization is a customer too (a self row).
    /// </summary>
    private async Task<(Actor Actor, List<Guid> Customers)> SeedAsync()
    {
        await using var db = database.Open(Actor.System);
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var seed = new BookSeed(db, now);
        Party New(string name, Guid? owner = null) => seed.Organization(name, owner);
        void Relate(Party from, Party to, string kind, Guid owner, DateTime? until = null) => seed.Relate(from, to, kind, owner, until);

        var org = New("Zz Role Org " + Guid.NewGuid().ToString("N")[..6]);
        var other = New("Other Book Org");
        var staff = New("Aa Staff", org.Id);
        for (var i = 0; i < 20; i++) New($"Aa Plain {i:D2}", org.Id);
        var customers = Enumerable.Range(0, 5).Select(i => New($"Zz Customer {i}", org.Id)).ToList();
        foreach (var c in customers) Relate(c, org, "customer-of", org.Id);
        Relate(customers[2], other, "customer-of", org.Id); // a second customer relationship lists it once
        Relate(New("Zz Ended Customer", org.Id), org, "customer-of", org.Id, until: now.AddDays(-1));
        Relate(New("Zz Supplier", org.Id), org, "supplier-of", org.Id);
        Relate(New("Zz Elsewhere", other.Id), other, "customer-of", other.Id);
        Relate(org, other, "customer-of", other.Id); // visible to the actor as an end: its own record plays the role
        await db.SaveChangesAsync();
        var expected = customers.Append(org).OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p => p.Id).ToList();
        return (new Actor(org.Id, staff.Id, Guid.CreateVersion7()), expected);
    }
}
