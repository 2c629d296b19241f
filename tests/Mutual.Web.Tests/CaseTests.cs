using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>
/// Service cases across organizations: opened with a tracking code, handed between organizations, worked in
/// stages with a public thread and private notes, tracked publicly (SLA clocks: CaseSlaTests).
/// </summary>
public sealed class CaseTests(MutualApp app) : IClassFixture<MutualApp>
{
    private sealed record Cast(Member Seller, Member Partner, Member Bystander, Guid Customer);

    private async Task<Cast> CastAsync()
    {
        var admin = await app.AdminAsync();
        var seller = await app.JoinAsync(admin, "Seller Co", "Sam Seller");
        var partner = await app.JoinAsync(admin, "Repair Partner", "Ria Repair");
        var bystander = await app.JoinAsync(admin, "Other Partner", "Otto Other");
        var customer = await seller.Client.CreatePartyAsync("person", "Carla Customer", ["carla@customer.test"]);
        return new Cast(seller, partner, bystander, customer);
    }

    private static Task<JsonNode> OpenAsync(Cast c, string priority = "normal") =>
        c.Seller.Client.PostJson("/api/v1/cases", new { title = "Inverter fault", customerPartyId = c.Customer, description = "Error E42 since Monday", reference = "ORD-1001", priority });

    private static Task<JsonNode> TrackAsync(HttpClient anyone, JsonNode opened) => anyone.GetJson($"/api/v1/track/{opened["trackingCode"]!.GetValue<string>()}");

