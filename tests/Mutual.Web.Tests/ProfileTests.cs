using System.Net;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>The individual's own profile and the organization's vendor profile: each written by its owner alone.</summary>
public sealed class ProfileTests(MutualApp app) : IClassFixture<MutualApp>
{
    [Fact]
    public async Task AnIndividualReplacesTheirProfileUnderIfMatch()
    {
        var ida = await app.RegisterAsync("Ida Profile");
        var read = await ida.Client.GetAsync("/api/v1/me/profile");
        await read.Expect(HttpStatusCode.OK);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);

        var put = await ida.Client.PutJsonAsync("/api/v1/me/profile", Individuals.FullProfile("Ida P. Profile", "IDA@Home.Test"), "\"1\"");
        await put.Expect(HttpStatusCode.OK);
        Assert.Equal("\"2\"", put.Headers.ETag?.Tag);
        var profile = await ida.Client.GetJson("/api/v1/me/profile");
        Assert.Equal("Ida P. Profile", profile["name"]!.GetValue<string>());
        Assert.Equal(["ida@home.test"], profile["emails"].Strings());
        Assert.Equal(["+49 30 1234567"], profile["phones"].Strings());
        var address = profile["addresses"]![0]!;
        Assert.Equal(("home", "Hauptstr. 1", "Berlin", "BE", "10115", "DE"), (address["label"]!.GetValue<string>(), address["line1"]!.GetValue<string>(),
            address["city"]!.GetValue<string>(), address["region"]!.GetValue<string>(), address["postalCode"]!.GetValue<string>(), address["country"]!.GetValue<string>()));
        Assert.Null(address["line2"]);
        Assert.Equal("email", profile["preferences"]!["contact.channel"]!.GetValue<string>());
        // The name is the party's name too, which the network directory shows.
        Assert.Equal("Ida P. Profile", (await ida.Client.GetJson("/api/v1/me"))["personName"]!.GetValue<string>());

