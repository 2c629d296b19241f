using System.Net;
using System.Net.Http.Json;

namespace Mutual.Web.Tests.Support;

/// <summary>A person who registered themself and acts for themself.</summary>
public sealed record Individual(HttpClient Client, Guid PartyId, string Email);

public static class Individuals
{
    public const string Password = "individual-pass-1";

    /// <summary>Registers a new individual with a unique email and signs them in with the token the registration returns.</summary>
    public static async Task<Individual> RegisterAsync(this MutualApp app, string name)
    {
        var email = $"{name.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..8]}@people.test";
        var client = app.CreateClient();
        var token = await client.PostJson("/api/v1/auth/register", new { email, password = Password, name });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token["accessToken"]!.GetValue<string>());
        var me = await client.GetJson("/api/v1/me");
        return new Individual(client, me["actingPartyId"]!.GetValue<Guid>(), email);
    }

    /// <summary>An individual with a full profile, and a member organization (the vendor) they may share it with.</summary>
    public static async Task<(Individual Ida, Member Vendor)> BuyerAndVendorAsync(this MutualApp app)
    {
        var ida = await app.RegisterAsync("Ida Buyer");
        await (await ida.Client.PutJsonAsync("/api/v1/me/profile", FullProfile("Ida Buyer", ida.Email))).Expect(HttpStatusCode.OK);
        var vendor = await app.JoinAsync(await app.AdminAsync(), "Heat Pumps Ltd", "Hans Vendor");
        return (ida, vendor);
    }

    /// <summary>Signs an individual in again (tokens expire when a test moves the clock by an hour or more).</summary>
    public static async Task<Individual> SignInAgainAsync(this MutualApp app, Individual individual) =>
        individual with { Client = await app.LoginAsync(individual.Email, Password) };

    public static async Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    /// <summary>Awaits a response, checks its status and reads its JSON body.</summary>
    public static async Task<System.Text.Json.Nodes.JsonNode> JsonAsync(this Task<HttpResponseMessage> response, HttpStatusCode expected) =>
        await (await (await response).Expect(expected)).Json();

    public static async Task<Guid> GrantAsync(this Individual individual, Guid grantee, string[] scopes, string[]? terms = null, DateTime? expiresAt = null) =>
        (await individual.Client.PostJson("/api/v1/consents", new { granteePartyId = grantee, scopes, purpose = "Quote for a heat pump", expiresAt, terms = terms ?? [] })).Id();

    public static async Task<HttpStatusCode> ReadProfileStatusAsync(this HttpClient vendor, Guid individual) =>
        (await vendor.GetAsync($"/api/v1/parties/{individual}/profile")).StatusCode;

    /// <summary>A full profile with distinct values per field, so a test can tell which fields leaked.</summary>
    public static object FullProfile(string name, string email) => new
    {
        name,
        emails = new[] { email },
        phones = new[] { "+49 30 1234567" },
        addresses = new[] { new { label = "home", line1 = "Hauptstr. 1", line2 = (string?)null, city = "Berlin", region = "BE", postalCode = "10115", country = "de" } },
        preferences = new Dictionary<string, string> { ["contact.channel"] = "email", ["language"] = "de" },
    };
}