    private static List<string> Kinds(JsonNode page) => page.Items().Select(e => e!["kind"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task AnOpenedCaseHasAnUnguessableCodeAndAPublicTrackingView()
    {
        var c = await CastAsync();
        var opened = await OpenAsync(c, "high");
        var code = opened["trackingCode"]!.GetValue<string>();
        Assert.Equal(22, code.Length); // 128 random bits, base64url
        Assert.Equal(("received", "high"), (opened["stage"]!.GetValue<string>(), opened["priority"]!.GetValue<string>()));
        Assert.Equal(c.Seller.OrganizationId, opened["holderPartyId"]!.GetValue<Guid>());
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddHours(24), opened["resolveBy"]!.GetValue<DateTime>());
        Assert.Equal(1, await app.OutboxCountAsync("case.opened", opened.Id()));
        // Shown once: reading the case again does not reveal the code.
        Assert.Null((await c.Seller.Client.GetJson($"/api/v1/cases/{opened.Id()}"))["trackingCode"]);
        Assert.Contains(opened.Id(), (await c.Seller.Client.GetJson("/api/v1/cases?view=holding")).Items().Select(x => x.Id()));

        var anonymous = app.CreateClient();
        var track = await TrackAsync(anonymous, opened);
        Assert.Equal(("open", "received", "Seller Co"), (track["status"]!.GetValue<string>(), track["stage"]!.GetValue<string>(), track["holder"]!.GetValue<string>()));
        Assert.Equal(["received"], track["stages"]!.AsArray().Select(s => s!["stage"]!.GetValue<string>()));
        Assert.DoesNotContain("carla@customer.test", track.ToJsonString(), StringComparison.Ordinal);
        await (await anonymous.GetAsync($"/api/v1/track/{code[..21]}{(code[21] == 'A' ? 'B' : 'A')}")).Expect(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync("/api/v1/track/not-a-code")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpeningValidatesEveryField()
    {
        var c = await CastAsync();
        var response = await c.Seller.Client.PostAsJsonAsync("/api/v1/cases", new { title = "", customerPartyId = Guid.NewGuid(), priority = "asap" });
        var problem = await (await response.Expect(HttpStatusCode.BadRequest)).Json();
        var errors = problem["errors"]!.AsObject().Select(e => e.Key).Order().ToList();
        Assert.Equal(["customerPartyId", "description", "priority", "title"], errors);
        await (await c.Seller.Client.PostRaw("/api/v1/cases", "{\"title\": 5}")).Expect(HttpStatusCode.BadRequest);
        await (await c.Seller.Client.PostRaw("/api/v1/cases", "{\"title\":\"t\",\"description\":\"d\",\"customerPartyId\":\"nope\"}")).Expect(HttpStatusCode.BadRequest);
        await (await c.Seller.Client.GetAsync("/api/v1/cases?stage=lost")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ARepeatedOpenWithTheSameIdempotencyKeyOpensOneCase()
    {
        var c = await CastAsync();
        var key = Guid.NewGuid().ToString();
        async Task<JsonNode> Send()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(new { title = "Once", customerPartyId = c.Customer, description = "Only one" }) };
            request.Headers.Add("Idempotency-Key", key);
            return await (await (await c.Seller.Client.SendAsync(request)).Expect(HttpStatusCode.Created)).Json();
        }
        var first = await Send();
        var again = await Send();
        Assert.Equal(first.Id(), again.Id());
        Assert.Single((await c.Seller.Client.GetJson("/api/v1/cases")).Items());
        // The replay does not repeat the code (the idempotency table keeps no secret); a lost code is replaced instead.
        Assert.NotNull(first["trackingCode"]);
        Assert.Null(again["trackingCode"]);
        var anyone = app.CreateClient();
        var old = first["trackingCode"]!.GetValue<string>();
        var rotated = await (await (await c.Seller.Client.PostAsync($"/api/v1/cases/{first.Id()}/tracking-code", null)).Expect(HttpStatusCode.OK)).Json();
        var fresh = rotated["trackingCode"]!.GetValue<string>();
        Assert.NotEqual(old, fresh);
        await (await anyone.GetAsync($"/api/v1/track/{old}")).Expect(HttpStatusCode.NotFound);
        Assert.Equal("Once", (await anyone.GetJson($"/api/v1/track/{fresh}"))["title"]!.GetValue<string>());
        await (await c.Partner.Client.PostAsync($"/api/v1/cases/{first.Id()}/tracking-code", null)).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AHandOffPassesTheCaseOnAndEveryStepLandsOnTheTimeline()
    {
        var c = await CastAsync();
        var opened = await OpenAsync(c);
        var id = opened.Id();
        await c.Seller.Client.PostJson($"/api/v1/cases/{id}/notes", new { text = "Seller-only: customer is a VIP" });
        await (await c.Partner.Client.GetAsync($"/api/v1/cases/{id}")).Expect(HttpStatusCode.NotFound);

        var handed = await c.Seller.Client.PostJson($"/api/v1/cases/{id}/handoffs", new { toPartyId = c.Partner.OrganizationId, note = "Please swap the inverter" }, HttpStatusCode.OK);
        Assert.Equal(("with_partner", c.Partner.OrganizationId), (handed["stage"]!.GetValue<string>(), handed["holderPartyId"]!.GetValue<Guid>()));
        Assert.Equal(1, await app.OutboxCountAsync("case.handed_off", id));
        // The partner now sees and works it; the seller may no longer move it but still reads it.
        Assert.Contains(id, (await c.Partner.Client.GetJson("/api/v1/cases?view=holding")).Items().Select(x => x.Id()));
        await (await c.Seller.Client.PatchAsJsonAsync($"/api/v1/cases/{id}", new { stage = "resolved" })).Expect((HttpStatusCode)422);
        await c.Partner.Client.PostJson($"/api/v1/cases/{id}/notes", new { text = "Partner-only: part on backorder" });
        await c.Partner.Client.PostJson($"/api/v1/cases/{id}/replies", new { text = "We will visit on Friday." });
        var moved = await (await c.Partner.Client.PatchAsJsonAsync($"/api/v1/cases/{id}", new { stage = "resolved" })).Expect(HttpStatusCode.OK);
        Assert.Equal("resolved", (await moved.Json())["stage"]!.GetValue<string>());
        Assert.Equal(1, await app.OutboxCountAsync("case.resolved", id));

        var partnerView = await c.Partner.Client.GetJson($"/api/v1/cases/{id}/timeline");
        Assert.Equal(["opened", "handoff", "note", "reply", "stage"], Kinds(partnerView));
        Assert.DoesNotContain("VIP", partnerView.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("swap the inverter", partnerView.ToJsonString(), StringComparison.Ordinal);
        var sellerView = await c.Seller.Client.GetJson($"/api/v1/cases/{id}/timeline");
        Assert.Equal(["opened", "note", "handoff", "reply", "stage"], Kinds(sellerView));
        Assert.DoesNotContain("backorder", sellerView.ToJsonString(), StringComparison.Ordinal);

        var track = (await TrackAsync(app.CreateClient(), opened)).ToJsonString();
        foreach (var secret in new[] { "VIP", "backorder", "swap the inverter", "carla@" }) Assert.DoesNotContain(secret, track, StringComparison.Ordinal);
        Assert.Contains("We will visit on Friday.", track, StringComparison.Ordinal);
        Assert.Contains("\"holder\":\"Repair Partner\"", track, StringComparison.Ordinal);

        // A bystander organization sees nothing of it.
        await (await c.Bystander.Client.GetAsync($"/api/v1/cases/{id}/timeline")).Expect(HttpStatusCode.NotFound);
        Assert.Empty((await c.Bystander.Client.GetJson("/api/v1/cases")).Items());
    }

    [Fact]
    public async Task HandOffsAndStagesRefuseWhatTheStateForbids()
    {
        var c = await CastAsync();
        var id = (await OpenAsync(c)).Id();
        var bad = await c.Seller.Client.PostAsJsonAsync($"/api/v1/cases/{id}/handoffs", new { toPartyId = c.Customer });
        await bad.Expect(HttpStatusCode.BadRequest);
        await (await c.Seller.Client.PatchAsJsonAsync($"/api/v1/cases/{id}", new { stage = "with_partner" })).Expect(HttpStatusCode.BadRequest);
        await (await c.Seller.Client.PatchAsJsonAsync($"/api/v1/cases/{id}", new { stage = "closed" })).Expect(HttpStatusCode.OK);
        await (await c.Seller.Client.PatchAsJsonAsync($"/api/v1/cases/{id}", new { stage = "triage" })).Expect((HttpStatusCode)422);
        await (await c.Seller.Client.PostAsJsonAsync($"/api/v1/cases/{id}/handoffs", new { toPartyId = c.Partner.OrganizationId })).Expect((HttpStatusCode)422);
        var stale = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/cases/{id}") { Content = JsonContent.Create(new { stage = "triage" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await (await c.Seller.Client.SendAsync(stale)).Expect(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task ASignedInCustomerFollowsAndAnswersButReadsNoNotes()
    {
        var c = await CastAsync();
        var admin = await app.AdminAsync();
        var customer = await app.JoinAsync(admin, "Customer Org", "Cleo Customer");
        var id = (await c.Seller.Client.PostJson("/api/v1/cases", new { title = "Broken pump", customerPartyId = customer.OrganizationId, description = "No pressure" })).Id();
        await c.Seller.Client.PostJson($"/api/v1/cases/{id}/notes", new { text = "Seller-only remark" });
        await (await c.Seller.Client.PatchAsJsonAsync($"/api/v1/cases/{id}", new { stage = "awaiting_customer" })).Expect(HttpStatusCode.OK);

        Assert.Equal([id], (await customer.Client.GetJson("/api/v1/cases")).Items().Select(x => x.Id()));
        await customer.Client.PostJson($"/api/v1/cases/{id}/replies", new { text = "Photos attached." });
        Assert.Equal("triage", (await customer.Client.GetJson($"/api/v1/cases/{id}"))["stage"]!.GetValue<string>());
        await (await customer.Client.PostAsJsonAsync($"/api/v1/cases/{id}/notes", new { text = "x" })).Expect((HttpStatusCode)422);
        await (await customer.Client.PatchAsJsonAsync($"/api/v1/cases/{id}", new { stage = "closed" })).Expect((HttpStatusCode)422);
        await c.Seller.Client.PostJson($"/api/v1/cases/{id}/handoffs", new { toPartyId = c.Partner.OrganizationId, note = "Between us: warranty void" }, HttpStatusCode.OK);

        var seen = (await customer.Client.GetJson($"/api/v1/cases/{id}/timeline")).ToJsonString();
        Assert.DoesNotContain("Seller-only remark", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("warranty void", seen, StringComparison.Ordinal);
        Assert.Contains("Photos attached.", seen, StringComparison.Ordinal);
        Assert.Contains("\"handoff\"", seen, StringComparison.Ordinal);
        // Paging walks the timeline in order with a cursor.
        var first = await c.Seller.Client.GetJson($"/api/v1/cases/{id}/timeline?limit=2");
        var rest = await c.Seller.Client.GetJson($"/api/v1/cases/{id}/timeline?limit=200&cursor={first["nextCursor"]!.GetValue<string>()}");
        Assert.Equal(["opened", "note", "stage", "reply", "handoff"], Kinds(first).Concat(Kinds(rest)));
        await (await c.Seller.Client.GetAsync($"/api/v1/cases/{id}/timeline?cursor=bogus")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TheCustomerOpensACaseWithAVendorWhichHoldsIt()
    {
        var c = await CastAsync();
        var admin = await app.AdminAsync();
        var customer = await app.JoinAsync(admin, "Customer Org", "Cleo Customer");
        var opened = await customer.Client.PostJson("/api/v1/cases", new { title = "Dryer stopped", customerPartyId = customer.OrganizationId, vendorPartyId = c.Seller.OrganizationId, description = "Drum does not turn", priority = "urgent" });
        var id = opened.Id();
        Assert.NotNull(opened["trackingCode"]); // the customer follows what it opened
        Assert.Equal((c.Seller.OrganizationId, c.Seller.OrganizationId, customer.OrganizationId),
            (opened["holderPartyId"]!.GetValue<Guid>(), opened["vendorPartyId"]!.GetValue<Guid>(), opened["openedByPartyId"]!.GetValue<Guid>()));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddHours(1), opened["respondBy"]!.GetValue<DateTime>());
        Assert.Contains(id, (await c.Seller.Client.GetJson("/api/v1/cases?view=holding")).Items().Select(x => x.Id()));
        Assert.Contains(id, (await customer.Client.GetJson("/api/v1/cases?view=customer")).Items().Select(x => x.Id()));
        await c.Bystander.Client.GetJson($"/api/v1/cases/{id}", HttpStatusCode.NotFound);
        Assert.Equal(1, await app.OutboxCountAsync("case.opened", id));

        // The vendor works it like any other: out to a partner and back to itself, where it resumes triage.
        await c.Seller.Client.PostJson($"/api/v1/cases/{id}/handoffs", new { toPartyId = c.Partner.OrganizationId, note = "Yours" }, HttpStatusCode.OK);
        var back = await c.Partner.Client.PostJson($"/api/v1/cases/{id}/handoffs", new { toPartyId = c.Seller.OrganizationId, note = "Done on our side" }, HttpStatusCode.OK);
        Assert.Equal("triage", back["stage"]!.GetValue<string>());
        // The SLA report charges the first holding to the vendor, not to the customer who opened it.
        var report = (await c.Seller.Client.GetJson("/api/v1/cases/sla"))["organizations"]!.AsArray();
        Assert.DoesNotContain(report, o => o!["partyId"]!.GetValue<Guid>() == customer.OrganizationId);
        Assert.Equal(2, report.Single(o => o!["partyId"]!.GetValue<Guid>() == c.Seller.OrganizationId)!["holdings"]!.GetValue<int>());
    }

    [Fact]
    public async Task AVendorIsNamedOnlyByTheCustomerAndMustBeAMemberOrganization()
    {
        var c = await CastAsync();
        var admin = await app.AdminAsync();
        var customer = await app.JoinAsync(admin, "Customer Org", "Cleo Customer");
        async Task<List<string>> Refused(HttpClient client, object body)
        {
            var problem = await (await (await client.PostAsJsonAsync("/api/v1/cases", body)).Expect(HttpStatusCode.BadRequest)).Json();
            return problem["errors"]!.AsObject().Select(e => e.Key).ToList();
        }
        Assert.Equal(["vendorPartyId"], await Refused(customer.Client, new { title = "t", description = "d", customerPartyId = customer.OrganizationId }));
        Assert.Equal(["vendorPartyId"], await Refused(customer.Client, new { title = "t", description = "d", customerPartyId = customer.OrganizationId, vendorPartyId = c.Customer }));
        Assert.Equal(["vendorPartyId"], await Refused(customer.Client, new { title = "t", description = "d", customerPartyId = customer.OrganizationId, vendorPartyId = customer.OrganizationId }));
        Assert.Equal(["vendorPartyId"], await Refused(c.Seller.Client, new { title = "t", description = "d", customerPartyId = c.Customer, vendorPartyId = c.Partner.OrganizationId }));
        Assert.Empty((await customer.Client.GetJson("/api/v1/cases")).Items());
    }


    [Fact]
    public async Task EventsAboutACaseCarryNoNoteTextAndReachOnlyItsParticipants()
    {
        var c = await CastAsync();
        var id = (await OpenAsync(c)).Id();
        await c.Seller.Client.PostJson($"/api/v1/cases/{id}/notes", new { text = "SellerNoteSecret" });
        await c.Seller.Client.PostJson($"/api/v1/cases/{id}/handoffs", new { toPartyId = c.Partner.OrganizationId, note = "HandoffNoteSecret" }, HttpStatusCode.OK);
        await c.Partner.Client.PostJson($"/api/v1/cases/{id}/notes", new { text = "PartnerNoteSecret" });
        await c.Partner.Client.PostJson($"/api/v1/cases/{id}/replies", new { text = "Public answer" });
        await (await c.Partner.Client.PatchAsJsonAsync($"/api/v1/cases/{id}", new { stage = "resolved" })).Expect(HttpStatusCode.OK);

        // What webhooks deliver is the outbox: no event says what a note or a hand-off note said, or goes to a bystander.
        var events = new List<(System.Text.Json.Nodes.JsonNode Data, List<Guid> Audience)>();
        foreach (var type in new[] { "case.opened", "case.handed_off", "case.updated", "case.resolved" }) events.AddRange(await app.EventsAsync(type, id));
        Assert.Equal(4, events.Count); // opened, handed off, the reply, resolved: notes raise none
        foreach (var (data, audience) in events)
        {
            foreach (var secret in new[] { "SellerNoteSecret", "HandoffNoteSecret", "PartnerNoteSecret" })
                Assert.DoesNotContain(secret, data.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain(c.Bystander.OrganizationId, audience);
            Assert.Contains(c.Customer, audience);
        }
    }


    [Fact]
    public async Task AnInternalNoteLeavesNoTraceOnTheCaseOthersRead()
    {
        var c = await CastAsync();
        var id = (await OpenAsync(c)).Id();
        await c.Seller.Client.PostJson($"/api/v1/cases/{id}/handoffs", new { toPartyId = c.Partner.OrganizationId }, HttpStatusCode.OK);
        var before = await c.Partner.Client.GetJson($"/api/v1/cases/{id}");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await c.Seller.Client.PostJson($"/api/v1/cases/{id}/notes", new { text = "Former holder's remark" });
        var after = await c.Partner.Client.GetJson($"/api/v1/cases/{id}");
        // Neither the version nor updatedAt moves, so the others cannot tell a note was written, and the holder's If-Match holds.
        Assert.Equal((before["version"]!.GetValue<long>(), before["updatedAt"]!.GetValue<DateTime>()), (after["version"]!.GetValue<long>(), after["updatedAt"]!.GetValue<DateTime>()));
        var move = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/cases/{id}") { Content = JsonContent.Create(new { stage = "triage" }) };
        move.Headers.TryAddWithoutValidation("If-Match", $"\"{before["version"]!.GetValue<long>()}\"");
        await (await c.Partner.Client.SendAsync(move)).Expect(HttpStatusCode.OK);
    }

}
