using Mutual.Core.Access;
using Mutual.Core.Parties;
using Mutual.Core.Relationships;

namespace Mutual.Core.Tests;

/// <summary>A party's role chips: every kind gives its ends their roles, from the active relationships the actor can see.</summary>
public sealed class PartyRolesTests(CoreDatabase database) : IClassFixture<CoreDatabase>
{
    [Fact]
    public async Task EveryKindGivesEachEndItsRoleOnceAndOnlyWhileActiveAndVisible()
    {
        var now = database.Clock.GetUtcNow().UtcDateTime;
        await using var seed = database.Open(Actor.System);
        var book = new BookSeed(seed, now);
        Party New(string name, Guid? owner = null) => book.Organization(name, owner);
        void Relate(Party from, Party to, string kind, Guid owner, DateTime? until = null) => book.Relate(from, to, kind, owner, until);

        var org = New("Roles Org");
        var other = New("Roles Other Book");
        var staff = New("Roles Staff", org.Id);
        var ends = RelationshipKinds.All.Select(k => (Kind: k, From: New("From " + k.Name, org.Id), To: New("To " + k.Name, org.Id))).ToList();
        foreach (var (kind, from, to) in ends) Relate(from, to, kind.Name, org.Id);
        var hub = New("Roles Hub", org.Id); // many employees, one chip
        for (var i = 0; i < 30; i++) Relate(New($"Roles Employee {i}", org.Id), hub, "works-for", org.Id);
        Relate(hub, other, "customer-of", org.Id);
        var ended = New("Roles Ended", org.Id);
        Relate(ended, other, "supplier-of", org.Id, until: now.AddDays(-1));
        var hidden = New("Roles Hidden", org.Id); // its partner-of is recorded in the other book, with the actor at neither end
        Relate(hidden, other, "partner-of", other.Id);
        await seed.SaveChangesAsync();

        await using var db = database.Open(new Actor(org.Id, staff.Id, Guid.CreateVersion7()));
        var ids = ends.SelectMany(e => new[] { e.From.Id, e.To.Id }).Concat([hub.Id, ended.Id, hidden.Id]).ToList();
        var roles = await PartyRoles.LoadAsync(db, ids, now, TestContext.Current.CancellationToken);

        foreach (var (kind, from, to) in ends)
        {
            Assert.Equal(kind.FromRole is { } fr ? [fr] : [], roles[from.Id]);
            Assert.Equal(kind.ToRole is { } tr ? [tr] : [], roles[to.Id]);
        }
        Assert.Equal(["customer", "employer"], roles[hub.Id]);
        Assert.Empty(roles[ended.Id]);
        Assert.Empty(roles[hidden.Id]);
    }
}
