using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Discovery;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

public sealed class FactsTests(MutualApp app) : IClassFixture<MutualApp>
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task AFactGoesFromFreshToAgingToStaleAsTheClockMovesAndAConfirmationRefreshesIt()
    {
        var admin = await app.AdminAsync();
        var party = await admin.CreatePartyAsync("organization", "Perishable Co");
        var fact = await admin.PostJson($"/api/v1/parties/{party}/facts", new { key = "need.seats", value = "40", source = "call with buyer" });
        Assert.Equal("fresh", fact["freshness"]!.GetValue<string>());
        Assert.Equal(90, fact["shelfLifeDays"]!.GetValue<int>());
        Assert.Equal(Now.AddDays(90), fact["expiresAt"]!.GetValue<DateTime>().ToUniversalTime(), TimeSpan.FromSeconds(1));
        var id = fact.Id();

        app.Clock.Advance(TimeSpan.FromDays(67));
        admin = await app.AdminAsync();
        Assert.Equal("fresh", (await admin.GetJson($"/api/v1/facts/{id}"))["freshness"]!.GetValue<string>());
        app.Clock.Advance(TimeSpan.FromDays(1));
        admin = await app.AdminAsync();
        Assert.Equal("aging", (await admin.GetJson($"/api/v1/facts/{id}"))["freshness"]!.GetValue<string>());
        Assert.DoesNotContain(id, (await admin.GetJson("/api/v1/discovery/stale?limit=200")).Items().Select(f => f.Id()));
        app.Clock.Advance(TimeSpan.FromDays(22));
        admin = await app.AdminAsync();
        Assert.Equal("stale", (await admin.GetJson($"/api/v1/facts/{id}"))["freshness"]!.GetValue<string>());
        Assert.Contains(id, (await admin.GetJson("/api/v1/discovery/stale?limit=200")).Items().Select(f => f.Id()));

        var confirmed = await admin.PostJson($"/api/v1/facts/{id}/confirm", new { }, HttpStatusCode.OK);
        Assert.Equal("fresh", confirmed["freshness"]!.GetValue<string>());
        Assert.Equal(Now, confirmed["confirmedAt"]!.GetValue<DateTime>().ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(id, (await admin.GetJson("/api/v1/discovery/stale?limit=200")).Items().Select(f => f.Id()));
    }

    [Fact]
    public async Task TheStaleQueueListsTheLongestExpiredFirst()
    {
        var admin = await app.AdminAsync();
        var party = await admin.CreatePartyAsync("organization", "Queue Co");
        var older = (await admin.PostJson($"/api/v1/parties/{party}/facts", new { key = "budget.total", value = "10k", source = "email", learnedAt = Now.AddDays(-200) })).Id();
        var newer = (await admin.PostJson($"/api/v1/parties/{party}/facts", new { key = "budget.q3", value = "4k", source = "email", learnedAt = Now.AddDays(-70) })).Id();
        var fresh = (await admin.PostJson($"/api/v1/parties/{party}/facts", new { key = "budget.q4", value = "5k", source = "email" })).Id();
        var queue = (await admin.GetJson("/api/v1/discovery/stale?limit=200")).Items().Select(f => f.Id()).ToList();
        Assert.True(queue.IndexOf(older) < queue.IndexOf(newer) && queue.IndexOf(older) >= 0);
        Assert.DoesNotContain(fresh, queue);
    }

    [Fact]
    public async Task TheSubjectCorrectsASharedFactAndTheHistoryKeepsTheOldValue()
    {
        var admin = await app.AdminAsync();
        var customer = await app.JoinAsync(admin, "Truthful Customer", "Cora Customer");
        var shared = (await admin.PostJson($"/api/v1/parties/{customer.OrganizationId}/facts",
            new { key = "contact.billing-email", value = "old@truthful.test", source = "import", sharedWithSubject = true })).Id();
        var hidden = (await admin.PostJson($"/api/v1/parties/{customer.OrganizationId}/facts",
            new { key = "preference.discount-sensitivity", value = "high", source = "sales notes" })).Id();

        var aboutUs = (await customer.Client.GetJson("/api/v1/discovery/shared-with-me")).Items().Select(f => f.Id()).ToList();
        Assert.Contains(shared, aboutUs);
        Assert.DoesNotContain(hidden, aboutUs);
        Assert.DoesNotContain(hidden, (await customer.Client.GetJson($"/api/v1/parties/{customer.OrganizationId}/facts")).Items().Select(f => f.Id()));
        await (await customer.Client.GetAsync($"/api/v1/facts/{hidden}")).Expect(HttpStatusCode.NotFound);
        await (await customer.Client.PostAsJsonAsync($"/api/v1/facts/{hidden}/confirm", new { value = "low" })).Expect(HttpStatusCode.NotFound);
        await (await customer.Client.DeleteAsync($"/api/v1/facts/{shared}")).Expect(HttpStatusCode.NotFound);

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var corrected = await customer.Client.PostJson($"/api/v1/facts/{shared}/confirm", new { value = "billing@truthful.test" }, HttpStatusCode.OK);
        Assert.Equal("billing@truthful.test", corrected["value"]!.GetValue<string>());
        Assert.Equal(customer.OrganizationId, corrected["confirmedByPartyId"]!.GetValue<Guid>());

        var seenByOwner = await admin.GetJson($"/api/v1/facts/{shared}");
        Assert.Equal("billing@truthful.test", seenByOwner["value"]!.GetValue<string>());
        var history = (await admin.GetJson($"/api/v1/facts/{shared}/history")).Items();
        Assert.Equal(["recorded", "corrected"], history.Select(h => h!["kind"]!.GetValue<string>()).ToList());
        Assert.Equal(["old@truthful.test", "billing@truthful.test"], history.Select(h => h!["value"]!.GetValue<string>()).ToList());
        Assert.Equal("Truthful Customer", history[1]!["by"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ShelfLivesComeFromTheBooksRulesSetByAdmins()
    {
        var admin = await app.AdminAsync();
        await admin.PutAsJsonAsync("/api/v1/discovery/shelf-lives/demand.*", new { days = 30 }).ContinueWith(t => t.Result.Expect(HttpStatusCode.OK)).Unwrap();
        var party = await admin.CreatePartyAsync("organization", "Rules Co");
        Assert.Equal(30, (await admin.PostJson($"/api/v1/parties/{party}/facts", new { key = "demand.racks", value = "3", source = "form" }))["shelfLifeDays"]!.GetValue<int>());
        Assert.Equal(365, (await admin.PostJson($"/api/v1/parties/{party}/facts", new { key = "contact.phone", value = "+1 555", source = "form" }))["shelfLifeDays"]!.GetValue<int>());
        Assert.Equal(7, (await admin.PostJson($"/api/v1/parties/{party}/facts", new { key = "demand.racks-urgent", value = "1", source = "form", shelfLifeDays = 7 }))["shelfLifeDays"]!.GetValue<int>());
        var rules = await admin.GetJson("/api/v1/discovery/shelf-lives");
        Assert.Contains(rules.AsArray(), r => r!["pattern"]!.GetValue<string>() == "demand.*" && r["days"]!.GetValue<int>() == 30 && !r["isDefault"]!.GetValue<bool>());

        var member = await app.JoinAsync(admin, "Not Admin Org", "Nia NotAdmin");
        await (await member.Client.PutAsJsonAsync("/api/v1/discovery/shelf-lives/need.*", new { days = 1 })).Expect(HttpStatusCode.UnprocessableEntity);
        await (await admin.PutAsJsonAsync("/api/v1/discovery/shelf-lives/Bad Key!", new { days = 1 })).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task BadFactsAreRefusedWithFieldErrors()
    {
        var admin = await app.AdminAsync();
        var party = await admin.CreatePartyAsync("organization", "Strict Co");
        var response = await admin.PostAsJsonAsync($"/api/v1/parties/{party}/facts", new { key = "Need Seats", value = "", source = "", shelfLifeDays = 0, learnedAt = Now.AddDays(3) });
        await response.Expect(HttpStatusCode.BadRequest);
        var errors = (await response.Json())["errors"]!.AsObject();
        foreach (var field in new[] { "key", "value", "source", "shelfLifeDays", "learnedAt" }) Assert.True(errors.ContainsKey(field), field);
        Assert.Empty((await admin.GetJson($"/api/v1/parties/{party}/facts")).Items());
        await (await admin.PostAsJsonAsync($"/api/v1/parties/{Guid.CreateVersion7()}/facts", new { key = "a", value = "b", source = "c" })).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StaleFactsAreAnnouncedOnceThroughTheOutbox()
    {
        var admin = await app.AdminAsync();
        var party = await admin.CreatePartyAsync("organization", "Announced Co");
        var id = (await admin.PostJson($"/api/v1/parties/{party}/facts", new { key = "renewal.date", value = "2027-01", source = "contract", shelfLifeDays = 2 })).Id();
        var sweep = app.Services.GetRequiredService<StaleFactSweep>();
        await sweep.RunAsync();
        Assert.Equal(0, await app.OutboxCountAsync("fact.stale", id));
        app.Clock.Advance(TimeSpan.FromDays(2));
        await sweep.RunAsync();
        await sweep.RunAsync();
        Assert.Equal(1, await app.OutboxCountAsync("fact.stale", id));
        admin = await app.AdminAsync();
        await admin.PostJson($"/api/v1/facts/{id}/confirm", new { }, HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromDays(3));
        await sweep.RunAsync();
        Assert.Equal(2, await app.OutboxCountAsync("fact.stale", id));
    }
}
