using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Mutual.Browser.Tests.Support;

/// <summary>
/// Arranges data through the public API (the UI is what the tests exercise, not how the data got there).
/// Names carry a per-test suffix because the browser tests share one app.
/// </summary>
public sealed class Seed(HttpClient http) : IDisposable
{
    public static async Task<Seed> SignInAsync(string baseUrl, string email, string password)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl + "/") };
        var response = await http.PostAsJsonAsync("api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new Seed(http);
    }

    public static string Suffix() => Guid.NewGuid().ToString("N")[..5];

    /// <summary>The first party of the actor's book that a search finds (for demo parties whose ids a test does not know).</summary>
    public async Task<Guid> FindPartyAsync(string q) =>
        (await GetAsync($"api/v1/parties?q={Uri.EscapeDataString(q)}"))["items"]![0]!["id"]!.GetValue<Guid>();

    public async Task<Guid> MeAsync() => (await GetAsync("api/v1/me"))["actingPartyId"]!.GetValue<Guid>();

    public async Task<Guid> PartyAsync(string kind, string name, string[]? emails = null, string[]? tags = null, string? website = null) =>
        (await PostAsync("api/v1/parties", new { kind, name, emails = emails ?? [], tags = tags ?? [], website }))["id"]!.GetValue<Guid>();

    public async Task RenameAsync(Guid party, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"api/v1/parties/{party}") { Content = JsonContent.Create(new { name }) };
        (await http.SendAsync(request)).EnsureSuccessStatusCode();
    }

    public async Task RelateAsync(Guid from, Guid to, string kind) =>
        await PostAsync("api/v1/relationships", new { fromPartyId = from, toPartyId = to, kind });

    public async Task<Guid> ConversationAsync(string subject, Guid[] participants, string body, string channel = "portal") =>
        (await PostAsync("api/v1/conversations", new { subject, participantPartyIds = participants, body, channel }))["id"]!.GetValue<Guid>();

    public async Task PostAsync(Guid conversation, string body, string channel = "portal") =>
        await PostAsync($"api/v1/conversations/{conversation}/messages", new { body, channel });

    /// <summary>Invites a person and accepts as them, returning their signed-in API client.</summary>
    public async Task<Seed> JoinAsync(string baseUrl, Guid person, string email, string password)
    {
        var invitation = await PostAsync($"api/v1/parties/{person}/invitations", new { email });
        var guest = new HttpClient { BaseAddress = new Uri(baseUrl + "/") };
        var response = await guest.PostAsJsonAsync("api/v1/auth/accept-invitation",
            new { token = invitation["token"]!.GetValue<string>(), password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        guest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new Seed(guest);
    }

    public async Task<Guid> FactAsync(Guid subject, string key, string value, bool shared = false, int? shelfLifeDays = null) =>
        (await PostAsync($"api/v1/parties/{subject}/facts", new { key, value, source = "call", sharedWithSubject = shared, shelfLifeDays }))["id"]!.GetValue<Guid>();

    public async Task TierAsync(Guid party, string? tier)
    {
        var response = await http.PutAsJsonAsync($"api/v1/parties/{party}/engagement", new { tier });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"PUT engagement: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task FollowUpAsync(string title, DateTime dueAt, Guid? partyId = null) =>
        await PostAsync("api/v1/tasks", new { title, dueAt, partyId });

    /// <summary>An organization with a person who works for it, related to the host as its channel partner; the person signs in.</summary>
    public async Task<(Guid Org, Seed Person)> PartnerAsync(string baseUrl, Guid hostId, string org, string person, string email, string password)
    {
        var orgId = await PartyAsync("organization", org);
        var personId = await PartyAsync("person", person, [email]);
        await RelateAsync(personId, orgId, "works-for");
        await RelateAsync(orgId, hostId, "partner-of");
        return (orgId, await JoinAsync(baseUrl, personId, email, password));
    }

    public async Task PartnerProfileAsync(Guid partner, string[] territories, int capacity, string[]? certifications = null)
    {
        var response = await http.PutAsJsonAsync($"api/v1/partners/{partner}/profile", new { territories, capacity, certifications = certifications ?? [] });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"PUT profile: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<Guid> LeadAsync(string title, string country, decimal? value = null, string contactName = "Rasa Jankauskienė") =>
        (await PostAsync("api/v1/leads", new { title, contactName, country, value }))["id"]!.GetValue<Guid>();

    /// <summary>A product in the signed-in party's catalogue; prices as (region, currency, amount).</summary>
    public async Task<Guid> ProductAsync(string sku, string name, params (string Region, string Currency, decimal Amount)[] prices) =>
        (await PostAsync("api/v1/catalogue/products", new
        {
            sku, name, description = $"{name}, from the browser tests.",
            prices = prices.Select(p => new { region = p.Region, currency = p.Currency, amount = p.Amount }),
        }))["id"]!.GetValue<Guid>();

    /// <summary>A case the signed-in organization opens and holds; returns its id.</summary>
    public async Task<Guid> CaseAsync(string title, Guid customer, string priority = "normal") =>
        (await PostAsync("api/v1/cases", new { title, customerPartyId = customer, description = $"{title}, from the browser tests.", priority }))["id"]!.GetValue<Guid>();

    /// <summary>A person who registers themself (an individual), with their API client and party id.</summary>
    public static async Task<(Seed Seed, Guid PartyId)> RegisterAsync(string baseUrl, string name, string email, string password)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl + "/") };
        var response = await http.PostAsJsonAsync("api/v1/auth/register", new { email, password, name });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var seed = new Seed(http);
        return (seed, await seed.MeAsync());
    }

    /// <summary>States the person's values (PUT /me/values).</summary>
    public async Task ValuesAsync(object answers) =>
        (await http.PutAsJsonAsync("api/v1/me/values", new { answers })).EnsureSuccessStatusCode();

    /// <summary>The signed-in organization's vendor profile (PUT /me/vendor-profile): what it sells, where.</summary>
    public async Task VendorProfileAsync(string[] categories, string[] territories)
    {
        var response = await http.PutAsJsonAsync("api/v1/me/vendor-profile", new { categories, territories });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"PUT vendor-profile: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>An offer by the signed-in organization on an intent it sees (POST /intents/{id}/offers).</summary>
    public async Task OfferAsync(Guid intent, string summary, decimal price) =>
        await PostAsync($"api/v1/intents/{intent}/offers", new { summary, price });

    private async Task<JsonObject> GetAsync(string path) => (await http.GetFromJsonAsync<JsonObject>(path))!;

    private async Task<JsonObject> PostAsync(string path, object body)
    {
        var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public void Dispose() => http.Dispose();
}
