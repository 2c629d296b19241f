using System.Net;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>Reps ranked by similarity of stated values with a buyer, and the contact person an organization assigns.</summary>
public sealed class RepMatchTests(MutualApp app) : IClassFixture<MutualApp>
{
    private sealed record Team(Member Vera, Member Carl, Member Nora, Guid Walt, Individual Ida);

    /// <summary>Vera answers like the buyer, Carl partly, Nora not at all; Walt works for the vendor but has no account.</summary>
    private async Task<Team> TeamAsync(bool buyerAnswers = true)
    {
        var admin = await app.AdminAsync();
        var vera = await app.JoinAsync(admin, "Matching Vendor", "Vera Rep");
        var carl = await app.AddRepAsync(vera, "Carl Rep");
        var nora = await app.AddRepAsync(vera, "Nora Rep");
        var walt = await vera.Client.CreatePartyAsync("person", "Walt Field");
        await vera.Client.RelateAsync(walt, vera.OrganizationId, "works-for");
        var ida = await app.RegisterAsync("Ida Buyer");
        if (buyerAnswers) await ida.Client.AnswerAsync(Matching.Calm);
        await vera.Client.AnswerAsync(Matching.Calm);
        await carl.Client.AnswerAsync(new Dictionary<string, object>
        {
            ["communication-style"] = "detailed", ["channel"] = new[] { "phone" }, ["priorities"] = new[] { "price", "sustainability" }, ["relationship"] = "long-term",
        });
        return new Team(vera, carl, nora, walt, ida);
    }

