using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Cases;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>SLA clocks on cases, on the app's fake clock: its own app, since these tests move time by hours.</summary>
public sealed class CaseSlaTests(MutualApp app) : IClassFixture<MutualApp>
{
    private sealed record Cast(Member Seller, Member Partner, Guid Customer);

    private async Task<Cast> CastAsync()
    {
        var admin = await app.AdminAsync();
        var seller = await app.JoinAsync(admin, "Seller Co", "Sam Seller");
        var partner = await app.JoinAsync(admin, "Repair Partner", "Ria Repair");
        return new Cast(seller, partner, await seller.Client.CreatePartyAsync("person", "Carla Customer"));
    }

    private static Task<System.Text.Json.Nodes.JsonNode> OpenAsync(Cast c, string priority) =>
        c.Seller.Client.PostJson("/api/v1/cases", new { title = "Inverter fault", customerPartyId = c.Customer, description = "Error E42", priority });

    [Fact]
    public async Task ABreachedResponseTargetIsFlaggedAndAnnouncedOnce()
    {
        var c = await CastAsync();
        var urgent = await OpenAsync(c, "urgent");
        var answered = await OpenAsync(c, "urgent");
        await c.Seller.Client.PostJson($"/api/v1/cases/{answered.Id()}/replies", new { text = "On it." });
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        var sweep = app.Services.CreateScope().ServiceProvider.GetRequiredService<CaseSlaSweep>();
        Assert.True(await sweep.RunAsync() >= 1);
        await sweep.RunAsync();
        Assert.Equal(1, await app.OutboxCountAsync("case.sla_breached", urgent.Id()));
        Assert.Equal(0, await app.OutboxCountAsync("case.sla_breached", answered.Id()));
        var seller = await app.SignInAgainAsync(c.Seller);
        Assert.True((await seller.Client.GetJson($"/api/v1/cases/{urgent.Id()}"))["responseBreached"]!.GetValue<bool>());

        // Eight hours in, both miss resolution: each is announced once more, for resolution.
        app.Clock.Advance(TimeSpan.FromHours(7));
        await sweep.RunAsync();
        await sweep.RunAsync();
        Assert.Equal(2, await app.OutboxCountAsync("case.sla_breached", urgent.Id()));
        Assert.Equal(1, await app.OutboxCountAsync("case.sla_breached", answered.Id()));
    }

