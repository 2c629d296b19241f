using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Consent;
using Mutual.Core.Data;
using Mutual.Core.Individuals;

namespace Mutual.Core.Tests;

/// <summary>The demo's buy side: individuals with their own profiles, consents under their terms, and the reads they allowed.</summary>
public sealed partial class DemoNetworkTests
{
    private async Task<MutualDbContext> AsAsync(string email)
    {
        var db = demo.Database.Open(await demo.ActorAsync(email));
        db.Clock = demo.Database.Clock;
        return db;
    }

    [Fact]
    public async Task IndividualsKeepProfilesAndShareThemUnderTheirOwnTerms()
    {
        foreach (var email in new[] { "tom.becker@mail.example", "maria.santos@mail.example", "sofia.lindqvist@mail.example" })
        {
            await using var db = await AsAsync(email);
            Assert.True(db.Actor.IsIndividual());
            var profile = (await new MyProfile(db, demo.Database.Clock).GetAsync()).Value!;
            Assert.NotEmpty(profile.Addresses);
            Assert.True(profile.Version >= 1, $"{email} saved a profile.");
        }

        await using (var maria = await AsAsync("maria.santos@mail.example"))
        {
            var grants = (await new Consents(maria).ListAsync(null, 50, null)).Value!.Items;
            var order = Assert.Single(grants, g => g.Grantee.Name == "Northwind Components");
            Assert.Equal(ConsentStatus.Active, order.Status);
            Assert.Equal("accepted", order.Terms!.Decision!.Action);
            Assert.Equal(ConsentStatus.Revoked, Assert.Single(grants, g => g.Grantee.Name == "Iberia Industrial Services").Status);
            var log = (await new SharedProfiles(maria).LogAsync(50, null)).Value!.Items;
            Assert.Equal(["Iberia Industrial Services", "Northwind Components"], log.Select(e => e.Reader.Name).Distinct().Order());
        }

        // The host reads Tom's email and phone but no address; Iberia lost Maria's data with the revocation;
        // Baltic has not accepted Sofia's terms, so nothing flows yet.
        var tom = await demo.PartyAsync("Tom Becker");
        await using (var host = await AsAsync("daniel@northwind.example"))
        {
            var shared = (await new SharedProfiles(host).ReadAsync(tom)).Value!;
            Assert.NotEmpty(shared.Emails!);
            Assert.NotEmpty(shared.Phones!);
            Assert.Null(shared.Addresses);
        }
        await using (var iberia = await AsAsync("carmen@iberia-industrial.example"))
            Assert.Equal(OutcomeKind.NotFound, (await new SharedProfiles(iberia).ReadAsync(await demo.PartyAsync("Maria Santos"))).Kind);
        await using (var baltic = await AsAsync("jonas@baltic-automation.example"))
        {
            Assert.Equal(OutcomeKind.NotFound, (await new SharedProfiles(baltic).ReadAsync(await demo.PartyAsync("Sofia Lindqvist"))).Kind);
            var pending = Assert.Single((await new Consents(baltic).ListAsync(ConsentStatus.Proffered, 50, null)).Value!.Items);
            Assert.Equal(["intent-only", "no-marketing"], pending.Terms!.Agreements.Select(a => a.Id));
            Assert.Contains("conveyors", (await new VendorProfiles(baltic, demo.Database.Clock).GetAsync()).Value!.Categories);
        }
    }

    [Fact]
    public async Task IndividualsCastIntentsThatVendorsAnswerUnderAPseudonym()
    {
        await using (var sofia = await AsAsync("sofia.lindqvist@mail.example"))
        {
            var mine = (await new Intents.Intents(sofia).ListAsync(null, false, 50, null)).Value!.Items;
            var conveyor = Assert.Single(mine);
            Assert.Equal(("open", 2), (conveyor.Status, conveyor.OfferCount));
            var offers = (await new Intents.Offers(sofia).ListAsync(conveyor.Id, 50, null)).Value!.Items;
            Assert.Equal(["Baltic Automation", "Northwind Components"], offers.Select(o => o.Vendor.Name).Order());
        }
        await using (var baltic = await AsAsync("jonas@baltic-automation.example"))
        {
            var open = (await new Intents.Intents(baltic).ListAsync(null, false, 50, null)).Value!.Items;
            var conveyor = Assert.Single(open, i => i.Title.Contains("conveyor", StringComparison.Ordinal));
            Assert.Null(conveyor.Owner); // pseudonymous until Sofia reveals herself or accepts
            Assert.StartsWith("Buyer ", conveyor.Buyer, StringComparison.Ordinal);
            Assert.Equal("Baltic Automation", Assert.Single((await new Intents.Offers(baltic).ListAsync(conveyor.Id, 50, null)).Value!.Items).Vendor.Name);
        }
        await using (var tom = await AsAsync("tom.becker@mail.example"))
        {
            var overhaul = Assert.Single((await new Intents.Intents(tom).ListAsync(null, false, 50, null)).Value!.Items);
            Assert.Equal("accepted", overhaul.Status);
            Assert.NotNull(overhaul.ConversationId);
            await using var host = await AsAsync("daniel@northwind.example");
            Assert.Equal("Tom Becker", (await new Intents.Intents(host).GetAsync(overhaul.Id)).Value!.Owner!.Name);
            Assert.True(await host.Conversations.AnyAsync(c => c.Id == overhaul.ConversationId));
        }
        // Maria's visit is in Portugal, which Northwind does not serve: it never sees the intent.
        await using (var maria = await AsAsync("maria.santos@mail.example"))
        {
            var visit = Assert.Single((await new Intents.Intents(maria).ListAsync("open", false, 50, null)).Value!.Items);
            await using var host = await AsAsync("daniel@northwind.example");
            Assert.Equal(OutcomeKind.NotFound, (await new Intents.Intents(host).GetAsync(visit.Id)).Kind);
        }
    }
}