        // A write based on the old version is refused and changes nothing.
        var stale = await ida.Client.PutJsonAsync("/api/v1/me/profile", new { name = "Overwritten", emails = Array.Empty<string>() }, "\"1\"");
        await stale.Expect(HttpStatusCode.PreconditionFailed);
        Assert.Equal("Ida P. Profile", (await ida.Client.GetJson("/api/v1/me/profile"))["name"]!.GetValue<string>());
        // Without If-Match the last write wins, and absent lists empty out (PUT replaces).
        await (await ida.Client.PutJsonAsync("/api/v1/me/profile", new { name = "Ida" })).Expect(HttpStatusCode.OK);
        profile = await ida.Client.GetJson("/api/v1/me/profile");
        Assert.Equal((3, 0, 0), (profile["version"]!.GetValue<int>(), profile["addresses"]!.AsArray().Count, profile["preferences"]!.AsObject().Count));
    }

    [Fact]
    public async Task AnInvitedPersonActingForThemselfStartsWithAnUnsavedProfile()
    {
        var admin = await app.AdminAsync();
        var email = $"ivo-{Guid.NewGuid():N}@people.test";
        var person = await admin.CreatePartyAsync("person", "Ivo Invited", [email]);
        var invitation = await admin.PostJson($"/api/v1/parties/{person}/invitations", new { email });
        var client = app.CreateClient();
        var token = await client.PostJson("/api/v1/auth/accept-invitation", new { token = invitation["token"]!.GetValue<string>(), password = "invited-pass-1" }, HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token["accessToken"]!.GetValue<string>());

        var profile = await client.GetJson("/api/v1/me/profile");
        Assert.Equal((person, 0), (profile["partyId"]!.GetValue<Guid>(), profile["version"]!.GetValue<int>()));
        Assert.Equal([email], profile["emails"].Strings());
        await (await client.PutJsonAsync("/api/v1/me/profile", new { name = "Ivo", emails = new[] { email } }, "\"3\"")).Expect(HttpStatusCode.PreconditionFailed);
        var put = await client.PutJsonAsync("/api/v1/me/profile", new { name = "Ivo", emails = new[] { email } }, "\"0\"");
        await put.Expect(HttpStatusCode.OK);
        Assert.Equal("\"1\"", put.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task AnInvalidProfileIsAFieldErrorAndChangesNothing()
    {
        var ida = await app.RegisterAsync("Ida Invalid");
        var prefs = Enumerable.Range(0, 31).ToDictionary(i => $"k{i}", i => "v");
        var problem = await ida.Client.PutJsonAsync("/api/v1/me/profile", new
        {
            name = "",
            emails = new[] { "nope" },
            phones = new[] { "call me" },
            addresses = new[] { new { line1 = "", city = "Berlin", country = "Germany" } },
            preferences = prefs,
        }).JsonAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "name", "emails", "phones", "addresses[0].line1", "addresses[0].country", "preferences" })
            Assert.True(problem["errors"]![field] is not null, $"expected an error for {field}: {problem.Problem()}");
        problem = await ida.Client.PutJsonAsync("/api/v1/me/profile", new { name = "Ida", preferences = new Dictionary<string, string> { ["Bad Key"] = "x", ["ok"] = new string('v', 501) } }).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(2, problem["errors"]!["preferences"]!.AsArray().Count);
        // A preference value must be text, not a number: a bad body is a 400, never a 500.
        var raw = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/profile") { Content = new StringContent("{\"name\":\"Ida\",\"preferences\":{\"a\":1}}", System.Text.Encoding.UTF8, "application/json") };
        await (await ida.Client.SendAsync(raw)).Expect(HttpStatusCode.BadRequest);
        var profile = await ida.Client.GetJson("/api/v1/me/profile");
        Assert.Equal(("Ida Invalid", 1), (profile["name"]!.GetValue<string>(), profile["version"]!.GetValue<int>()));
    }

    [Fact]
    public async Task OnlyAnIndividualHasAPersonalProfileAndOnlyAnOrganizationAVendorProfile()
    {
        var admin = await app.AdminAsync();
        var vendor = await app.JoinAsync(admin, "Vendor Works", "Vera Vendor");
        await (await vendor.Client.GetAsync("/api/v1/me/profile")).Expect(HttpStatusCode.NotFound);
        await (await vendor.Client.PutJsonAsync("/api/v1/me/profile", Individuals.FullProfile("Vera", "vera@x.test"))).Expect(HttpStatusCode.UnprocessableEntity);
        var ida = await app.RegisterAsync("Ida Buyer");
        await (await ida.Client.PutJsonAsync("/api/v1/me/vendor-profile", new { categories = new[] { "solar" }, territories = new[] { "DE" } }))
            .Expect(HttpStatusCode.UnprocessableEntity);
        await (await ida.Client.GetAsync("/api/v1/me/vendor-profile")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnOrganizationStatesWhatItSellsAndWhere()
    {
        var admin = await app.AdminAsync();
        var vendor = await app.JoinAsync(admin, "Solar Sellers", "Sol Seller");
        await (await vendor.Client.GetAsync("/api/v1/me/vendor-profile")).Expect(HttpStatusCode.NotFound);
        var put = await vendor.Client.PutJsonAsync("/api/v1/me/vendor-profile", new { categories = new[] { "Solar-Panels", "heat-pumps", "solar-panels" }, territories = new[] { "de", "AT", "us-ca" } });
        await put.Expect(HttpStatusCode.OK);
        Assert.Equal("\"1\"", put.Headers.ETag?.Tag);
        var profile = await vendor.Client.GetJson("/api/v1/me/vendor-profile");
        Assert.Equal(["heat-pumps", "solar-panels"], profile["categories"].Strings());
        Assert.Equal(["AT", "DE", "US-CA"], profile["territories"].Strings());
        Assert.Equal(vendor.OrganizationId, profile["partyId"]!.GetValue<Guid>());

        var problem = await vendor.Client.PutJsonAsync("/api/v1/me/vendor-profile", new { categories = new[] { "Solar Panels!" }, territories = new[] { "Germany" } }).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["categories"]);
        Assert.NotNull(problem["errors"]!["territories"]);
        problem = await vendor.Client.PutJsonAsync("/api/v1/me/vendor-profile", new { }).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["categories"]);
        await (await vendor.Client.PutJsonAsync("/api/v1/me/vendor-profile", new { categories = new[] { "x" }, territories = new[] { "FR" } }, "\"7\""))
            .Expect(HttpStatusCode.PreconditionFailed);
        await (await vendor.Client.PutJsonAsync("/api/v1/me/vendor-profile", new { categories = new[] { "batteries" }, territories = new[] { "FR" } }, "\"1\""))
            .Expect(HttpStatusCode.OK);
        profile = await vendor.Client.GetJson("/api/v1/me/vendor-profile");
        Assert.Equal(["batteries"], profile["categories"].Strings());
        Assert.Equal(["FR"], profile["territories"].Strings());
        Assert.Equal(2, profile["version"]!.GetValue<int>());

        // Another organization has its own (none yet), and never reads this one.
        var other = await app.JoinAsync(admin, "Other Sellers", "Otto Other");
        await (await other.Client.GetAsync("/api/v1/me/vendor-profile")).Expect(HttpStatusCode.NotFound);
    }
}
