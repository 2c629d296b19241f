using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Access;
using Mutual.Core.Cases;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>The customer's side of a case: "my cases", confirming a resolution, reopening it, and one-time links for customers who are not signed in.</summary>
public sealed class CaseCustomerTests(MutualApp app) : IClassFixture<MutualApp>
{
    private sealed record Cast(Member Seller, Member Partner, Member Customer, Guid Case);

    private async Task<Cast> CastAsync(string priority = "normal")
    {
        var admin = await app.AdminAsync();
        var seller = await app.JoinAsync(admin, "Seller Co", "Sam Seller");
        var partner = await app.JoinAsync(admin, "Repair Partner", "Ria Repair");
        var customer = await app.JoinAsync(admin, "Customer Org", "Cleo Customer");
        var id = (await seller.Client.PostJson("/api/v1/cases", new { title = "Broken pump", customerPartyId = customer.OrganizationId, description = "No pressure", priority })).Id();
        return new Cast(seller, partner, customer, id);
    }

    private static async Task Resolve(HttpClient holder, Guid id) =>
        await (await holder.PatchAsJsonAsync($"/api/v1/cases/{id}", new { stage = "resolved" })).Expect(HttpStatusCode.OK);

    [Fact]
    public async Task TheCustomerConfirmsAResolvedCaseAndOnlyThen()
    {
        var c = await CastAsync();
        await (await c.Customer.Client.PostAsync($"/api/v1/cases/{c.Case}/confirm", null)).Expect((HttpStatusCode)422);
        await Resolve(c.Seller.Client, c.Case);
        await (await c.Seller.Client.PostAsync($"/api/v1/cases/{c.Case}/confirm", null)).Expect((HttpStatusCode)422);
        await (await c.Partner.Client.PostAsync($"/api/v1/cases/{c.Case}/confirm", null)).Expect(HttpStatusCode.NotFound);
        var updates = await app.OutboxCountAsync("case.updated", c.Case);
        var closed = await (await (await c.Customer.Client.PostAsync($"/api/v1/cases/{c.Case}/confirm", null)).Expect(HttpStatusCode.OK)).Json();
        Assert.Equal("closed", closed["stage"]!.GetValue<string>());
        Assert.Equal(updates + 1, await app.OutboxCountAsync("case.updated", c.Case));
        var last = (await c.Seller.Client.GetJson($"/api/v1/cases/{c.Case}/timeline")).Items().Last()!;
        Assert.Equal(("stage", "closed", c.Customer.OrganizationId), (last["kind"]!.GetValue<string>(), last["stage"]!.GetValue<string>(), last["authorPartyId"]!.GetValue<Guid>()));
        await (await c.Customer.Client.PostAsync($"/api/v1/cases/{c.Case}/confirm", null)).Expect((HttpStatusCode)422);
    }

