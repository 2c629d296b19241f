using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Access;
using Mutual.Core.Consent;
using Mutual.Core.Data;
using Mutual.Core.Individuals;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>
/// The Core queries behind the individual's pages (no API of their own): the access-log chart counts only the
/// individual's own reads, and My vendors is the individual's alone.
/// </summary>
public sealed class IndividualViewsTests(MutualApp app) : IClassFixture<MutualApp>
{
    [Fact]
    public async Task TheReadsPerVendorChartCountsOnlyTheIndividualsOwnLogWithinThirtyDays()
    {
        var (ida, vendor) = await app.BuyerAndVendorAsync();
        var bob = await app.RegisterAsync("Bob Other");
        await ida.GrantAsync(vendor.OrganizationId, ["contact.email"]);
        await vendor.Client.GetJson($"/api/v1/parties/{ida.PartyId}/profile");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await vendor.Client.GetJson($"/api/v1/parties/{ida.PartyId}/profile");

        await using (var db = await OpenAsync(new Actor(ida.PartyId, ida.PartyId, Guid.NewGuid())))
        {
            var rows = await new AccessLogSummary(db).ByReaderAsync(30);
            var row = Assert.Single(rows);
            Assert.Equal(vendor.OrganizationId, row.Reader.Id);
            Assert.Equal(2, row.Reads);
        }
        await using (var db = await OpenAsync(new Actor(bob.PartyId, bob.PartyId, Guid.NewGuid())))
            Assert.Empty(await new AccessLogSummary(db).ByReaderAsync(30));
        await using (var db = await OpenAsync(new Actor(vendor.OrganizationId, vendor.PersonId, Guid.NewGuid())))
            Assert.Empty(await new AccessLogSummary(db).ByReaderAsync(30)); // the reader does not see the log of its reads

        app.Clock.Advance(TimeSpan.FromDays(31));
        await using (var db = await OpenAsync(new Actor(ida.PartyId, ida.PartyId, Guid.NewGuid())))
            Assert.Empty(await new AccessLogSummary(db).ByReaderAsync(30));
    }

    [Fact]
    public async Task MyVendorsListsTheOrganizationsAnIndividualSharesWithAndIsRefusedToAnOrganization()
    {
        var (ida, vendor) = await app.BuyerAndVendorAsync();
        var consent = await ida.GrantAsync(vendor.OrganizationId, ["contact.email"], ["no-sharing"]);

        await using (var db = await OpenAsync(new Actor(ida.PartyId, ida.PartyId, Guid.NewGuid())))
        {
            var vendors = await new MyVendors(db, app.Clock).ListAsync();
            var v = Assert.Single(vendors.Value!);
            Assert.Equal(vendor.OrganizationId, v.Vendor.Id);
            Assert.Equal(consent, Assert.Single(v.Consents).Id);
            Assert.Equal(ConsentStatus.Proffered, v.Consents[0].Status);
        }
        await using (var db = await OpenAsync(new Actor(vendor.OrganizationId, vendor.PersonId, Guid.NewGuid())))
            Assert.Equal(OutcomeKind.Unprocessable, (await new MyVendors(db, app.Clock).ListAsync()).Kind);
    }

    private async Task<MutualDbContext> OpenAsync(Actor actor)
    {
        var db = await app.Services.GetRequiredService<IDbContextFactory<MutualDbContext>>().CreateDbContextAsync();
        db.Actor = actor;
        db.Clock = app.Clock;
        return db;
    }
}
