using System.Net;
using System.Text.RegularExpressions;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>
/// The public tracking page /track/{code}: server-rendered HTML without script; anyone with the code reads stages and
/// public replies, never notes, hand-off notes or contact details; the signed-in customer answers from it with a form.
/// </summary>
public sealed partial class TrackPageTests(MutualApp app) : IClassFixture<MutualApp>
{
    private sealed record Cast(Member Seller, Member Partner, Member Customer, Guid CaseId, string Code);

    private async Task<Cast> CastAsync()
    {
        var admin = await app.AdminAsync();
        var seller = await app.JoinAsync(admin, "Seller Co", "Sam Seller");
        var partner = await app.JoinAsync(admin, "Repair Partner", "Ria Repair");
        var customer = await app.JoinAsync(admin, "Customer Org", "Cleo Customer");
        var opened = await seller.Client.PostJson("/api/v1/cases", new { title = "Pump has no pressure", customerPartyId = customer.OrganizationId, description = "Since Monday" });
        return new Cast(seller, partner, customer, opened.Id(), opened["trackingCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnyoneWithTheCodeReadsStagesAndRepliesButNoNotesNorContacts()
    {
        var c = await CastAsync();
        await c.Seller.Client.PostJson($"/api/v1/cases/{c.CaseId}/notes", new { text = "Seller-only remark" });
        await c.Seller.Client.PostJson($"/api/v1/cases/{c.CaseId}/replies", new { text = "We are on it." });
        await c.Seller.Client.PostJson($"/api/v1/cases/{c.CaseId}/handoffs", new { toPartyId = c.Partner.OrganizationId, note = "Between us: warranty void" }, HttpStatusCode.OK);
        await c.Partner.Client.PostJson($"/api/v1/cases/{c.CaseId}/notes", new { text = "Partner-only remark" });
        await c.Customer.Client.PostJson($"/api/v1/cases/{c.CaseId}/replies", new { text = "Thanks, I am home all day." });

        var response = await app.CreateClient().GetAsync($"/track/{c.Code}");
        await response.Expect(HttpStatusCode.OK);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore); // the address holds the code: no cache keeps the page
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Pump has no pressure", html, StringComparison.Ordinal);
        Assert.Contains("With a specialist partner", html, StringComparison.Ordinal);
        Assert.Contains("Repair Partner", html, StringComparison.Ordinal);
        Assert.Contains("We are on it.", html, StringComparison.Ordinal);
        // Whoever has the code reads the customer's replies as the customer's, not as their own.
        Assert.Contains("<strong>The customer</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>You</strong>", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"step\"", html, StringComparison.Ordinal);
        foreach (var secret in new[] { "Seller-only remark", "Partner-only remark", "warranty void", c.Customer.Email, c.CaseId.ToString(), "Since Monday" })
            Assert.DoesNotContain(secret, html, StringComparison.OrdinalIgnoreCase);
        // No script: the page works without JavaScript and loads nothing but its stylesheet.
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/login?ReturnUrl=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownOrMalformedCodeIsAPlainNotFound()
    {
        var c = await CastAsync();
        var anyone = app.CreateClient();
        var wrong = $"{c.Code[..21]}{(c.Code[21] == 'A' ? 'B' : 'A')}";
        foreach (var code in new[] { wrong, "not-a-code", "%27%20or%201%3D1" })
        {
            var response = await anyone.GetAsync($"/track/{code}");
            await response.Expect(HttpStatusCode.NotFound);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("No case has that tracking code", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Pump", html, StringComparison.Ordinal);
        }
        // The look-up form sends a code to its page.
        var lookup = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync($"/track?code={c.Code}");
        Assert.Equal(HttpStatusCode.Redirect, lookup.StatusCode);
        Assert.Equal($"/track/{c.Code}", lookup.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheSignedInCustomerRepliesWithAPlainFormAndReopensAnAwaitingCase()
    {
        var c = await CastAsync();
        await (await c.Seller.Client.PatchAsync($"/api/v1/cases/{c.CaseId}", Json("{\"stage\":\"awaiting_customer\"}"))).Expect(HttpStatusCode.OK);
        var customer = app.CreateClient(new() { AllowAutoRedirect = false });
        customer.DefaultRequestHeaders.Authorization = c.Customer.Client.DefaultRequestHeaders.Authorization;

        var page = await (await customer.GetAsync($"/track/{c.Code}")).Content.ReadAsStringAsync();
        Assert.Contains("Waiting for your answer", page, StringComparison.Ordinal);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        Assert.NotEmpty(token);

        // An empty reply is refused on the page itself and changes nothing.
        var empty = await customer.PostAsync($"/track/{c.Code}", Form(token, "reply", ""));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("role=\"alert\"", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var sent = await customer.PostAsync($"/track/{c.Code}", Form(token, "reply", "Here is the serial: 4711"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/track/{c.Code}?sent=true#replies", sent.Headers.Location?.OriginalString);
        var seen = await c.Seller.Client.GetJson($"/api/v1/cases/{c.CaseId}");
        Assert.Equal("triage", seen["stage"]!.GetValue<string>());
        var timeline = (await c.Seller.Client.GetJson($"/api/v1/cases/{c.CaseId}/timeline")).ToJsonString();
        Assert.Contains("Here is the serial: 4711", timeline, StringComparison.Ordinal);

        // The seller's own staff get a link to work the case, not the customer's form.
        var staff = await (await c.Seller.Client.GetAsync($"/track/{c.Code}")).Content.ReadAsStringAsync();
        Assert.Contains($"/cases/{c.CaseId}", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"text\"", staff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NobodyButTheCustomerAnswersFromThePage()
    {
        var c = await CastAsync();
        var stranger = app.CreateClient(new() { AllowAutoRedirect = false });
        var page = await (await stranger.GetAsync($"/track/{c.Code}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("__RequestVerificationToken", page, StringComparison.Ordinal);
        // A visitor without a session who forges the form gets nowhere: without an antiforgery token it is a 400,
        // and with a token of its own session still not the customer's voice.
        var forged = await stranger.PostAsync($"/track/{c.Code}", new FormUrlEncodedContent([new("action", "reply"), new("text", "spam")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var partnerPage = await (await c.Partner.Client.GetAsync($"/track/{c.Code}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("name=\"text\"", partnerPage, StringComparison.Ordinal);
        var timeline = (await c.Seller.Client.GetJson($"/api/v1/cases/{c.CaseId}/timeline")).ToJsonString();
        Assert.DoesNotContain("spam", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AOneTimeLinkLetsTheCustomerAnswerOnceWithoutSigningIn()
    {
        var c = await CastAsync();
        var issued = await c.Seller.Client.PostJson($"/api/v1/cases/{c.CaseId}/customer-links", new { });
        var path = issued["path"]!.GetValue<string>();
        var visitor = app.CreateClient(new() { AllowAutoRedirect = false });

        var page = await (await visitor.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.Contains("Pump has no pressure", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Yes, close the case", page, StringComparison.Ordinal); // not resolved: nothing to confirm
        var token = AntiforgeryField().Match(page).Groups[1].Value;

        // A refused answer leaves the link usable; the accepted one uses it up.
        var empty = await visitor.PostAsync(path, Form(token, "reply", " "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var sent = await visitor.PostAsync(path, Form(token, "reply", "The gauge reads zero."));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("This link has now been used", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var timeline = (await c.Seller.Client.GetJson($"/api/v1/cases/{c.CaseId}/timeline")).Items();
        Assert.Equal(c.Customer.OrganizationId, timeline.Last()!["authorPartyId"]!.GetValue<Guid>());
        Assert.Equal("The gauge reads zero.", timeline.Last()!["text"]!.GetValue<string>());

        var again = await visitor.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("This link no longer works", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.PostAsync(path, Form(token, "reply", "twice"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/track/reply/AAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
    }

    [Fact]
    public async Task TheCustomerConfirmsAResolutionFromThePageOrALink()
    {
        var c = await CastAsync();
        await (await c.Seller.Client.PatchAsync($"/api/v1/cases/{c.CaseId}", Json("{\"stage\":\"resolved\"}"))).Expect(HttpStatusCode.OK);
        var customer = app.CreateClient(new() { AllowAutoRedirect = false });
        customer.DefaultRequestHeaders.Authorization = c.Customer.Client.DefaultRequestHeaders.Authorization;
        var page = await (await customer.GetAsync($"/track/{c.Code}")).Content.ReadAsStringAsync();
        Assert.Contains("Yes, close the case", page, StringComparison.Ordinal);
        var confirmed = await customer.PostAsync($"/track/{c.Code}", Form(AntiforgeryField().Match(page).Groups[1].Value, "confirm", ""));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("closed", (await c.Seller.Client.GetJson($"/api/v1/cases/{c.CaseId}"))["stage"]!.GetValue<string>());
        var closed = await (await customer.GetAsync($"/track/{c.Code}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<form method=\"post\"", closed, StringComparison.Ordinal);

        // The same through a one-time link, for a second case.
        var second = await c.Seller.Client.PostJson("/api/v1/cases", new { title = "Valve drips", customerPartyId = c.Customer.OrganizationId, description = "A drop a minute" });
        await (await c.Seller.Client.PatchAsync($"/api/v1/cases/{second.Id()}", Json("{\"stage\":\"resolved\"}"))).Expect(HttpStatusCode.OK);
        var path = (await c.Seller.Client.PostJson($"/api/v1/cases/{second.Id()}/customer-links", new { }))["path"]!.GetValue<string>();
        var visitor = app.CreateClient(new() { AllowAutoRedirect = false });
        var linkPage = await (await visitor.GetAsync(path)).Content.ReadAsStringAsync();
        var done = await visitor.PostAsync(path, Form(AntiforgeryField().Match(linkPage).Groups[1].Value, "confirm", ""));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("closed", (await c.Seller.Client.GetJson($"/api/v1/cases/{second.Id()}"))["stage"]!.GetValue<string>());
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private static FormUrlEncodedContent Form(string token, string action, string text) =>
        new([new("__RequestVerificationToken", token), new("action", action), new("text", text)]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