    [Fact]
    public async Task AHandOffStartsTheNewHoldersResponseClock()
    {
        var c = await CastAsync();
        var id = (await OpenAsync(c, "urgent")).Id();
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        var seller = await app.SignInAgainAsync(c.Seller);
        var handed = await seller.Client.PostJson($"/api/v1/cases/{id}/handoffs", new { toPartyId = c.Partner.OrganizationId, note = "Yours" }, HttpStatusCode.OK);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddHours(1), handed["respondBy"]!.GetValue<DateTime>());
        var sweep = app.Services.CreateScope().ServiceProvider.GetRequiredService<CaseSlaSweep>();
        app.Clock.Advance(TimeSpan.FromMinutes(31)); // past the seller's original target, not the partner's
        await sweep.RunAsync();
        Assert.Equal(0, await app.OutboxCountAsync("case.sla_breached", id));
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await sweep.RunAsync();
        await sweep.RunAsync();
        Assert.Equal(1, await app.OutboxCountAsync("case.sla_breached", id));
    }

    [Fact]
    public async Task BreachesLandOnTheTimelineAndTheReportChargesTheHolder()
    {
        var c = await CastAsync();
        var kept = (await OpenAsync(c, "urgent")).Id();
        var opened = await OpenAsync(c, "urgent");
        var missed = opened.Id();
        var handed = (await OpenAsync(c, "urgent")).Id();
        await c.Seller.Client.PostJson($"/api/v1/cases/{kept}/replies", new { text = "On it." });
        await c.Seller.Client.PostJson($"/api/v1/cases/{handed}/handoffs", new { toPartyId = c.Partner.OrganizationId, note = "Yours" }, HttpStatusCode.OK);
        // A third organization's case, which neither the seller nor the partner may count.
        var admin = await app.AdminAsync();
        var third = await app.JoinAsync(admin, "Third Org", "Theo Third");
        var hidden = (await third.Client.PostJson("/api/v1/cases", new { title = "Elsewhere", customerPartyId = await third.Client.CreatePartyAsync("person", "Tia"), description = "x", priority = "urgent" })).Id();

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        await app.Services.CreateScope().ServiceProvider.GetRequiredService<CaseSlaSweep>().RunAsync();
        var seller = await app.SignInAgainAsync(c.Seller);
        var line = (await seller.Client.GetJson($"/api/v1/cases/{missed}/timeline")).Items().Last()!;
        Assert.Equal(("breach", "response", c.Seller.OrganizationId), (line["kind"]!.GetValue<string>(), line["text"]!.GetValue<string>(), line["authorPartyId"]!.GetValue<Guid>()));
        var handedLine = (await seller.Client.GetJson($"/api/v1/cases/{handed}/timeline")).Items().Last()!;
        Assert.Equal(("breach", c.Partner.OrganizationId), (handedLine["kind"]!.GetValue<string>(), handedLine["authorPartyId"]!.GetValue<Guid>()));
        // The public view shows no breach lines.
        Assert.Equal(["received"], (await app.CreateClient().GetJson($"/api/v1/track/{opened["trackingCode"]!.GetValue<string>()}"))["stages"]!.AsArray().Select(s => s!["stage"]!.GetValue<string>()));

        var breached = (await seller.Client.GetJson("/api/v1/cases?breached=true")).Items().Select(x => x.Id()).ToList();
        Assert.Equal([handed, missed], breached);
        Assert.Equal([kept], (await seller.Client.GetJson("/api/v1/cases?breached=false")).Items().Select(x => x.Id()));

        var report = await seller.Client.GetJson("/api/v1/cases/sla");
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddDays(-90), report["since"]!.GetValue<DateTime>());
        var rows = report["organizations"]!.AsArray().Select(o => (o!["partyId"]!.GetValue<Guid>(), o["holdings"]!.GetValue<int>(),
            o["responseBreaches"]!.GetValue<int>(), o["resolutionBreaches"]!.GetValue<int>(), o["responseMetRate"]!.GetValue<double>())).ToList();
        Assert.Equal([(c.Seller.OrganizationId, 3, 1, 0, 0.6667), (c.Partner.OrganizationId, 1, 1, 0, 0.0)], rows);
        Assert.Equal("Seller Co", report["organizations"]![0]!["name"]!.GetValue<string>());
        Assert.DoesNotContain(third.OrganizationId.ToString(), report.ToJsonString(), StringComparison.Ordinal);
        var thirdReport = await (await app.SignInAgainAsync(third)).Client.GetJson("/api/v1/cases/sla");
        Assert.Equal([third.OrganizationId], thirdReport["organizations"]!.AsArray().Select(o => o!["partyId"]!.GetValue<Guid>()));
        Assert.Empty((await seller.Client.GetJson("/api/v1/cases/sla?since=2099-01-01T00:00:00Z"))["organizations"]!.AsArray());
        await (await seller.Client.GetAsync("/api/v1/cases/sla?since=yesterday")).Expect(HttpStatusCode.BadRequest);
        await (await seller.Client.GetAsync($"/api/v1/cases/{hidden}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ACustomerLinkExpiresAfterSevenDays()
    {
        var c = await CastAsync();
        var id = (await OpenAsync(c, "low")).Id();
        var token = (await c.Seller.Client.PostJson($"/api/v1/cases/{id}/customer-links", new { }))["token"]!.GetValue<string>();
        using var scope = app.Services.CreateScope();
        var links = scope.ServiceProvider.GetRequiredService<CaseCustomerLinks>();
        Assert.NotNull(await links.FindAsync(token));
        app.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Null(await links.FindAsync(token));
        Assert.Equal(Mutual.Core.Access.OutcomeKind.NotFound, (await links.ReplyAsync(token, "Too late")).Kind);
    }
}
