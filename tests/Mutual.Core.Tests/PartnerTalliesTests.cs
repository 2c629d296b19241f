using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Channel;

namespace Mutual.Core.Tests;

/// <summary>A save's tally changes are written whatever their number: in statements small enough for either store.</summary>
public sealed class PartnerTalliesTests(CoreDatabase database) : IClassFixture<CoreDatabase>
{
    [Fact]
    public async Task ASaveTouchingThousandsOfPartnersStaysUnderTheStoresParameterLimits()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.Open(Actor.System);
        var owner = Guid.CreateVersion7();
        // 6,000 changes of 12 values each: more than SQLite's 32,766 and PostgreSQL's 65,535 parameters in one statement.
        var changes = Enumerable.Range(0, 6_000)
            .Select(_ => new PartnerTallies.Change(owner, Guid.CreateVersion7(), Tally.OfLead(LeadStatus.Assigned), null)).ToList();
        var last = new PartnerProfile { OwnerPartyId = owner, PartnerPartyId = changes[^1].Partner, Capacity = 5, UpdatedAt = database.Clock.GetUtcNow().UtcDateTime };
        db.PartnerProfiles.Add(last);
        await db.SaveChangesAsync(ct);

        await PartnerTallies.ApplyAsync(db, changes, ct);

        var kept = await db.PartnerProfiles.AsNoTracking().SingleAsync(p => p.Id == last.Id, ct);
        Assert.Equal(1, kept.LeadsOpen); // the last statement's change landed too
    }
}