    [Fact]
    public async Task RepsAreRankedBySimilarityWithTheReasonAndThoseWithoutAnswersLast()
    {
        var t = await TeamAsync();
        var ranking = await t.Vera.Client.GetJson($"/api/v1/parties/{t.Ida.PartyId}/rep-matches");
        Assert.True(ranking["buyerAnswered"]!.GetValue<bool>());
        var items = ranking.Items();
        Assert.Equal([t.Vera.PersonId, t.Carl.PersonId, t.Nora.PersonId, t.Walt], items.Select(i => i!["repPartyId"]!.GetValue<Guid>()));
        Assert.Equal(1.0, items[0]!["score"]!.GetValue<double>());
        Assert.StartsWith("Both prefer brief messages, like email, like meeting in person, put sustainability first", items[0]!["reason"]!.GetValue<string>());
        var carl = items[1]!;
        Assert.Equal("Both value price and sustainability and want a long-term relationship.", carl["reason"]!.GetValue<string>());
        Assert.InRange(carl["score"]!.GetValue<double>(), 0.01, 0.99);
        foreach (var silent in new[] { items[2]!, items[3]! })
        {
            Assert.False(silent["answered"]!.GetValue<bool>());
            Assert.Null(silent["score"]);
            Assert.Equal("No answers yet.", silent["reason"]!.GetValue<string>());
        }
        // The buyer's raw answers never leave: nothing Carl does not share shows in his row.
        Assert.DoesNotContain("email", carl.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("considered", carl.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("check-ins", carl.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(ranking["answers"]);
    }

    [Fact]
    public async Task AnIntentsPseudonymousBuyerIsMatchedWithoutRevealingWhoTheyAre()
    {
        var t = await TeamAsync();
        await t.Vera.Client.VendorProfileAsync(["heat-pumps"], ["ES"]);
        // Vera's organization already assigned a contact person for Ida: the intent's ranking must not hint at it.
        await (await t.Vera.Client.PutJsonAsync($"/api/v1/parties/{t.Ida.PartyId}/contact-person", new { repPartyId = t.Carl.PersonId })).Expect(HttpStatusCode.OK);
        var intent = (await t.Ida.PublishAsync("ES")).Id();

        var response = await t.Vera.Client.GetAsync($"/api/v1/intents/{intent}/rep-matches");
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(t.Ida.PartyId.ToString(), raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Ida", raw, StringComparison.Ordinal);
        var ranking = System.Text.Json.Nodes.JsonNode.Parse(raw)!;
        Assert.Null(ranking["buyerPartyId"]);
        var items = ranking.Items();
        Assert.Equal([t.Vera.PersonId, t.Carl.PersonId, t.Nora.PersonId, t.Walt], items.Select(i => i!["repPartyId"]!.GetValue<Guid>()));
        Assert.All(items, i => Assert.False(i!["assigned"]!.GetValue<bool>()));

        // Only an organization that may see the intent ranks for it; the individual has no reps.
        var admin = await app.AdminAsync();
        var other = await app.JoinAsync(admin, "Unmatched Vendor", "Uma Other");
        await (await other.Client.GetAsync($"/api/v1/intents/{intent}/rep-matches")).Expect(HttpStatusCode.NotFound);
        await (await t.Ida.Client.GetAsync($"/api/v1/intents/{intent}/rep-matches")).Expect(HttpStatusCode.UnprocessableEntity);
        await (await t.Vera.Client.GetAsync($"/api/v1/intents/{Guid.NewGuid()}/rep-matches")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ABuyerWhoDidNotAnswerOrOptedOutGivesAnEmptyRankingWithTheSameReason()
    {
        var t = await TeamAsync(buyerAnswers: false);
        var unanswered = await t.Vera.Client.GetJson($"/api/v1/parties/{t.Ida.PartyId}/rep-matches");
        Assert.False(unanswered["buyerAnswered"]!.GetValue<bool>());
        Assert.Empty(unanswered.Items());
        await t.Ida.Client.AnswerAsync(Matching.Calm, useForMatching: false);
        var optedOut = await t.Vera.Client.GetJson($"/api/v1/parties/{t.Ida.PartyId}/rep-matches");
        Assert.Empty(optedOut.Items());
        Assert.Equal(unanswered["reason"]!.GetValue<string>(), optedOut["reason"]!.GetValue<string>());
        // A rep who opts out is listed as one without answers.
        await t.Ida.Client.AnswerAsync(Matching.Calm, useForMatching: true);
        await t.Vera.Client.AnswerAsync(Matching.Calm, useForMatching: false);
        var vera = (await t.Vera.Client.GetJson($"/api/v1/parties/{t.Ida.PartyId}/rep-matches")).Items().Single(i => i!["repPartyId"]!.GetValue<Guid>() == t.Vera.PersonId)!;
        Assert.Equal((false, "No answers yet."), (vera["answered"]!.GetValue<bool>(), vera["reason"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OnlyAnOrganizationRanksAndOnlyBuyersItMaySee()
    {
        var t = await TeamAsync();
        await (await t.Ida.Client.GetAsync($"/api/v1/parties/{t.Ida.PartyId}/rep-matches")).Expect(HttpStatusCode.UnprocessableEntity);
        var hidden = await (await app.AdminAsync()).CreatePartyAsync("person", "Host Private");
        await (await t.Vera.Client.GetAsync($"/api/v1/parties/{hidden}/rep-matches")).Expect(HttpStatusCode.NotFound);
        await (await t.Vera.Client.GetAsync($"/api/v1/parties/{Guid.NewGuid()}/contact-person")).Expect(HttpStatusCode.NotFound);
        var page = await t.Vera.Client.GetJson($"/api/v1/parties/{t.Ida.PartyId}/rep-matches?limit=3");
        Assert.Equal(3, page.Items().Count);
        var rest = await t.Vera.Client.GetJson($"/api/v1/parties/{t.Ida.PartyId}/rep-matches?limit=3&cursor={page["nextCursor"]!.GetValue<string>()}");
        Assert.Equal([t.Walt], rest.Items().Select(i => i!["repPartyId"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task AnOrganizationAssignsOneOfItsRepsAndTheEventsTellItAndTheRep()
    {
        var t = await TeamAsync();
        var url = $"/api/v1/parties/{t.Ida.PartyId}/contact-person";
        await (await t.Vera.Client.GetAsync(url)).Expect(HttpStatusCode.NotFound);
        var outsider = await app.RegisterAsync("Otto Outsider");
        var refused = await t.Vera.Client.PutJsonAsync(url, new { repPartyId = outsider.PartyId }).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(refused["errors"]!["repPartyId"]);
        await t.Vera.Client.PutJsonAsync(url, new { }).JsonAsync(HttpStatusCode.BadRequest);

        var put = await t.Vera.Client.PutJsonAsync(url, new { repPartyId = t.Carl.PersonId });
        await put.Expect(HttpStatusCode.OK);
        Assert.Equal("\"1\"", put.Headers.ETag?.Tag);
        var assigned = await t.Carl.Client.GetJson(url); // any of the organization's people reads it
        Assert.Equal(("Carl Rep", t.Vera.PersonId), (assigned["rep"]!["name"]!.GetValue<string>(), assigned["assignedByPartyId"]!.GetValue<Guid>()));
        Assert.True((await t.Vera.Client.GetJson($"/api/v1/parties/{t.Ida.PartyId}/rep-matches")).Items()
            .Single(i => i!["repPartyId"]!.GetValue<Guid>() == t.Carl.PersonId)!["assigned"]!.GetValue<bool>());
        // A works-for person without an account may be assigned too; a stale If-Match changes nothing.
        await (await t.Vera.Client.PutJsonAsync(url, new { repPartyId = t.Walt }, "\"7\"")).Expect(HttpStatusCode.PreconditionFailed);
        await (await t.Vera.Client.PutJsonAsync(url, new { repPartyId = t.Walt }, "\"1\"")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, await app.OutboxCountAsync("party.contact_assigned", t.Ida.PartyId));

        // Another organization sees no assignment of Vera's and cannot remove it.
        var rival = await app.JoinAsync(await app.AdminAsync(), "Rival Vendor", "Rolf Rival");
        await (await rival.Client.GetAsync(url)).Expect(HttpStatusCode.NotFound);
        await (await rival.Client.DeleteAsync(url)).Expect(HttpStatusCode.NotFound);
        await (await t.Ida.Client.GetAsync(url)).Expect(HttpStatusCode.NotFound); // an individual has no assignments at all

        await (await t.Vera.Client.DeleteAsync(url)).Expect(HttpStatusCode.NoContent);
        await (await t.Vera.Client.GetAsync(url)).Expect(HttpStatusCode.NotFound);
        Assert.Equal(1, await app.OutboxCountAsync("party.contact_unassigned", t.Ida.PartyId));
    }
}
