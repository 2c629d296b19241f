using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Conversations;
using Mutual.Core.Parties;
using Mutual.Core.Relationships;

namespace Mutual.Core.Tests;

/// <summary>The access rule as query filters on a real database: what each actor's context can and cannot read.</summary>
public sealed class AccessRuleTests(CoreDatabase database) : IClassFixture<CoreDatabase>
{
    private static Actor ActorFor(Guid party) => new(party, Guid.CreateVersion7(), Guid.CreateVersion7());

    private async Task<(Guid Host, Guid Partner, Guid Prospect)> SeedAsync()
    {
        await using var db = database.Open(Actor.System);
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var host = new Party { Kind = PartyKind.Organization, Name = "Host", IsMember = true, CreatedAt = now, UpdatedAt = now };
        host.OwnerPartyId = host.Id;
        var partner = new Party { Kind = PartyKind.Organization, Name = "Partner", IsMember = true, OwnerPartyId = host.Id, CreatedAt = now, UpdatedAt = now };
        var prospect = new Party { Kind = PartyKind.Person, Name = "Private Prospect", Emails = ["p@x.test"], OwnerPartyId = host.Id, CreatedAt = now, UpdatedAt = now };
        foreach (var p in new[] { host, partner, prospect }) p.RefreshSearchText();
        db.Parties.AddRange(host, partner, prospect);
        await db.SaveChangesAsync();
        return (host.Id, partner.Id, prospect.Id);
    }

    [Fact]
    public async Task AnonymousContextSeesNoParties()
    {
        var (host, _, prospect) = await SeedAsync();
        await using var db = database.Open(Actor.Anonymous);
        Assert.False(await db.Parties.AnyAsync(p => p.Id == host || p.Id == prospect));
    }

    [Fact]
    public async Task PartnerSeesMembersAndItselfButNotTheHostsProspect()
    {
        var (host, partner, prospect) = await SeedAsync();
        await using var db = database.Open(ActorFor(partner));
        var visible = await db.Parties.Where(p => p.Id == host || p.Id == partner || p.Id == prospect).Select(p => p.Id).ToListAsync();
        Assert.Contains(host, visible);
        Assert.Contains(partner, visible);
        Assert.DoesNotContain(prospect, visible);
        Assert.Empty(await PartySearch.Match(db, ["private"], namesOnly: false).Where(p => p.Id == prospect).ToListAsync());
    }

    [Fact]
    public async Task HostFindsItsProspectByFullTextSearchPrefix()
    {
        var (host, _, prospect) = await SeedAsync();
        await using var db = database.Open(ActorFor(host));
        var found = await PartySearch.Match(db, ["priv", "prosp"], namesOnly: false).Select(p => p.Id).ToListAsync();
        Assert.Contains(prospect, found);
        Assert.Empty(await PartySearch.Match(db, ["priv", "zzz"], namesOnly: false).Where(p => p.Id == prospect).ToListAsync());
    }

    [Fact]
    public async Task ConversationIsVisibleToItsParticipantsOnly()
    {
        var (host, partner, prospect) = await SeedAsync();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        Guid conversationId;
        await using (var db = database.Open(ActorFor(host)))
        {
            var c = new Conversation { Subject = "Deal", OwnerPartyId = host, CreatedAt = now, LastActivityAt = now };
            c.Participants.Add(new ConversationParticipant { PartyId = host, AddedAt = now, LastActivityAt = now });
            c.Participants.Add(new ConversationParticipant { PartyId = prospect, AddedAt = now, LastActivityAt = now });
            db.Conversations.Add(c);
            await db.SaveChangesAsync();
            conversationId = c.Id;
        }
        await using (var db = database.Open(ActorFor(partner)))
        {
            Assert.False(await db.Conversations.AnyAsync(c => c.Id == conversationId));
            Assert.False(await db.ConversationParticipants.AnyAsync(p => p.ConversationId == conversationId));
            Assert.False(await db.Messages.AnyAsync(m => m.ConversationId == conversationId));
        }
        await using (var db = database.Open(ActorFor(host)))
        {
            Assert.True(await db.Conversations.AnyAsync(c => c.Id == conversationId));
            // Only the actor's own participant row, unless the co-participants are read on purpose.
            Assert.Equal(1, await db.ConversationParticipants.CountAsync(p => p.ConversationId == conversationId));
            Assert.Equal(2, await db.ConversationParticipants.IgnoreQueryFilters([AccessRules.OwnParticipantRows]).CountAsync(p => p.ConversationId == conversationId));
        }
    }

    [Fact]
    public async Task RelationshipIsVisibleToBothEndsAndItsOwner()
    {
        var (host, partner, prospect) = await SeedAsync();
        var stranger = Guid.CreateVersion7();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        Guid id;
        await using (var db = database.Open(ActorFor(host)))
        {
            var r = new Relationship { FromPartyId = partner, ToPartyId = prospect, Kind = "knows", Since = now, OwnerPartyId = host, CreatedAt = now };
            db.Relationships.Add(r);
            await db.SaveChangesAsync();
            id = r.Id;
        }
        foreach (var (actor, expected) in new[] { (host, true), (partner, true), (stranger, false) })
        {
            await using var db = database.Open(ActorFor(actor));
            Assert.Equal(expected, await db.Relationships.AnyAsync(r => r.Id == id));
        }
    }
}