    [Fact]
    public async Task ACustomerReplyReopensAResolvedCaseWithAFreshResponseClock()
    {
        var c = await CastAsync("high");
        await c.Seller.Client.PostJson($"/api/v1/cases/{c.Case}/replies", new { text = "Replaced the seal." });
        await Resolve(c.Seller.Client, c.Case);
        Assert.Null((await c.Seller.Client.GetJson($"/api/v1/cases/{c.Case}"))["respondBy"]);
        await c.Customer.Client.PostJson($"/api/v1/cases/{c.Case}/replies", new { text = "Still leaking." });
        var reopened = await c.Seller.Client.GetJson($"/api/v1/cases/{c.Case}");
        Assert.Equal("triage", reopened["stage"]!.GetValue<string>());
        Assert.Null(reopened["resolvedAt"]);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddHours(4), reopened["respondBy"]!.GetValue<DateTime>());
        var last = (await c.Seller.Client.GetJson($"/api/v1/cases/{c.Case}/timeline")).Items().Last()!;
        Assert.Equal(("reply", "triage"), (last["kind"]!.GetValue<string>(), last["stage"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ListsFilterByCustomerViewPriorityAndBreach()
    {
        var c = await CastAsync("urgent");
        var admin = await app.AdminAsync();
        var other = await app.JoinAsync(admin, "Other Vendor", "Olga Other");
        var second = (await other.Client.PostJson("/api/v1/cases", new { title = "Late invoice", customerPartyId = c.Customer.OrganizationId, description = "Where is it", priority = "low" })).Id();
        // My cases across vendors; the vendor itself is no customer of its own case.
        Assert.Equal([second, c.Case], (await c.Customer.Client.GetJson("/api/v1/cases?view=customer")).Items().Select(x => x.Id()));
        Assert.Empty((await c.Seller.Client.GetJson("/api/v1/cases?view=customer")).Items());
        Assert.Equal([c.Case], (await c.Customer.Client.GetJson("/api/v1/cases?view=customer&priority=urgent")).Items().Select(x => x.Id()));
        Assert.Empty((await c.Customer.Client.GetJson("/api/v1/cases?breached=true")).Items());
        Assert.Equal(2, (await c.Customer.Client.GetJson("/api/v1/cases?breached=false")).Items().Count);
        var problem = await (await (await c.Seller.Client.GetAsync("/api/v1/cases?view=mine&priority=asap&stage=lost")).Expect(HttpStatusCode.BadRequest)).Json();
        Assert.Equal(["priority", "stage", "view"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
        var breached = await (await (await c.Seller.Client.GetAsync("/api/v1/cases?breached=maybe")).Expect(HttpStatusCode.BadRequest)).Json();
        Assert.NotNull(breached["errors"]!["breached"]);
    }

    private T Use<T>(Func<CaseCustomerLinks, Task<T>> call)
    {
        // A scope without an HTTP request: the context acts for no one, like the public page's.
        using var scope = app.Services.CreateScope();
        return call(scope.ServiceProvider.GetRequiredService<CaseCustomerLinks>()).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task AOneTimeLinkLetsTheCustomerReplyOnceAndNeverShowsNotes()
    {
        var c = await CastAsync();
        await c.Seller.Client.PostJson($"/api/v1/cases/{c.Case}/notes", new { text = "SellerSecretNote" });
        await c.Seller.Client.PostJson($"/api/v1/cases/{c.Case}/handoffs", new { toPartyId = c.Partner.OrganizationId, note = "HandoffSecretNote" }, HttpStatusCode.OK);
        await c.Partner.Client.PostJson($"/api/v1/cases/{c.Case}/notes", new { text = "PartnerSecretNote" });
        await (await c.Seller.Client.PostAsync($"/api/v1/cases/{c.Case}/customer-links", null)).Expect((HttpStatusCode)422); // no longer the holder
        await (await c.Customer.Client.PostAsync($"/api/v1/cases/{c.Case}/customer-links", null)).Expect((HttpStatusCode)422);
        var issued = await (await (await c.Partner.Client.PostAsync($"/api/v1/cases/{c.Case}/customer-links", null)).Expect(HttpStatusCode.Created)).Json();
        var token = issued["token"]!.GetValue<string>();
        Assert.Equal(22, token.Length);
        Assert.Equal($"/track/reply/{token}", issued["path"]!.GetValue<string>());
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddDays(7), issued["expiresAt"]!.GetValue<DateTime>());

        var view = Use(l => l.FindAsync(token));
        Assert.NotNull(view);
        Assert.Equal((true, false, "Repair Partner"), (view.CanReply, view.CanConfirm, view.Case.Holder));
        var seen = JsonSerializer.Serialize(view);
        foreach (var secret in new[] { "SellerSecretNote", "HandoffSecretNote", "PartnerSecretNote" }) Assert.DoesNotContain(secret, seen, StringComparison.Ordinal);
        Assert.Null(Use(l => l.FindAsync(token[..21] + (token[21] == 'A' ? 'B' : 'A'))));
        Assert.Equal(OutcomeKind.Invalid, Use(l => l.ReplyAsync(token, " ")).Kind); // a refused reply does not use the link up

        var updates = await app.OutboxCountAsync("case.updated", c.Case);
        var replied = Use(l => l.ReplyAsync(token, "Thanks, works again."));
        Assert.True(replied.IsOk);
        Assert.Contains(replied.Value!.Replies, r => r is { From: "customer", Text: "Thanks, works again." });
        Assert.Equal(updates + 1, await app.OutboxCountAsync("case.updated", c.Case));
        // Used: unknown from now on, for reading and for a second use.
        Assert.Null(Use(l => l.FindAsync(token)));
        Assert.Equal(OutcomeKind.NotFound, Use(l => l.ReplyAsync(token, "Again")).Kind);
        Assert.Equal(OutcomeKind.NotFound, Use(l => l.ConfirmAsync(token)).Kind);
        var reply = (await c.Partner.Client.GetJson($"/api/v1/cases/{c.Case}/timeline")).Items().Last(e => e!["kind"]!.GetValue<string>() == "reply")!;
        Assert.Equal(c.Customer.OrganizationId, reply["authorPartyId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task ALinkConfirmsAResolutionAndTwoConcurrentUsesDoNotBothSucceed()
    {
        var c = await CastAsync();
        await Resolve(c.Seller.Client, c.Case);
        var token = (await (await c.Seller.Client.PostAsync($"/api/v1/cases/{c.Case}/customer-links", null)).Json())["token"]!.GetValue<string>();
        Assert.Equal((true, true), Use(l => l.FindAsync(token)) is { } v ? (v.CanReply, v.CanConfirm) : default);
        var race = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Use(l => l.ConfirmAsync(token)))));
        Assert.Single(race, r => r.IsOk);
        Assert.Equal("closed", (await c.Seller.Client.GetJson($"/api/v1/cases/{c.Case}"))["stage"]!.GetValue<string>());
        Assert.Single((await c.Seller.Client.GetJson($"/api/v1/cases/{c.Case}/timeline")).Items(), e => e!["stage"]?.GetValue<string>() == "closed");
        // A closed case takes no link.
        await (await c.Seller.Client.PostAsync($"/api/v1/cases/{c.Case}/customer-links", null)).Expect((HttpStatusCode)422);
    }
}
