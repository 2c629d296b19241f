using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Access;
using Mutual.Core.Channel;
using Mutual.Core.Data;
using Mutual.Web.Tests.Support;
using static Mutual.Web.Tests.Support.ChannelSetup;

namespace Mutual.Web.Tests;

/// <summary>
/// Leads go to the most qualified partner at once, move on when a partner declines or stays silent, and
/// report progress back. Each test has an owner organization of its own, so routing sees only its partners.
/// </summary>
public sealed class LeadRoutingTests(MutualApp app) : IClassFixture<MutualApp>
{
    private static Task<JsonNode> LeadAsync(Member owner, string country = "DE", string? region = null, string? cert = null, decimal? value = null) =>
        owner.Client.PostJson("/api/v1/leads", new { title = "Roof solar for a warehouse", contactName = "Carla Customer", country, region, requiredCertification = cert, value });

    private static Guid? Assigned(JsonNode lead) => lead["assignedPartnerPartyId"]?.GetValue<Guid>();

    [Fact]
    public async Task ALeadGoesToTheCertifiedPartnerCoveringItsRegionWithTheReason()
    {
        var (owner, p) = await app.ChannelAsync(
            Profile(["DE"], 5),                                                  // no certification
            Profile(["FR"], 5, "solar-installer"),                                // wrong country
            Profile(["DE-BY"], 5, new { name = "solar-installer", expiresAt = "2030-01-01T00:00:00Z" }),
            Profile(["DE-BE"], 5, "solar-installer"));                            // wrong region

        app.Clock.Advance(TimeSpan.FromTicks(7)); // below PostgreSQL's microsecond: the answer must not show more than is kept
        var lead = await LeadAsync(owner, "de", "by", "Solar-Installer", 12000m);

        Assert.Equal(p[2].OrganizationId, Assigned(lead));
        Assert.Equal("assigned", lead["status"]!.GetValue<string>());
        var reason = lead["routingReason"]!.GetValue<string>();
        Assert.Contains("certified solar-installer", reason, StringComparison.Ordinal);
        Assert.Contains("1 covering DE-BY", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Partner", reason, StringComparison.Ordinal); // never names other partners
        Assert.Equal(app.Clock.StoredNow().AddHours(24), lead["acceptBy"]!.GetValue<DateTime>());
        Assert.Equal(1, await app.OutboxCountAsync("lead.assigned", lead.Id()));
        // The answer to the POST is described from memory; it shows what every later read shows (the value's
        // numeric scale aside: PostgreSQL keeps two decimals).
        var read = await owner.Client.GetJson($"/api/v1/leads/{lead.Id()}");
        Assert.Equal(read["value"]!.GetValue<decimal>(), lead["value"]!.GetValue<decimal>());
        foreach (var node in new[] { lead, read }) node.AsObject().Remove("value");
        Assert.Equal(read.ToJsonString(), lead.ToJsonString());
        // The partner sees it in its inbox; the others do not see it at all.
        Assert.Contains(lead.Id(), (await p[2].Client.GetJson("/api/v1/leads?view=inbox")).Items().Select(l => l.Id()));
        await (await p[0].Client.GetAsync($"/api/v1/leads/{lead.Id()}")).Expect(HttpStatusCode.NotFound);
        Assert.Empty((await p[0].Client.GetJson("/api/v1/leads")).Items());
    }

    [Fact]
    public async Task AnExpiredCertificationDoesNotCount()
    {
        var (owner, _) = await app.ChannelAsync(Profile(["NL"], 5, new { name = "heat-pumps", expiresAt = app.Clock.GetUtcNow().AddDays(-1) }));
        var lead = await LeadAsync(owner, "NL", cert: "heat-pumps");
        Assert.Null(Assigned(lead));
        Assert.Equal("unassigned", lead["status"]!.GetValue<string>());
        Assert.Contains("queue", lead["routingReason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EqualPartnersTakeTurnsAndFullOnesAreSkipped()
    {
        var (owner, p) = await app.ChannelAsync(Profile(["AT"], 1), Profile(["AT"], 1));
        var first = await LeadAsync(owner, "AT");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await LeadAsync(owner, "AT");
        Assert.NotEqual(Assigned(first), Assigned(second));
        Assert.Contains("round robin", first["routingReason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(p.Select(x => x.OrganizationId).Order(), new[] { Assigned(first)!.Value, Assigned(second)!.Value }.Order());
        // Both are at capacity now: the third lead waits in the queue.
        var third = await LeadAsync(owner, "AT");
        Assert.Equal("unassigned", third["status"]!.GetValue<string>());
        var pipeline = await owner.Client.GetJson("/api/v1/leads/pipeline");
        Assert.Equal(1, pipeline["unassigned"]!.GetValue<int>());
        Assert.Equal(2, pipeline["partners"]!.AsArray().Count);
    }

    [Fact]
    public async Task ADeclineMovesTheLeadOnAtOnceAndTheDeclinerLosesSightOfIt()
    {
        var (owner, p) = await app.ChannelAsync(Profile(["BE"]), Profile(["BE"]));
        var lead = await LeadAsync(owner, "BE");
        var first = p.Single(x => x.OrganizationId == Assigned(lead));
        var second = p.Single(x => x != first);

        var declined = await first.Client.PostAsJsonAsync($"/api/v1/leads/{lead.Id()}/decline", new { reason = "No installers free this month" });
        await declined.Expect(HttpStatusCode.NoContent);

        var now = await owner.Client.GetJson($"/api/v1/leads/{lead.Id()}");
        Assert.Equal(second.OrganizationId, Assigned(now));
        var hops = now["hops"]!.AsArray();
        Assert.Equal(["declined", "pending"], hops.Select(h => h!["outcome"]!.GetValue<string>()));
        Assert.Equal("No installers free this month", hops[0]!["declineReason"]!.GetValue<string>());
        await (await first.Client.GetAsync($"/api/v1/leads/{lead.Id()}")).Expect(HttpStatusCode.NotFound);
        // The new holder sees only its own offer, not who declined before it.
        var seen = await second.Client.GetJson($"/api/v1/leads/{lead.Id()}");
        Assert.Single(seen["hops"]!.AsArray());
        // When the last partner declines too, the lead waits in the queue for the owner.
        await (await second.Client.PostAsJsonAsync($"/api/v1/leads/{lead.Id()}/decline", new { })).Expect(HttpStatusCode.NoContent);
        Assert.Equal("unassigned", (await owner.Client.GetJson($"/api/v1/leads/{lead.Id()}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task SilenceTimesOutAndTheSweepReroutes()
    {
        var (owner, p) = await app.ChannelAsync(Profile(["PL"]), Profile(["PL"]));
        var lead = await LeadAsync(owner, "PL");
        var first = p.Single(x => x.OrganizationId == Assigned(lead));

        // Other tests share the clock and the sweep, so this one looks only at its own lead.
        app.Clock.Advance(TimeSpan.FromHours(23));
        await SweepAsync();
        owner = await app.SignInAgainAsync(owner);
        Assert.Equal(first.OrganizationId, Assigned(await owner.Client.GetJson($"/api/v1/leads/{lead.Id()}")));
        app.Clock.Advance(TimeSpan.FromHours(2));
        first = await app.SignInAgainAsync(first);
        await (await first.Client.PostAsync($"/api/v1/leads/{lead.Id()}/accept", null)).Expect(HttpStatusCode.UnprocessableEntity);
        await SweepAsync();

        owner = await app.SignInAgainAsync(owner);
        var now = await owner.Client.GetJson($"/api/v1/leads/{lead.Id()}");
        Assert.NotEqual(first.OrganizationId, Assigned(now));
        Assert.Equal(["timed_out", "pending"], now["hops"]!.AsArray().Select(h => h!["outcome"]!.GetValue<string>()));
        Assert.Equal(2, await app.OutboxCountAsync("lead.assigned", lead.Id()));
    }

    [Fact]
    public async Task ThePartnerAcceptsAndReportsProgressForwardOnly()
    {
        var (owner, p) = await app.ChannelAsync(Profile(["DK"]));
        var lead = await LeadAsync(owner, "DK", value: 5000m);
        var partner = p[0];
        await (await partner.Client.PatchAsJsonAsync($"/api/v1/leads/{lead.Id()}", new { status = "contacted" })).Expect(HttpStatusCode.UnprocessableEntity);
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        var accepted = await (await partner.Client.PostAsync($"/api/v1/leads/{lead.Id()}/accept", null)).Expect(HttpStatusCode.OK);
        Assert.Equal("accepted", (await accepted.Json())["status"]!.GetValue<string>());

        var contacted = await partner.Client.PatchAsJsonAsync($"/api/v1/leads/{lead.Id()}", new { status = "contacted" });
        await contacted.Expect(HttpStatusCode.OK);
        var stale = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/leads/{lead.Id()}") { Content = JsonContent.Create(new { status = "qualified" }) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        await (await partner.Client.SendAsync(stale)).Expect(HttpStatusCode.PreconditionFailed);
        await (await partner.Client.PatchAsJsonAsync($"/api/v1/leads/{lead.Id()}", new { status = "won", value = 5400 })).Expect(HttpStatusCode.OK);
        await (await partner.Client.PatchAsJsonAsync($"/api/v1/leads/{lead.Id()}", new { status = "contacted" })).Expect(HttpStatusCode.UnprocessableEntity);
        await (await partner.Client.PatchAsJsonAsync($"/api/v1/leads/{lead.Id()}", new { status = "bogus" })).Expect(HttpStatusCode.BadRequest);
        // The owner watches but does not report the partner's progress.
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{lead.Id()}", new { status = "lost" })).Expect(HttpStatusCode.UnprocessableEntity);

        var final = await owner.Client.GetJson($"/api/v1/leads/{lead.Id()}");
        Assert.Equal("won", final["status"]!.GetValue<string>());
        Assert.Equal(5400m, final["wonValue"]!.GetValue<decimal>());
        Assert.Equal(["accepted", "contacted", "won"], final["history"]!.AsArray().Select(h => h!["status"]!.GetValue<string>()));
        Assert.Equal(3, await app.OutboxCountAsync("lead.status_changed", lead.Id()));

        var profile = await owner.Client.GetJson($"/api/v1/partners/{partner.OrganizationId}/profile");
        var record = profile["trackRecord"]!;
        Assert.Equal(1.0, record["acceptanceRate"]!.GetValue<double>());
        Assert.Equal(0.5, record["hoursToAccept"]!.GetValue<double>());
        Assert.Equal(1.0, record["winRate"]!.GetValue<double>());
        Assert.Equal(5, profile["capacityLeft"]!.GetValue<int>());
        var pipeline = (await owner.Client.GetJson("/api/v1/leads/pipeline"))["partners"]!.AsArray().Single()!;
        Assert.Equal(5400m, pipeline["wonValue"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task TheBetterTrackRecordWins()
    {
        var (owner, p) = await app.ChannelAsync(Profile(["SE"], 10), Profile(["SE"], 10));
        // Partner A declines everything it gets, so B ends up with the better record.
        for (var i = 0; i < 3; i++)
        {
            var lead = await LeadAsync(owner, "SE");
            var holder = p.Single(x => x.OrganizationId == Assigned(lead));
            if (holder == p[0]) await (await p[0].Client.PostAsJsonAsync($"/api/v1/leads/{lead.Id()}/decline", new { })).Expect(HttpStatusCode.NoContent);
            else await (await p[1].Client.PostAsync($"/api/v1/leads/{lead.Id()}/accept", null)).Expect(HttpStatusCode.OK);
        }
        var next = await LeadAsync(owner, "SE");
        Assert.Equal(p[1].OrganizationId, Assigned(next));
        Assert.Contains("best track record", next["routingReason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOwnerAssignsAQueuedLeadByHand()
    {
        var (owner, p) = await app.ChannelAsync(Profile(["NO"], 0));
        var lead = await LeadAsync(owner, "NO");
        Assert.Equal("unassigned", lead["status"]!.GetValue<string>());
        var assigned = await owner.Client.PostJson($"/api/v1/leads/{lead.Id()}/assign", new { partnerPartyId = p[0].OrganizationId }, HttpStatusCode.OK);
        Assert.Equal(p[0].OrganizationId, Assigned(assigned));
        Assert.StartsWith("Assigned by hand by Olga Owner", assigned["routingReason"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await p[0].Client.PostAsJsonAsync($"/api/v1/leads/{lead.Id()}/assign", new { partnerPartyId = p[0].OrganizationId })).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadInputIsRefusedWithFieldErrors()
    {
        var (owner, p) = await app.ChannelAsync(Profile(["IE"]));
        var bad = await owner.Client.PostJson("/api/v1/leads", new { title = "", contactName = "X", country = "Germany", region = "toolong", requiredCertification = "Bad Cert!", value = -1 }, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "title", "country", "region", "requiredCertification", "value" })
            Assert.True(bad["errors"]![field] is not null, field);
        var profile = await owner.Client.PutAsJsonAsync($"/api/v1/partners/{p[0].OrganizationId}/profile", new { certifications = new object[] { 42 }, territories = new[] { "DE" }, capacity = 1 });
        await profile.Expect(HttpStatusCode.BadRequest);
        var fields = await (await owner.Client.PutAsJsonAsync($"/api/v1/partners/{p[0].OrganizationId}/profile", new { territories = new[] { "Germany" }, capacity = -1 })).Json();
        Assert.NotNull(fields["errors"]!["territories"]);
        Assert.NotNull(fields["errors"]!["capacity"]);
        var person = await owner.Client.CreatePartyAsync("person", "Not An Org");
        await (await owner.Client.PutAsJsonAsync($"/api/v1/partners/{person}/profile", Profile(["DE"]))).Expect(HttpStatusCode.BadRequest);
        await (await owner.Client.PutAsJsonAsync($"/api/v1/partners/{Guid.NewGuid()}/profile", Profile(["DE"]))).Expect(HttpStatusCode.NotFound);
        await (await owner.Client.GetAsync("/api/v1/leads?status=nope")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TheFirstMatchingRuleSetsTheBarAndTheDeadline()
    {
        var admin = await app.AdminAsync();
        var gold = await app.JoinAsync(admin, "Gold Partner", "Gina Gold");
        var plain = await app.JoinAsync(admin, "Plain Partner", "Paul Plain");
        await (await admin.PutAsJsonAsync($"/api/v1/partners/{gold.OrganizationId}/profile", Profile(["LU"], 5, "gold"))).Expect(HttpStatusCode.OK);
        await (await admin.PutAsJsonAsync($"/api/v1/partners/{plain.OrganizationId}/profile", Profile(["LU"], 5))).Expect(HttpStatusCode.OK);
        var big = await admin.PostJson("/api/v1/routing-rules", new { name = "Big deals in Luxembourg", countries = new[] { "LU" }, minValue = 100000, requiredCertification = "gold", acceptWithinHours = 2 });
        var small = await admin.PostJson("/api/v1/routing-rules", new { name = "Luxembourg", countries = new[] { "LU" }, acceptWithinHours = 48 });
        Assert.Equal(0, big["position"]!.GetValue<int>());
        Assert.Equal(1, small["position"]!.GetValue<int>());

        var bigLead = await admin.PostJson("/api/v1/leads", new { title = "Data centre", contactName = "Dana", country = "LU", value = 250000 });
        Assert.Equal(gold.OrganizationId, Assigned(bigLead));
        Assert.StartsWith("Rule “Big deals in Luxembourg”", bigLead["routingReason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(app.Clock.StoredNow().AddHours(2), bigLead["acceptBy"]!.GetValue<DateTime>());
        var smallLead = await admin.PostJson("/api/v1/leads", new { title = "Flat", contactName = "Finn", country = "LU", value = 900 });
        Assert.Equal(app.Clock.StoredNow().AddHours(48), smallLead["acceptBy"]!.GetValue<DateTime>());

        // Moving the small rule first makes it catch the big deals too.
        var moved = await admin.PatchAsJsonAsync($"/api/v1/routing-rules/{small.Id()}", new { position = 0 });
        await moved.Expect(HttpStatusCode.OK);
        var order = (await admin.GetJson("/api/v1/routing-rules")).Items().Select(r => r.Id()).ToList();
        Assert.True(order.IndexOf(small.Id()) < order.IndexOf(big.Id()));
        var after = await admin.PostJson("/api/v1/leads", new { title = "Campus", contactName = "Cleo", country = "LU", value = 300000 });
        Assert.StartsWith("Rule “Luxembourg”", after["routingReason"]!.GetValue<string>(), StringComparison.Ordinal);

        // Only administrators edit the rules; members of other organizations do not see them.
        await (await gold.Client.PostAsJsonAsync("/api/v1/routing-rules", new { name = "Mine" })).Expect(HttpStatusCode.UnprocessableEntity);
        await (await gold.Client.GetAsync($"/api/v1/routing-rules/{big.Id()}")).Expect(HttpStatusCode.NotFound);
        await (await admin.PostAsJsonAsync("/api/v1/routing-rules", new { name = "Bad", countries = new[] { "Europe" }, acceptWithinHours = 0 })).Expect(HttpStatusCode.BadRequest);
        await (await admin.DeleteAsync($"/api/v1/routing-rules/{big.Id()}")).Expect(HttpStatusCode.NoContent);
        await (await admin.DeleteAsync($"/api/v1/routing-rules/{small.Id()}")).Expect(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task KeptTrackRecordsEqualACountFromScratchAfterEveryKindOfMove()
    {
        var (owner, p) = await app.ChannelAsync(Profile(["CH"], 3), Profile(["CH"], 3), Profile(["CH"], 3));
        Member Holder(JsonNode lead) => p.Single(x => x.OrganizationId == Assigned(lead));
        var leads = new List<JsonNode>();
        for (var i = 0; i < 7; i++) leads.Add(await LeadAsync(owner, "CH", value: 1000m * (i + 1)));

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        // Accepted, then won; accepted, then lost; accepted and still open; declined (moves on); assigned by hand.
        foreach (var (lead, end) in new[] { (leads[0], "won"), (leads[1], "lost"), (leads[2], (string?)null) })
        {
            var holder = Holder(lead);
            await (await holder.Client.PostAsync($"/api/v1/leads/{lead.Id()}/accept", null)).Expect(HttpStatusCode.OK);
            if (end is not null) await (await holder.Client.PatchAsJsonAsync($"/api/v1/leads/{lead.Id()}", new { status = end, value = 900 })).Expect(HttpStatusCode.OK);
        }
        await (await Holder(leads[3]).Client.PostAsJsonAsync($"/api/v1/leads/{leads[3].Id()}/decline", new { })).Expect(HttpStatusCode.NoContent);
        var other = p.First(x => x.OrganizationId != Assigned(leads[4]));
        await owner.Client.PostJson($"/api/v1/leads/{leads[4].Id()}/assign", new { partnerPartyId = other.OrganizationId }, HttpStatusCode.OK);
        // The rest stay silent and time out; the sweep offers them on.
        app.Clock.Advance(TimeSpan.FromHours(25));
        await SweepAsync();
        // A profile deleted and made again starts from the partner's history with the owner.
        owner = await app.SignInAgainAsync(owner);
        await (await owner.Client.DeleteAsync($"/api/v1/partners/{p[0].OrganizationId}/profile")).Expect(HttpStatusCode.NoContent);
        await (await owner.Client.PutAsJsonAsync($"/api/v1/partners/{p[0].OrganizationId}/profile", Profile(["CH"], 3))).Expect(HttpStatusCode.OK);

        var factory = app.Services.GetRequiredService<IDbContextFactory<MutualDbContext>>();
        await using var db = await SystemContext.CreateSystemAsync(factory);
        var partners = p.Select(x => x.OrganizationId).ToList();
        var counted = await PartnerTallies.CountAsync(db, owner.OrganizationId, partners, TestContext.Current.CancellationToken);
        var kept = await db.PartnerProfiles.Where(x => x.OwnerPartyId == owner.OrganizationId).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(3, kept.Count);
        foreach (var profile in kept) Assert.Equal(counted[profile.PartnerPartyId], Tally.Of(profile));
        // Every kind of move happened: offers of each answer, and open, won and lost leads.
        var total = counted.Values.Aggregate((a, b) => a + b);
        Assert.True(total is { Accepted: 3, Declined: 1, TimedOut: > 0, Won: 1, Lost: 1, Open: > 0 }, total.ToString());
        Assert.Equal(3 * 30 * 60, total.AcceptSeconds);

        var listed = (await owner.Client.GetJson("/api/v1/partners")).Items().Single(x => x!["partnerPartyId"]!.GetValue<Guid>() == p[0].OrganizationId)!;
        Assert.Equal(counted[p[0].OrganizationId].Offers, listed["trackRecord"]!["offered"]!.GetValue<int>());

        // The pipeline is read from kept totals: they match the leads, and the page adds up to every lead and its value.
        await AssertPipelineCountedAsync(db, owner);
        var pipeline = await owner.Client.GetJson("/api/v1/leads/pipeline");
        var rows = pipeline["partners"]!.AsArray();
        Assert.Equal(7, rows.Sum(r => r!["counts"]!.AsObject().Sum(c => c.Value!.GetValue<int>())) + pipeline["unassigned"]!.GetValue<int>());
        Assert.Equal(900m, rows.Sum(r => r!["wonValue"]!.GetValue<decimal>()));
        var open = await db.Leads.Where(l => l.OwnerPartyId == owner.OrganizationId && LeadStatus.Open.Contains(l.Status) && l.AssignedPartnerPartyId != null)
            .Select(l => l.Value).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(open.Sum() ?? 0m, rows.Sum(r => r!["openValue"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task LeadsSavedTogetherAreRoutedAsIfEachWereSavedBeforeTheNext()
    {
        var ct = TestContext.Current.CancellationToken;
        var expired = new { name = "solar", expiresAt = app.Clock.GetUtcNow().AddDays(-1) };
        object[] profiles = [Profile(["PT"], 2), Profile(["PT", "ES"], 2, "solar"), Profile(["ES-CT"], 2, expired), Profile(["ES-CT", "PT"], 2, "solar")];
        var one = await app.ChannelAsync(profiles);
        var together = await app.ChannelAsync(profiles);
        // Places and certifications that each partner covers or misses; more leads than the partners can take.
        CreateLeadRequest Request(int i) => new($"Lead {i}", "Carla Customer", i % 3 == 0 ? "PT" : "ES", i % 3 == 2 ? "CT" : null, i % 2 == 1 ? "solar" : null, 1000m * i);
        const int count = 10;

        var oneByOne = new List<JsonNode>();
        for (var i = 0; i < count; i++)
        {
            var r = Request(i);
            oneByOne.Add(await one.Owner.Client.PostJson("/api/v1/leads",
                new { title = r.Title, contactName = r.ContactName, country = r.Country, region = r.Region, requiredCertification = r.RequiredCertification, value = r.Value }));
        }
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MutualDbContext>().Actor = new Actor(together.Owner.OrganizationId, together.Owner.PersonId, Guid.CreateVersion7());
        var leads = scope.ServiceProvider.GetRequiredService<Leads>();
        var batch = Enumerable.Range(0, count).Select(i => leads.New(Request(i), LeadSources.Api).Value!).ToList();
        await leads.SaveAllAsync(batch, ct);

        // The same partner (by position) and the same reason, lead by lead: the batch narrows its partners in memory as
        // the store does for a lone lead, and capacity and turns count the batch's own offers.
        int? Position(Member[] partners, Guid? id) => id is null ? null : Array.FindIndex(partners, p => p.OrganizationId == id);
        Assert.Equal(oneByOne.Select(l => Position(one.Partners, Assigned(l))), batch.Select(l => Position(together.Partners, l.AssignedPartnerPartyId)));
        Assert.Equal(oneByOne.Select(l => l["routingReason"]!.GetValue<string>()), batch.Select(l => l.RoutingReason));
        Assert.Equal([0, 1, 2, 3], batch.Select(l => Position(together.Partners, l.AssignedPartnerPartyId)).OfType<int>().Distinct().Order());
        Assert.DoesNotContain(batch, l => l.RequiredCertification is not null && Position(together.Partners, l.AssignedPartnerPartyId) == 2); // expired
        Assert.Contains(batch, l => l.Status == LeadStatus.Unassigned);
        Assert.All(batch.Where(l => l.AssignedPartnerPartyId is not null).GroupBy(l => l.AssignedPartnerPartyId), g => Assert.True(g.Count() <= 2));
        await app.AssertKeptCountsAsync(together.Owner, together.Partners);
    }

    [Fact]
    public async Task LeadsPostedAtOnceAreAllCreatedWithinTheirPartnersCapacity()
    {
        var (owner, p) = await app.ChannelAsync(Profile(["IE"], 4), Profile(["IE"], 4), Profile(["IE"], 4));
        var posted = await Task.WhenAll(Enumerable.Range(0, 14).Select(i => owner.Client.PostJson("/api/v1/leads",
            new { title = $"Lead {i}", contactName = "Carla Customer", country = "IE" })));

        Assert.Equal(14, posted.Select(l => l.Id()).Distinct().Count());
        Assert.Equal([4, 4, 4], posted.Where(l => Assigned(l) is not null).GroupBy(Assigned).Select(g => g.Count()));
        Assert.Equal(2, posted.Count(l => l["status"]!.GetValue<string>() == LeadStatus.Unassigned));
        Assert.Equal(14, (await owner.Client.GetJson("/api/v1/leads?view=book")).Items().Count);
        await app.AssertKeptCountsAsync(owner, p);
    }

    private async Task<int> SweepAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LeadDeadlineSweep>().RunAsync();
    }
}
